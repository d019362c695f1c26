-- q_periods_judgement_split: q_periods_judgement.sql's rows (every column, type and order),
-- judged by opd_judgement_split (views/032_judgement_periods.sql): each bucket's whole calendar
-- months from the inputs kept per month (post_month_count, coverage_month, coverage_opd_month)
-- and only its other days from the days. Chosen by warehouse.queries.judgement (split_worth)
-- for periods that hold a whole month but are not all whole months the data end leaves whole
-- (those run q_periods_judgement_months.sql): above all a period the data end cuts, the
-- running month of a real warehouse. Grain and columns: q_periods_judgement.sql's.
with
buckets as (
    select *
    from periods_buckets($starts, $ends_excl, $min_per_month, $min_per_week, $data_end,
                         $months)
),
judged as (
    select *
    from opd_judgement_split('buckets', $platforms, $opd_kinds, $opd_ids, $activity_rule)
),
final as (
    select j.*, o.opd
    from judged j
    join scoped_opd_table($opd_kinds, $opd_ids) o using (opd_id)
)
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by i, period_start, opd_id
