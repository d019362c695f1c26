-- q_periods_judgement: THE judgement (opd_judgement_of, views/030_scope_and_activity.sql) of every
-- OPD in scope over each whole period of the lists $starts / $ends_excl (1-based, inclusive
-- start, exclusive end), and, when $months, over each calendar month of the first period, in
-- one statement: the buckets of all of them (judged_buckets) are judged side by side by one
-- plan (planning the macro stack costs more than running it), each on its own rows, so a
-- period's rows are the rows q_period_judgement.sql gives for it alone and the months' rows
-- (i = 0) the rows q_months_judgement.sql gives for the first period. Read by the KPI tiles
-- (q_kpi.sql, through warehouse.queries.judgement.periods_judgement) for the chosen period and
-- the periods it is compared with, by their compared set (warehouse.queries.compared: an
-- OPD's data_complete over a compared span is compared_opds' complete there), by the activity
-- trend and Keaktifan's month grid (the months: judgement.month_judgement). Grain: period i
-- (0: a month of period 1) x bucket start x OPD; columns: i, opd_judgement's, then opd (the
-- OPD's name, for the OPDs a comparison leaves out).
with
buckets as (
    select *
    from judged_buckets('period', $starts, $ends_excl, $min_per_month, $min_per_week,
                        $data_end)
    union all
    select 0 as i, * exclude (i)
    from judged_buckets('month', [$starts[1]], [$ends_excl[1]], $min_per_month,
                        $min_per_week, $data_end)
    where $months
),
judged as (
    select *
    from opd_judgement_of('buckets', $platforms, $opd_kinds, $opd_ids, $activity_rule)
),
final as (
    select j.*, o.opd
    from judged j
    join scoped_opd_table($opd_kinds, $opd_ids) o using (opd_id)
)
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by i, period_start, opd_id
