-- q_months_judgement: THE judgement (opd_judgement, views/030_scope_and_activity.sql) of every
-- OPD in scope over each calendar month of the period (the 'month' bucket) alone: the rows
-- q_periods_judgement.sql gives as its months (i = 0) when asked. Read through
-- warehouse.queries.judgement.month_judgement when the period's own judgement is kept already
-- without its months, or nothing is shared; then by the activity trend (q_activity_trend.sql)
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
