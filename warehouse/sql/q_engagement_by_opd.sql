-- q_engagement_by_opd: engagement per OPD, and per reach over the posts whose reach is known.
-- Grain: OPD.
with
opds as (
    select * from v_opd_profile
    where (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
period_posts as (
    select p.* from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
final as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_kind) as opd_kind,
        count(*) as posts,
        sum(engagement) as engagement,
        sum(engagement) / count(*) as engagement_per_post,
        count(reach) filter (where reach > 0) as posts_with_reach,
        sum(reach) filter (where reach > 0) as reach,
        sum(engagement) filter (where reach > 0) / sum(reach) filter (where reach > 0)
            as engagement_per_reach
    from period_posts
    group by opd_id
)
select * from final
order by engagement desc, opd
