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
-- others). The sets' OPDs, the months' content and the figures are macros
-- (views/192_kpi.sql) that q_kpi_months.sql reads too (periods of whole months only: no
-- per-post part; warehouse.queries.summary.kpi_sets picks it).
with
-- each period (i, start_d, end_excl) with its whole calendar months [lo, hi)
periods as (select * from kpi_periods($starts, $ends_excl)),
opds as (select * from kpi_set_opds($sets, $opd_kinds, $opd_ids)),
from_table as (select * from kpi_content_months('periods', 'opds', $platforms)),
-- The days of the periods outside their whole months (few: a month cut at either end).
edge_days as (
    select distinct cast(t.d as date) as day
    from periods m,
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
    from periods m
    join per_day d
      on d.pub_date >= m.start_d and d.pub_date < m.end_excl
     and not (d.pub_date >= m.lo and d.pub_date < m.hi)
    join opds o on o.opd_id = d.opd_id
    group by o.k, m.i
),
content as (select * from from_table union all by name select * from from_posts),
final as (
    select * from kpi_figures('periods', len($sets), 'opds', $judged, 'content')
)
select * from final order by k, i
