-- q_coverage_accounts: per account of the OPDs expected to post, the newest export that
-- reports on it (any period) and the last day any live load covers. Grain: account.
-- operator_name is personal data: the page masks it where the audience must not see it.
with
accounts as (
    select a.account_id, a.opd_id, a.platform, a.handle, a.opd, a.opd_short, a.opd_kind,
           c.operator_name
    from scoped_account_table($platforms, $opd_kinds, $opd_ids) a
    join v_opd_operator c using (opd_id)
    where a.expected_to_post
),
latest as (
    select account_id, max(coalesce(exported_at, loaded_at)) as latest_export,
           max(period_end) as covered_until, count(distinct load_id) as n_loads
    from v_coverage_span
    group by account_id
),
final as (
    select a.*, l.latest_export, l.covered_until, coalesce(l.n_loads, 0) as n_loads
    from accounts a
    left join latest l using (account_id)
)
select * from final
order by opd_kind, opd, platform, handle
