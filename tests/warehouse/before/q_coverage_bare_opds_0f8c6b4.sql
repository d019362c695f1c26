-- q_coverage_bare_opds: OPDs expected to post without an account in scope whose own data
-- (logbooks, exports placed on them) is waited for and has not (fully) arrived, per month of
-- [$start, $end_excl) (whole months: the caller passes them): opd_coverage's rule, the one the
-- judgement reads, so an OPD the judgement calls "data belum diterima" is on the collection
-- checklist and in the coverage listing too. Grain: OPD x month.
-- data_missing: no day of the month covered; else some days are. reason_code as
-- q_coverage_status's (not_submitted after the month's due date, else not_received).
with
cov as (
    select c.period_start as month_start, c.opd_id, c.data_missing
    from opd_coverage('month', $start, $end_excl, $platforms, $opd_kinds, $opd_ids) c
    where c.n_accounts = 0 and not c.data_complete
),
final as (
    select
        c.month_start, o.opd_id, o.opd, o.opd_kind, op.operator_name, c.data_missing,
        coverage_due_date(c.month_start, $deadline_day) as due_date,
        case when CAST($as_of AS DATE) > coverage_due_date(c.month_start, $deadline_day)
             then 'not_submitted' else 'not_received' end as reason_code
    from cov c
    join scoped_opd_table($opd_kinds, $opd_ids) o using (opd_id)
    join v_opd_operator op using (opd_id)
    where o.expected_to_post
)
select * from final
order by month_start, opd_kind, opd
