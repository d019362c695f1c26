-- q_campaign_summary: participation in one campaign per OPD kind. Grain: OPD kind.
with
opds as (
    select * from v_opd_profile
    where expected_to_post
      and (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
campaign_posts as (
    select distinct p.post_key, p.opd_id
    from post_campaign pc
    join posts p using (post_key)
    where pc.campaign_id = $campaign_id
      and p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
per_opd as (
    select opd_id, count(*) as n from campaign_posts group by opd_id
),
final as (
    select
        o.opd_kind,
        count(*) as expected_opds,
        count(p.opd_id) as participating_opds,
        count(p.opd_id) / count(*) as participation_rate,
        coalesce(sum(p.n), 0) as campaign_posts
    from opds o
    left join per_opd p using (opd_id)
    group by o.opd_kind
)
select * from final
order by opd_kind
