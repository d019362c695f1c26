-- q_kpi as it was at 9c2ca73, before the judgement was read from a relation: each period judged
-- by a lateral opd_judgement inside the statement, the posts joined to every period. The
-- reference of tests/warehouse/test_kpi_judged_once.py, kept word for word.
with
periods as (
    select i, $starts[i] as start_d, $ends_excl[i] as end_excl
    from range(1, len($starts) + 1) t(i)
),
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids)
),
per_opd as (
    select p.i, j.opd_id, j.is_active, j.is_judged, j.data_state
    from periods p,
    lateral opd_judgement('period', p.start_d, p.end_excl, $platforms, $opd_kinds, $opd_ids,
                          $min_per_month, $min_per_week, $activity_rule, $data_end) j
),
activity as (
    select
        a.i,
        count(*) filter (where o.expected_to_post) as expected_opds,
        count(*) filter (where o.expected_to_post and a.is_judged) as judged_opds,
        count(*) filter (where o.expected_to_post and not a.is_judged) as no_data_opds,
        count(*) filter (where o.expected_to_post and not a.is_judged
                           and a.data_state = 'partial') as partial_data_opds,
        count(*) filter (where o.expected_to_post and a.is_active) as active_opds,
        count(*) filter (where o.expected_to_post and not o.has_operator) as opds_without_operator
    from opds o
    join per_opd a using (opd_id)
    group by a.i
),
content as (
    select
        p.i,
        count(*) as posts,
        count_if(x.is_kinerja) as kinerja_posts,
        count_if(x.is_ucapan) as ucapan_posts,
        count_if(x.is_figure) as figure_posts,
        sum(x.engagement) filter (where x.has_interaction) as engagement,
        count_if(x.has_interaction) as interaction_posts,
        sum(x.engagement) filter (where x.reach > 0) as engagement_with_reach,
        sum(x.reach) filter (where x.reach > 0) as reach
    from periods p
    join scoped_posts_all($platforms, $opd_kinds, $opd_ids) x
      on x.published_at >= p.start_d and x.published_at < p.end_excl
    group by p.i
),
counted as (
    select
        p.i,
        coalesce(a.expected_opds, 0) as expected_opds,
        coalesce(a.judged_opds, 0) as judged_opds,
        coalesce(a.no_data_opds, 0) as no_data_opds,
        coalesce(a.partial_data_opds, 0) as partial_data_opds,
        coalesce(a.active_opds, 0) as active_opds,
        coalesce(a.opds_without_operator, 0) as opds_without_operator,
        coalesce(c.posts, 0) as posts,
        coalesce(c.kinerja_posts, 0) as kinerja_posts,
        coalesce(c.ucapan_posts, 0) as ucapan_posts,
        coalesce(c.figure_posts, 0) as figure_posts,
        case when coalesce(c.interaction_posts, 0) > 0 then c.engagement
             when coalesce(c.posts, 0) = 0 then 0 end as engagement,
        c.engagement_with_reach,
        c.reach
    from periods p
    left join activity a using (i)
    left join content c using (i)
),
final as (
    select
        i,
        active_opds / nullif(judged_opds, 0) as activity_rate,
        active_opds,
        expected_opds,
        judged_opds,
        no_data_opds,
        partial_data_opds,
        posts,
        kinerja_posts / nullif(posts, 0) as kinerja_share,
        ucapan_posts / nullif(posts, 0) as ucapan_share,
        figure_posts / nullif(posts, 0) as figure_share,
        engagement,
        engagement / nullif(posts, 0) as engagement_per_post,
        engagement_with_reach / reach as engagement_per_reach,
        opds_without_operator
    from counted
)
select * from final order by i
