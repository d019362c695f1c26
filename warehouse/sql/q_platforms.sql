-- q_platforms: platforms that have an account or a post. Grain: platform.
with
found as (
    select unnest(account_platforms) as platform from v_opd_profile
    union
    -- the platforms of the posts of the OPDs on the list (as v_posts), from the per-day counts
    select distinct d.platform from post_day_count d semi join opd o using (opd_id)
),
final as (
    select platform from found where platform is not null
)
select * from final
order by platform
