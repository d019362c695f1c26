-- q_opd_month_heatmap: OPD x month grid, zero-filled. Grain: OPD x calendar month.
-- activity_status / no_data from opd_judgement ($judged_months): a month not judged for want of
-- data is a gap; partial_data says part of its data arrived (a month still running: "data
-- sebagian"), so the gap is never called "data belum diterima" then.
with
opds as (
    select * from scoped_opd_table($opd_kinds, $opd_ids) where expected_to_post
),
-- Each month with its minimum: activity_minimum('month', ..., bucket_start_d := month) as it
-- is defined (bucket_minimum over the judged end), the judged end read once from cut (planning
-- judged_end copied into every use inside the minimum cost more than the grid).
months as (
    select CAST(m AS DATE) as month,
           bucket_minimum('month', CAST($start AS DATE), cut.e, $min_per_month, $min_per_week,
                          CAST(m AS DATE), CAST($data_end AS DATE)) as month_minimum
    from (select judged_end($start, $end_excl, $data_end) as e) cut,
         generate_series(CAST(date_trunc('month', CAST($start AS DATE)) AS TIMESTAMP),
                         CAST(date_trunc('month', cut.e - 1) AS TIMESTAMP),
                         interval 1 month) as t(m)
),
-- judged_months: the 'month' judgement (opd_judgement) of these very filters and settings,
-- judged with the period as a whole in one statement (q_periods_judgement.sql judging its months;
-- warehouse.queries.judgement.month_judgement registers it on this query's cursor)
per_opd_month as (
    select opd_id, period_start as month, max_account_posts, counted_posts, posts, is_active,
           activity_status, data_state, required_posts, judged_through
    from query_table($judged_months)
),
final as (
    select
        o.opd_id, o.opd, o.opd_short, o.opd_kind, m.month,
        coalesce(p.posts, 0) as posts,
        coalesce(p.max_account_posts, 0) as max_account_posts,
        coalesce(p.counted_posts, 0) as counted_posts,
        coalesce(p.required_posts, m.month_minimum) as required_posts,
        coalesce(p.is_active, false) as is_active,
        p.activity_status,
        p.activity_status = 'no_data' as no_data,
        p.data_state,
        p.activity_status = 'no_data' and p.data_state = 'partial' as partial_data,
        -- the month's last day judged: the data end in the month it cuts
        p.judged_through
    from opds o
    cross join months m
    left join per_opd_month p on p.opd_id = o.opd_id and p.month = m.month
)
select * from final
order by opd_kind, opd, month
