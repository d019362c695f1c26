-- q_date_bounds: first and last publication date. Grain: one row. Read from the per-day counts
-- (v_post_day_count: the same days as v_posts, kept equal to posts at every write).
with
final as (
    select min(pub_date) as first_date, max(pub_date) as last_date
    from v_post_day_count
)
select * from final
