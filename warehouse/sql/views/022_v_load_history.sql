-- v_load_history: every load with the OPD it was loaded for. Grain: load. The one definition
-- of the load history: the Unggah Data page (q_load_history) and the CLI (etl history) read it.
CREATE OR REPLACE VIEW v_load_history AS
SELECT
    l.load_id, l.loaded_at, l.status, l.file_name, l.format, l.platform, o.name AS opd,
    l.period_start, l.period_end, l.exported_at, l.rows_read, l.n_new, l.n_updated,
    l.n_duplicate, l.n_rejected, l.loaded_by, l.undone_at, l.message, l.file_path, l.sha256,
    l.declared_start, l.declared_end, l.declared_source, l.report
FROM loads l
LEFT JOIN opd o USING (opd_id);
