-- q_rejected_rows: rows the loader kept out of live loads (file, sheet, row, column, value and
-- the reason in Bahasa Indonesia), newest load first, for an analyst to fix at the source.
-- Grain: rejected row. total_rejected: how many rows match before $limit cuts the list (the
-- count a page shows, so a long list never reads as exactly $limit rows).
with
final as (
    select
        r.load_id, l.loaded_at, r.file_name, r.sheet, r.row_number, r.column_name, r.value,
        r.reason, count(*) over () as total_rejected
    from rejects r
    join loads l using (load_id)
    where l.status = 'loaded'
      -- An operator reads only their own OPD's rejected rows ($opd_id; NULL = all).
      and ($opd_id is null or l.opd_id = CAST($opd_id AS INTEGER))
)
select * from final
order by loaded_at desc, load_id desc, sheet, row_number
limit $limit
