-- q_opd_months: the months of the OPDs in scope (the one-OPD view filters to one), each with
-- the activity judgement and how much of the month's data arrived. Grain: OPD x calendar month
-- (the part of it inside the period).
-- coverage_state: complete (every account's data for every day), partial (some days or some
-- accounts), missing (no account's data for any day), none (no account in scope: judged on its
-- posts). covered_through: the last day every account in scope is covered up to (null unless
-- each account has some day of the month covered). whole_month: judged on all of its data.
with
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids) where expected_to_post
),
judged as (
    select *
    from opd_judgement('month', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $activity_rule, $data_end)
),
acc as (
    select account_id, opd_id from scoped_accounts($platforms, $opd_kinds, $opd_ids)
),
acc_month as (
    select a.opd_id, a.account_id, CAST(date_trunc('month', c.day) AS DATE) as month,
           max(c.day) as last_day
    from v_coverage_day c
    join acc a using (account_id)
    where c.day >= CAST($start AS DATE) and c.day < CAST($end_excl AS DATE)
    group by all
),
through as (
    select j.opd_id, j.period_start as month,
           count(m.account_id) as n_accounts_covered,
           min(m.last_day) as last_day
    from judged j
    left join acc_month m on m.opd_id = j.opd_id and m.month = j.period_start
    group by all
),
final as (
    select
        o.opd_id, o.opd, o.opd_short, j.period_start as month,
        j.posts, j.max_account_posts, j.counted_posts, j.required_posts, j.is_active,
        j.activity_status, j.n_accounts, j.n_accounts_missing,
        case when j.n_accounts = 0 and j.data_complete then 'none'
             else j.data_state end as coverage_state,
        case when t.n_accounts_covered = j.n_accounts and j.n_accounts > 0
             then t.last_day end as covered_through,
        -- A month counted as a whole judged month ("bulan aktif k dari n"): judged, and every
        -- account's data for all of it in. An active month with part of its data (a month
        -- still running) is active, but said apart, never counted as a whole month.
        j.activity_status <> 'no_data' and j.data_state = 'complete' as whole_month
    from opds o
    join judged j using (opd_id)
    left join through t on t.opd_id = j.opd_id and t.month = j.period_start
)
select * from final
order by opd, month
