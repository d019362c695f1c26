-- q_periods_judgement_months: q_periods_judgement.sql's rows (every column, type and order) for
-- periods of whole calendar months that the data end does not cut, judged from the inputs kept
-- per month (opd_judgement_months, views/030_scope_and_activity.sql: the same rules over
-- post_month_count, coverage_month, coverage_opd_month) instead of every day. The buckets are
-- judged_buckets' as there; a bucket that is not whole months is an error. Chosen by
-- warehouse.queries.judgement (whole_months) for the KPI tiles' periods, the month grid, the
-- activity trend and the period's judgement; any other period runs q_periods_judgement.sql.
-- Grain and columns: q_periods_judgement.sql's.
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
    from opd_judgement_months('buckets', $platforms, $opd_kinds, $opd_ids, $activity_rule)
),
final as (
    select j.*, o.opd
    from judged j
    join scoped_opd_table($opd_kinds, $opd_ids) o using (opd_id)
)
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by i, period_start, opd_id
