-- q_date_bounds: first and last publication date of the posts of the OPDs on the list (as
-- v_posts: posts join opd). Grain: one row. Read from the per-day counts (post_day_count:
-- the same days as the posts, kept equal to them at every write).
with
final as (
    select min(d.pub_date) as first_date, max(d.pub_date) as last_date
    from post_day_count d
    semi join opd o using (opd_id)
)
select * from final
