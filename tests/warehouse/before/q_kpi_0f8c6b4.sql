-- q_kpi: KPI tiles for every compared period and every OPD set in one pass. Grain: one row per
-- OPD set k of $sets and period i of the lists $starts / $ends_excl (both 1-based; periods:
-- inclusive start, exclusive end); the other filters and settings are shared by all of them.
-- An OPD set is a list of OPD ids counted in place of $opd_ids (a comparison's compared set,
-- warehouse.compare.restrict), an empty list the filters' own OPDs (every OPD in scope): the
-- rows of set k are the rows this statement gives for $opd_ids = that list alone, so the KPI
-- tiles measure the whole scope and each compared set with one statement, not one each.
-- Active OPD and the rate's denominator: opd_judgement over each whole period
-- (views/030_scope_and_activity.sql), read from $judged: the relation q_periods_judgement.sql
-- computed for these very periods, filters and settings (warehouse.queries.judgement.
-- periods_judgement; the rule is read from its one definition, never copied, and the macro
-- stack is not planned again here): an OPD whose data for the period has not all
-- arrived and that is not active is no_data, left out of the rate (judged_opds, "datanya
-- lengkap"). A period with no OPD or no post in scope still gets its row (counts 0).
-- Content: each period's whole months from post_content_month (kept equal to a recount at
-- every write: warehouse/label_counts.py), its other days from the posts of those days read
-- once (v_post_facts through scoped_posts_all) and summed per day; a day lies wholly inside or
-- outside a period whose bounds are dates. Bounds are whole days (content_months_lo refuses
-- others).
with
periods as (
    select i, $starts[i] as start_d, $ends_excl[i] as end_excl
    from range(1, len($starts) + 1) t(i)
),
-- Each set's OPDs: scoped_opds($opd_kinds, the set's ids), the set written where the OPD
-- filter reads its ids (opd_in_scope).
sets as (
    select k, case when len($sets[k]) = 0 then $opd_ids else $sets[k] end as ids
    from range(1, len($sets) + 1) t(k)
),
opds as (
    select s.k, o.*
    from sets s, scoped_opds($opd_kinds, []) o
    where opd_in_scope([], s.ids, o.opd_kind, o.opd_id)
),
per_opd as (
    select j.i, j.opd_id, j.is_active, j.is_judged, j.data_state
    from query_table($judged) j
),
activity as (
    select
        o.k,
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
    group by o.k, a.i
),
-- Each period's whole calendar months, [lo, hi) (content_months_lo/hi of 'period': empty
-- when none fits), are read from post_content_month; its other days from the posts.
months as (
    select i, start_d, end_excl,
           content_months_lo('period', start_d, end_excl) as lo,
           content_months_hi('period', start_d, end_excl) as hi
    from periods
),
from_table as (
    select
        o.k,
        m.i,
        sum(c.posts) as posts,
        sum(c.posts) filter (where coalesce(l.is_kinerja, false)) as kinerja_posts,
        sum(c.posts) filter (where coalesce(c.content_type = 'ucapan', false)) as ucapan_posts,
        sum(c.posts) filter (where coalesce(c.is_figure_centric, false)) as figure_posts,
        sum(c.interaction_engagement) as engagement,
        sum(c.interaction_posts) as interaction_posts,
        sum(c.reach_engagement) as engagement_with_reach,
        sum(c.reach) as reach
    from months m
    join post_content_month c on c.month_start >= m.lo and c.month_start < m.hi
    join opds o on o.opd_id = c.opd_id
    left join content_type_label l on l.content_type = c.content_type
    where platform_in_scope($platforms, c.platform)
    group by o.k, m.i
),
-- The days of the periods outside their whole months (few: a month cut at either end).
edge_days as (
    select distinct cast(t.d as date) as day
    from months m,
         generate_series(cast(m.start_d as timestamp), cast(m.end_excl as timestamp)
                         - interval 1 day, interval 1 day) as t(d)
    where not (cast(t.d as date) >= m.lo and cast(t.d as date) < m.hi)
),
-- per day and OPD: each set sums its own OPDs' days
per_day as (
    select
        x.pub_date,
        x.opd_id,
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
    from scoped_posts_all($platforms, $opd_kinds, []) x
    semi join edge_days e on e.day = x.pub_date
    semi join opds o on o.opd_id = x.opd_id
    where x.published_at >= list_min($starts) and x.published_at < list_max($ends_excl)
    group by x.pub_date, x.opd_id
),
from_posts as (
    select
        o.k,
        m.i,
        sum(d.posts) as posts,
        sum(d.kinerja_posts) as kinerja_posts,
        sum(d.ucapan_posts) as ucapan_posts,
        sum(d.figure_posts) as figure_posts,
        sum(d.engagement) as engagement,
        sum(d.interaction_posts) as interaction_posts,
        sum(d.engagement_with_reach) as engagement_with_reach,
        sum(d.reach) as reach
    from months m
    join per_day d
      on d.pub_date >= m.start_d and d.pub_date < m.end_excl
     and not (d.pub_date >= m.lo and d.pub_date < m.hi)
    join opds o on o.opd_id = d.opd_id
    group by o.k, m.i
),
content as (
    select
        k,
        i,
        cast(sum(posts) as bigint) as posts,
        cast(sum(kinerja_posts) as bigint) as kinerja_posts,
        cast(sum(ucapan_posts) as bigint) as ucapan_posts,
        cast(sum(figure_posts) as bigint) as figure_posts,
        sum(engagement) as engagement,
        cast(sum(interaction_posts) as bigint) as interaction_posts,
        sum(engagement_with_reach) as engagement_with_reach,
        sum(reach) as reach
    from (select * from from_table union all by name select * from from_posts)
    group by k, i
),
counted as (
    select
        s.k,
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
    from sets s
    cross join periods p
    left join activity a using (k, i)
    left join content c using (k, i)
),
final as (
    select
        k,
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
select * from final order by k, i
