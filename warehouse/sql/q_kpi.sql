-- q_kpi: KPI tiles for one period (called once per compared period). Grain: one row.
-- Active OPD: opd_activity over the whole period (views/030_scope_and_activity.sql).
with
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids)
),
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
per_opd as (
    select opd_id, is_active
    from opd_activity('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                      $min_per_month, $min_per_week, false)
),
activity as (
    select
        count(*) filter (where o.expected_to_post) as expected_opds,
        count(*) filter (where o.expected_to_post and coalesce(a.is_active, false))
            as active_opds,
        count(*) filter (where o.expected_to_post and not o.has_operator) as opds_without_operator
    from opds o
    left join per_opd a using (opd_id)
),
content as (
    select
        count(*) as posts,
        count_if(is_kinerja) as kinerja_posts,
        count_if(is_ucapan) as ucapan_posts,
        count_if(is_figure) as figure_posts,
        coalesce(sum(engagement), 0) as engagement,
        sum(engagement) filter (where reach > 0) as engagement_with_reach,
        sum(reach) filter (where reach > 0) as reach
    from period_posts
),
final as (
    select
        a.active_opds / nullif(a.expected_opds, 0) as activity_rate,
        a.active_opds,
        a.expected_opds,
        c.posts,
        c.kinerja_posts / nullif(c.posts, 0) as kinerja_share,
        c.ucapan_posts / nullif(c.posts, 0) as ucapan_share,
        c.figure_posts / nullif(c.posts, 0) as figure_share,
        c.engagement,
        c.engagement / nullif(c.posts, 0) as engagement_per_post,
        c.engagement_with_reach / c.reach as engagement_per_reach,
        a.opds_without_operator
    from activity a
    cross join content c
)
select * from final
