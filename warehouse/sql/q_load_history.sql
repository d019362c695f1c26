-- q_load_history: the newest loads first (v_load_history). Grain: load.
with
final as (
    select
        load_id, loaded_at, file_name, format, platform, opd, period_start, period_end,
        rows_read, n_new, n_updated, n_duplicate, n_rejected, status, loaded_by, message
    from v_load_history
    -- An operator reads only their own OPD's loads ($opd_id; NULL = every load).
    where $opd_id is null
       or load_id in (select load_id from loads where opd_id = CAST($opd_id AS INTEGER))
)
select * from final
order by loaded_at desc, load_id desc
limit $limit
