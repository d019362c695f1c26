-- q_kpi_months: q_kpi.sql's rows (every column, type and order) for periods that are all whole
-- calendar months (each from a month's first day to a later month's first day, $ends_excl
-- exclusive; cut by the data end or not: the judgement read is the one judged for them): all
-- their posts are counted from post_content_month, so the per-post part (v_post_facts) is not
-- planned. Chosen by warehouse.queries.summary.kpi_sets (content_months_only); any other
-- period runs q_kpi.sql. The parts both read are written once (views/192_kpi.sql: the sets'
-- OPDs, the months' content, the figures). Grain: one row per OPD set k of $sets and period i.
with
periods as (
    select i, $starts[i] as start_d, $ends_excl[i] as end_excl
    from range(1, len($starts) + 1) t(i)
),
opds as (select * from kpi_set_opds($sets, $opd_kinds, $opd_ids)),
-- Each period's whole calendar months, [lo, hi) (content_months_lo/hi of 'period': the
-- whole period here).
months as (
    select i, start_d, end_excl,
           content_months_lo('period', start_d, end_excl) as lo,
           content_months_hi('period', start_d, end_excl) as hi
    from periods
),
from_table as (select * from kpi_content_months('months', 'opds', $platforms)),
content as (select * from from_table),
final as (
    select * from kpi_figures('periods', len($sets), 'opds', $judged, 'content')
)
select * from final order by k, i
