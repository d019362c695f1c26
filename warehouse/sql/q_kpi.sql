-- q_kpi: KPI tiles for every compared period in one pass. Grain: one row per period i of the
-- lists $starts / $ends_excl (1-based, inclusive start, exclusive end); the other filters and
-- settings are shared by all periods.
-- Active OPD and the rate's denominator: opd_judgement over each whole period
-- (views/030_scope_and_activity.sql), read from $judged: the relation q_periods_judgement.sql
-- computed for these very periods, filters and settings (warehouse.queries.judgement.
-- periods_judgement; the rule is read from its one definition, never copied, and the macro
-- stack is not planned again here): an OPD whose data for the period has not all
-- arrived and that is not active is no_data, left out of the rate (judged_opds, "datanya
-- lengkap"). A period with no OPD or no post in scope still gets its row (counts 0).
-- Content: the posts of the span the periods cover read once (v_post_facts through
-- scoped_posts_all), summed per day, then each period sums its days (a day lies wholly inside
-- or outside a period whose bounds are dates).
with
periods as (
    select i, $starts[i] as start_d, $ends_excl[i] as end_excl
    from range(1, len($starts) + 1) t(i)
),
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids)
),
per_opd as (
    select j.i, j.opd_id, j.is_active, j.is_judged, j.data_state
    from query_table($judged) j
),
activity as (
    select
        a.i,
        count(*) filter (where o.expected_to_post) as expected_opds,
        count(*) filter (where o.expected_to_post and a.is_judged) as judged_opds,
        count(*) filter (where o.expected_to_post and not a.is_judged) as no_data_opds,
        -- of those, the OPDs part of whose data arrived (a month still running): "data
        -- sebagian", not "data belum diterima"
        count(*) filter (where o.expected_to_post and not a.is_judged
                           and a.data_state = 'partial') as partial_data_opds,
        count(*) filter (where o.expected_to_post and a.is_active) as active_opds,
        count(*) filter (where o.expected_to_post and not o.has_operator) as opds_without_operator
    from opds o
    join per_opd a using (opd_id)
    group by a.i
),
per_day as (
    select
        x.pub_date,
        count(*) as posts,
        count_if(x.is_kinerja) as kinerja_posts,
        count_if(x.is_ucapan) as ucapan_posts,
        count_if(x.is_figure) as figure_posts,
        -- Over the posts that carry interaction counts: null (no data) when there are posts
        -- but none carries them (an OPD that reports only by logbook), never 0.
        sum(x.engagement) filter (where x.has_interaction) as engagement,
        count_if(x.has_interaction) as interaction_posts,
        sum(x.engagement) filter (where x.reach > 0) as engagement_with_reach,
        sum(x.reach) filter (where x.reach > 0) as reach
    from scoped_posts_all($platforms, $opd_kinds, $opd_ids) x
    where x.published_at >= list_min($starts) and x.published_at < list_max($ends_excl)
    group by x.pub_date
),
content as (
    select
        p.i,
        cast(sum(d.posts) as bigint) as posts,
        cast(sum(d.kinerja_posts) as bigint) as kinerja_posts,
        cast(sum(d.ucapan_posts) as bigint) as ucapan_posts,
        cast(sum(d.figure_posts) as bigint) as figure_posts,
        sum(d.engagement) as engagement,
        cast(sum(d.interaction_posts) as bigint) as interaction_posts,
        sum(d.engagement_with_reach) as engagement_with_reach,
        sum(d.reach) as reach
    from periods p
    join per_day d on d.pub_date >= p.start_d and d.pub_date < p.end_excl
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
