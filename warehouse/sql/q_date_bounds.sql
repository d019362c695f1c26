-- q_date_bounds: first and last publication date. Grain: one row.
with
final as (
    select CAST(min(published_at) AS DATE) as first_date, CAST(max(published_at) AS DATE) as last_date
    from v_posts
)
select * from final
