-- q_trend: posts, OPDs posting, active OPDs, kinerja share and engagement per period bucket and
-- group ($by: none, platform, opd_kind, opd). Grain: period x group, zero-filled. Defined once
-- in trend_buckets (views/185_trend_buckets.sql).
with
final as (
    select *
    from trend_buckets($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids, $by,
                       $min_per_month, $min_per_week, $activity_rule, $data_end)
)
select * from final
order by period_start, "group"
