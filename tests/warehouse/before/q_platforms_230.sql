-- q_platforms: platforms that have an account or a post. Grain: platform.
with
found as (
    select unnest(account_platforms) as platform from v_opd_profile
    union
    -- the platforms of v_posts, from the per-day counts
    select distinct platform from v_post_day_count
),
final as (
    select platform from found where platform is not null
)
select * from final
order by platform
