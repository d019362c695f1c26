-- q_engagement_by_opd: engagement per OPD, and per reach over the posts whose reach is known.
-- Grain: OPD. Counted by content_counts (views/140_content_counts.sql: whole months from
-- post_content_month, other days from the posts), not read post by post.
with
counts as (
    select * from content_counts('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
final as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_kind) as opd_kind,
        cast(sum(posts) as bigint) as posts,
        -- over the posts carrying interaction counts (none: null)
        sum(interaction_engagement) as engagement,
        sum(interaction_engagement) / sum(posts) as engagement_per_post,
        cast(sum(reach_posts) as bigint) as posts_with_reach,
        sum(reach) as reach,
        sum(reach_engagement) / sum(reach) as engagement_per_reach
    from counts
    group by opd_id
)
select * from final
order by engagement desc nulls last, opd
