-- q_periods_judgement: THE judgement (opd_judgement, views/030_scope_and_activity.sql) of every
-- OPD in scope over each whole period of the lists $starts / $ends_excl (1-based, inclusive
-- start, exclusive end), in one statement: the macro stack is planned once for all the periods
-- (planning it costs more than running it), each period judged by its own lateral call, so a
-- period's rows are the rows q_period_judgement.sql gives for it alone. Read by the KPI tiles
-- (q_kpi.sql, through warehouse.queries.judgement.periods_judgement) for the chosen period and
-- the periods it is compared with, and by their compared set (warehouse.queries.compared: an
-- OPD's data_complete over a compared span is compared_opds' complete there). Grain: period
-- i x OPD; columns: i, opd_judgement's, then opd (the OPD's name, for the OPDs a comparison
-- leaves out).
with
periods as (
    select i, $starts[i] as start_d, $ends_excl[i] as end_excl
    from range(1, len($starts) + 1) t(i)
),
judged as (
    select p.i, j.*
    from periods p,
    lateral opd_judgement('period', p.start_d, p.end_excl, $platforms, $opd_kinds, $opd_ids,
                          $min_per_month, $min_per_week, $activity_rule, $data_end) j
),
final as (
    select j.*, o.opd
    from judged j
    join scoped_opd_table($opd_kinds, $opd_ids) o using (opd_id)
)
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by i, period_start, opd_id
