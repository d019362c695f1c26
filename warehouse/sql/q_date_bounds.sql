-- q_date_bounds: first publication date and the data end (v_data_end, views/025_v_coverage.sql:
-- the one definition every page prints). Grain: one row. last_date: the data end, the newest
-- day any account's data reaches (not today, not only the newest post). first_date is read
-- from the per-day counts (v_post_day_count: the same days as v_posts, kept equal to posts at
-- every write).
with
final as (
    select (select min(pub_date) from v_post_day_count) as first_date,
           (select data_end from v_data_end) as last_date
)
select * from final
