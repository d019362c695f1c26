-- q_engagement_by_opd: engagement per OPD, and per reach over the posts whose reach is known.
-- Grain: OPD.
with
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
final as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_kind) as opd_kind,
        count(*) as posts,
        -- Over the posts that carry interaction counts; null (no data, "-") for an OPD none of
        -- whose posts does (logbook rows only), never 0.
        sum(engagement) filter (where has_interaction) as engagement,
        sum(engagement) filter (where has_interaction) / count(*) as engagement_per_post,
        count(reach) filter (where reach > 0) as posts_with_reach,
        sum(reach) filter (where reach > 0) as reach,
        sum(engagement) filter (where reach > 0) / sum(reach) filter (where reach > 0)
            as engagement_per_reach
    from period_posts
    group by opd_id
)
select * from final
order by engagement desc nulls last, opd
