-- q_platforms: platforms that have an account or a post. Grain: platform.
-- The accounts of the OPDs on the list read from the account table itself (the platforms
-- v_opd_profile lists per OPD, without planning its aggregate and operator columns).
with
found as (
    select a.platform from account a semi join opd o using (opd_id)
    union
    -- the platforms of v_posts, from the per-day counts
    select distinct platform from v_post_day_count
),
final as (
    select platform from found where platform is not null
)
select * from final
order by platform
