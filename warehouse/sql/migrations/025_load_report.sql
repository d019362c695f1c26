-- 025: every load keeps its report (the assumptions it made: date order and why, source zone,
-- years inferred, cells filled down, in-file duplicates, rejects) and the period the file says it
-- covers (file name, export period, logbook title or sheet), with where that period was read.
-- Status gains 'needs_review': too many rows rejected, nothing written.
ALTER TABLE loads ADD COLUMN report VARCHAR;           -- JSON, etl.load_report.LoadReport.stored()
ALTER TABLE loads ADD COLUMN declared_start DATE;
ALTER TABLE loads ADD COLUMN declared_end DATE;
ALTER TABLE loads ADD COLUMN declared_source VARCHAR;  -- Bahasa Indonesia, e.g. "nama berkas '...'"
