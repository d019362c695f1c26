-- q_trends: the trend (trend_buckets, views/185_trend_buckets.sql) over each period of the lists
-- $starts / $ends_excl (1-based, inclusive start, exclusive end) in one statement: the macro
-- stack planned once for all of them, each period by its own lateral call, so a period's rows
-- are the rows q_trend.sql gives for it alone. Read by warehouse.queries.trend (a period and
-- the same period a year earlier, which Tren draws side by side). Grain: period i x bucket x
-- group; columns: i, then q_trend's.
with
periods as (
    select i, $starts[i] as start_d, $ends_excl[i] as end_excl
    from range(1, len($starts) + 1) t(i)
),
final as (
    select p.i, t.*
    from periods p,
    lateral trend_buckets($grain, p.start_d, p.end_excl, $platforms, $opd_kinds, $opd_ids, $by,
                          $min_per_month, $min_per_week, $activity_rule, $data_end) t
)
select * from final
order by i, period_start, "group"
