-- q_months_judgement: THE judgement (opd_judgement, views/030_scope_and_activity.sql) of every
-- OPD in scope over each calendar month of the period (the 'month' bucket): the 'month' rows
-- of q_period_months_judgement.sql alone, with a constant bucket (no lateral call: planned and
-- run in about two thirds of the time). Read through warehouse.queries.judgement.
-- month_judgement when the period's own judgement is kept already (Ringkasan and Tren: the KPI
-- tiles judged it) or nothing is shared; then by the activity trend (q_activity_trend.sql)
-- and Keaktifan's month grid (q_opd_month_heatmap.sql). Grain: month x OPD; columns:
-- opd_judgement's.
with
final as (
    select *
    from opd_judgement('month', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $activity_rule, $data_end)
)
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by period_start, opd_id
