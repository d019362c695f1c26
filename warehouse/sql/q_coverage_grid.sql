-- q_coverage_grid: coverage of every account of the OPDs expected to post, for each month the
-- period touches, with the collection deadline applied. Grain: account x month.
-- reason_code (NULL when received): not_received before the month's due date, not_submitted
-- after it (coverage_due_date, setting collection_deadline_day).
with
accounts as (
    select m.*, coverage_due_date(m.month_start, $deadline_day) as due_date
    from v_account_month_coverage m
    where m.expected_to_post
      and m.month_start >= CAST(date_trunc('month', CAST($start AS DATE)) AS DATE)
      and m.month_start < $end_excl
      and (len($opd_kinds) = 0 or list_contains($opd_kinds, m.opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, m.opd_id))
      and (len($platforms) = 0 or list_contains($platforms, m.platform))
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
