-- q_campaign_participation: every expected-to-post OPD and its posts for one campaign in the
-- period (who has not posted comes first). Grain: OPD.
with
opds as (
    select * from v_opd_profile
    where expected_to_post
      and (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
campaign_posts as (
    select distinct p.post_key, p.opd_id, p.published_at
    from post_campaign pc
    join posts p using (post_key)
    where pc.campaign_id = $campaign_id
      and p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
per_opd as (
    select opd_id, count(*) as campaign_posts, min(published_at) as first_post_at,
           max(published_at) as last_post_at
    from campaign_posts group by opd_id
),
final as (
    select
        o.opd_id, o.opd, o.opd_kind,
        coalesce(p.campaign_posts, 0) as campaign_posts,
        p.first_post_at, p.last_post_at,
        coalesce(p.campaign_posts, 0) > 0 as participated
    from opds o
    left join per_opd p using (opd_id)
)
select * from final
order by participated, campaign_posts desc, opd_kind, opd
