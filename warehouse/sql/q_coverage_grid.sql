-- q_coverage_grid: coverage of every account in scope of the OPDs expected to post, for each
-- month the period touches, with the collection deadline applied. Grain: account x month.
-- reason_code (NULL when received): not_received before the month's due date, not_submitted
-- after it (coverage_due_date, setting collection_deadline_day).
with
accounts as (
    select m.*, coverage_due_date(m.month_start, $deadline_day) as due_date
    from account_month_coverage($start) m
    semi join scoped_accounts($platforms, $opd_kinds, $opd_ids) s using (account_id)
    where m.expected_to_post
      and m.month_start >= CAST(date_trunc('month', CAST($start AS DATE)) AS DATE)
      and m.month_start < $end_excl
),
final as (
    select
        *,
        case when status = 'received' then null
             when CAST($as_of AS DATE) > due_date then 'not_submitted'
             else 'not_received' end as reason_code
    from accounts
)
select * from final
order by opd_kind, opd, platform, handle, month_start
