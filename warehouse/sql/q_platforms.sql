-- q_platforms: platforms that have an account or a post. Grain: platform.
with
found as (
    select unnest(account_platforms) as platform from v_opd_profile
    union
    select distinct platform from v_posts
),
final as (
    select platform from found where platform is not null
)
select * from final
order by platform
