-- q_date_bounds: first publication date and the data end (v_data_end, views/025_v_coverage.sql:
-- the one definition every page prints). Grain: one row. last_date: the data end, the newest
-- day any account's data reaches (not today, not only the newest post).
with
final as (
    select CAST(min(published_at) AS DATE) as first_date,
           (select data_end from v_data_end) as last_date
    from v_posts
)
select * from final
