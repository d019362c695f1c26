-- q_load_history: the newest loads first. Grain: load.
with
final as (
    select
        l.load_id, l.loaded_at, l.file_name, l.format, l.platform, o.name as opd,
        l.period_start, l.period_end, l.rows_read, l.n_new, l.n_updated, l.n_duplicate,
        l.n_rejected, l.status, l.loaded_by, l.message
    from loads l
    left join opd o using (opd_id)
)
select * from final
order by loaded_at desc, load_id desc
limit $limit
