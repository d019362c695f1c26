-- q_date_bounds: first publication date and the data end. Grain: one row. first_date is read
-- from the per-day counts (v_post_day_count: the same days as v_posts, kept equal to posts at
-- every write); last_date is THE data end (v_data_end, views/025_v_coverage.sql: the last
-- whole day any live data reaches, never before the newest post), which every page prints.
with
final as (
    select (select min(pub_date) from v_post_day_count) as first_date,
           (select data_end from v_data_end) as last_date
)
select * from final
