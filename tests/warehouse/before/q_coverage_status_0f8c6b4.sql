-- q_coverage_status: which exports arrived, per account in scope of the OPDs expected to post
-- and month the period touches: q_coverage_grid's rows and status, without what arrived (posts,
-- loads), with the OPD's operator (personal data: for the collection checklist only). Read by
-- the completeness counts and the checklist (warehouse.coverage: one relation per rerun).
-- Grain: account x month. reason_code as q_coverage_grid's.
with
accounts as (
    select m.opd_id, m.opd, m.opd_kind, m.account_id, m.platform, m.handle, m.month_start,
           m.covered_days, m.status, m.to_data_end,
           coverage_due_date(m.month_start, $deadline_day) as due_date
    from account_month_status($start, $end_excl, $data_end) m
    where m.expected_to_post
      -- in scope as scoped_accounts: the account's platform, its OPD's kind and id
      and platform_in_scope($platforms, m.platform)
      and opd_in_scope($opd_kinds, $opd_ids, m.opd_kind, m.opd_id)
),
final as (
    select
        a.*,
        case when a.status = 'received' then null
             when CAST($as_of AS DATE) > a.due_date then 'not_submitted'
             else 'not_received' end as reason_code,
        o.operator_name
    from accounts a
    join v_opd_operator o using (opd_id)
)
select * from final
order by opd_kind, opd, platform, handle, month_start, account_id
