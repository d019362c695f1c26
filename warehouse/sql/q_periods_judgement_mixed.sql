-- q_periods_judgement_mixed: q_periods_judgement.sql's rows (every column, type and order) for
-- any periods, each bucket judged per calendar month it touches (opd_judgement_mixed,
-- views/030_scope_and_activity.sql): its coverage from the inputs kept per month (migration
-- 380, 410: day_bits masked to the bucket's days), its posts from the month counts for whole
-- months and from the day counts only for a month the period's start, end or the data end
-- cuts (the running month: the pages' default period, its comparisons and the chosen period's
-- months). Chosen by warehouse.queries.judgement.periods_judgement for periods that are not
-- all whole months the data end leaves uncut (those run q_periods_judgement_months.sql).
-- Grain and columns: q_periods_judgement.sql's.
with
buckets as (
    select *
    from periods_buckets($starts, $ends_excl, $months, $min_per_month, $min_per_week, $data_end)
),
judged as (
    select *
    from opd_judgement_mixed('buckets', $platforms, $opd_kinds, $opd_ids, $activity_rule)
),
final as (select * from judged_with_names('judged', $opd_kinds, $opd_ids))
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by i, period_start, opd_id
