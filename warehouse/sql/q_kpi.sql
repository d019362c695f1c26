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
-- Content: each period's whole months from post_content_month, its other days (a month the
-- period's start, its end or the data end cuts: the running month and its same-day comparison
-- periods) from post_content_day (both kept equal to a recount at every write:
-- warehouse/label_counts.py; no post is read); a day lies wholly inside or outside a period
-- whose bounds are dates. Bounds are whole days (content_months_lo refuses others). The sets'
-- OPDs, the months' and the days' content and the figures are macros (views/192_kpi.sql);
-- q_kpi_months.sql reads the same but the days (periods of whole months only;
-- warehouse.queries.summary.kpi_sets picks it).
with
-- each period (i, start_d, end_excl) with its whole calendar months [lo, hi)
periods as (select * from kpi_periods($starts, $ends_excl)),
opds as (select * from kpi_set_opds($sets, $opd_kinds, $opd_ids)),
from_table as (select * from kpi_content_months('periods', 'opds', $platforms)),
-- The days outside the periods' whole months (a month cut at either end), from the per-day
-- table.
from_days as (select * from kpi_content_days('periods', 'opds', $platforms)),
content as (select * from from_table union all by name select * from from_days),
final as (
    select * from kpi_figures('periods', len($sets), 'opds', $judged, 'content')
)
select * from final order by k, i
