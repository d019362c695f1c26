-- q_data_start: the first day any data reaches: the earliest day a live load covers
-- (load_coverage, views/025_v_coverage.sql) or a post was published (v_post_day_count). A month
-- whose exports arrived without a single post is data (zero posts), so comparisons start there,
-- not at the first post (warehouse.compare). Grain: one row; null on an empty warehouse.
with
final as (
    select least(
        (select min(c.period_start)
         from load_coverage c
         join loads l on l.load_id = c.load_id and l.status = 'loaded'),
        (select min(pub_date) from v_post_day_count)
    ) as data_start
)
select * from final
