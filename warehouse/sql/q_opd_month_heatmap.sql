-- q_opd_month_heatmap: OPD x month grid. Grain: OPD x calendar month.
-- Read from $judged_months: the 'month' judgement (opd_judgement) of these very filters and
-- settings, judged with the period as a whole in one statement (q_periods_judgement.sql or
-- q_periods_judgement_months.sql judging its months; warehouse.queries.judgement
-- .month_judgement registers it on this query's cursor). It holds every OPD in scope x every
-- month of the period up to the data end (judged_buckets: months after it are not judged), with
-- each month's minimum (required_posts: activity_minimum('month', ...), its share in a month
-- the data end cuts) and judged_through: the grid's rows, zero-filled, without planning the
-- months and their minimum again here.
-- activity_status / no_data from the judgement: a month not judged for want of data is a gap;
-- partial_data says part of its data arrived (a month still running: "data sebagian"), so the
-- gap is never called "data belum diterima" then.
with
opds as (
    select * from scoped_opd_table($opd_kinds, $opd_ids) where expected_to_post
),
final as (
    select
        o.opd_id, o.opd, o.opd_short, o.opd_kind, p.period_start as month,
        p.posts,
        p.max_account_posts,
        p.counted_posts,
        p.required_posts,
        p.is_active,
        p.activity_status,
        p.activity_status = 'no_data' as no_data,
        p.data_state,
        p.activity_status = 'no_data' and p.data_state = 'partial' as partial_data,
        -- the month's last day judged: the data end in the month it cuts
        p.judged_through
    from opds o
    join query_table($judged_months) p using (opd_id)
)
select * from final
order by opd_kind, opd, month
