-- q_period_months_judgement: THE judgement (opd_judgement, views/030_scope_and_activity.sql) of
-- every OPD in scope over the period in each bucket of $buckets ('period': the period as a
-- whole; 'month': its calendar months), in one statement: the macro stack is planned once for
-- both (planning it costs more than running it), each bucket judged by its own lateral call,
-- so bucket i's rows are the rows opd_judgement gives for that bucket alone. Read by Keaktifan's
-- month grid (q_opd_month_heatmap.sql, the 'month' rows) and by the index, the not-active list
-- and the roll-up of the same page (the 'period' rows, q_period_judgement.sql's rows), through
-- warehouse.queries.judgement.month_judgement. Grain: bucket i x bucket start x OPD; columns:
-- i, then opd_judgement's.
-- Run after session/lateral_buckets.sql on its cursor (warehouse.queries.run says why).
with
buckets as (
    select i, $buckets[i] as bucket
    from range(1, len($buckets) + 1) t(i)
),
final as (
    select b.i, j.*
    from buckets b,
    lateral opd_judgement(b.bucket, $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                          $min_per_month, $min_per_week, $activity_rule, $data_end) j
)
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by i, period_start, opd_id
