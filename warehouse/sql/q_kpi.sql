-- q_kpi: KPI tiles for one period (called once per compared period). Grain: one row.
-- Active OPD and the rate's denominator: opd_judgement over the whole period
-- (views/030_scope_and_activity.sql): an OPD whose data for the period has not all arrived and
-- that is not active is no_data, left out of the rate (judged_opds, "datanya lengkap").
with
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids)
),
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
per_opd as (
    select opd_id, is_active, is_judged
    from opd_judgement('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $activity_rule)
),
activity as (
    select
        count(*) filter (where o.expected_to_post) as expected_opds,
        count(*) filter (where o.expected_to_post and a.is_judged) as judged_opds,
        count(*) filter (where o.expected_to_post and not a.is_judged) as no_data_opds,
        count(*) filter (where o.expected_to_post and a.is_active) as active_opds,
        count(*) filter (where o.expected_to_post and not o.has_operator) as opds_without_operator
    from opds o
    join per_opd a using (opd_id)
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
        a.active_opds / nullif(a.judged_opds, 0) as activity_rate,
        a.active_opds,
        a.expected_opds,
        a.judged_opds,
        a.no_data_opds,
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
