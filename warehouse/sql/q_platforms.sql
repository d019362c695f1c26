-- q_platforms: platforms that have an account or a post. Grain: platform.
-- The accounts' platforms from v_account_platforms (views/190_filter_options.sql).
with
found as (
    select platform from v_account_platforms
    union
    -- the platforms of v_posts, from the per-day counts
    select distinct platform from v_post_day_count
),
final as (
    select platform from found where platform is not null
)
select * from final
order by platform
