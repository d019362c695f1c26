-- q_coverage_grid: coverage of every account in scope of the OPDs expected to post, for each
-- month the period touches, with the collection deadline applied. Grain: account x month.
-- reason_code (NULL when received): not_received before the month's due date, not_submitted
-- after it (coverage_due_date, setting collection_deadline_day). $data_end: v_data_end's value
-- (bound by warehouse.queries.run._run).
with
accounts as (
    select m.*, coverage_due_date(m.month_start, $deadline_day) as due_date
    from account_month_coverage($start, $end_excl, $data_end) m
    where m.expected_to_post
      -- in scope as scoped_accounts: the account's platform, its OPD's kind and id
      and platform_in_scope($platforms, m.platform)
      and opd_in_scope($opd_kinds, $opd_ids, m.opd_kind, m.opd_id)
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
