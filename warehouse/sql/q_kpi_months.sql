-- q_kpi_months: q_kpi.sql's rows (every column, type and order) for periods that are all whole
-- calendar months (each from a month's first day to a later month's first day, $ends_excl
-- exclusive; cut by the data end or not: the judgement read is the one judged for them): all
-- their posts are counted from post_content_month, so the per-post part (v_post_facts) is not
-- planned. Chosen by warehouse.queries.summary.kpi_sets (periods.all_whole_months); any other
-- period runs q_kpi.sql. The parts both read are written once (views/192_kpi.sql: the sets'
-- OPDs, the months' content, the figures). Grain: one row per OPD set k of $sets and period i.
with
-- each period (i, start_d, end_excl) with its whole calendar months [lo, hi)
periods as (select * from kpi_periods($starts, $ends_excl)),
opds as (select * from kpi_set_opds($sets, $opd_kinds, $opd_ids)),
from_table as (select * from kpi_content_months('periods', 'opds', $platforms)),
content as (select * from from_table),
final as (
    select * from kpi_figures('periods', len($sets), 'opds', $judged, 'content')
)
select * from final order by k, i
