-- q_coverage_bare_opds: OPDs expected to post without an account in scope whose own data
-- (logbooks, exports placed on them) is waited for and has not (fully) arrived, per month of
-- [$start, $end_excl) (whole months as the caller passes them; a month the period cuts: its
-- days inside the period):
-- opd_coverage's rule for the OPDs without an account in scope, the one the judgement reads
-- (opd_coverage_bare_given, given per month its length and the days an OPD's own loads name:
-- coverage_opd_month, a set of days counted once over the platforms in scope, as
-- opd_judgement_months gives them), so an OPD the judgement calls "data belum diterima" is on
-- the collection checklist and in the coverage listing too. Grain: OPD x month.
-- data_missing: no day of the month covered; else some days are. reason_code as
-- q_coverage_status's (not_submitted after the month's due date, else not_received).
with
-- The months [$start, $end_excl) touches, each as the days of it inside the period: [lo, hi),
-- and those days as a set (mask: bit d - 1 for day d).
months as (
    select month_start, lo, hi,
           ((CAST(1 AS BIGINT) << day(hi - 1)) - 1) - ((CAST(1 AS BIGINT) << (day(lo) - 1)) - 1)
               as mask
    from (
        select month_start, greatest(month_start, CAST($start AS DATE)) as lo,
               least(CAST(month_start + INTERVAL 1 MONTH AS DATE), CAST($end_excl AS DATE)) as hi
        from (
            select CAST(unnest(generate_series(date_trunc('month', CAST($start AS DATE)),
                                               date_trunc('month', CAST($end_excl AS DATE) - 1),
                                               INTERVAL 1 MONTH)) AS DATE) as month_start
        )
    )
    where lo < hi
),
lengths as (select 1 as i, month_start as period_start, hi - lo as n_days from months),
waited_days as (
    select 1 as i, x.month_start as period_start, s.opd_id,
           bit_count(bit_or(s.day_bits) & any_value(x.mask)) as n_days
    from coverage_opd_month s
    join months x using (month_start)
    where s.platform is null or platform_in_scope($platforms, s.platform)
    group by all
),
cov as (
    select c.period_start as month_start, c.opd_id, c.data_missing
    from opd_coverage_bare_given('lengths', 'waited_days', $platforms, $opd_kinds, $opd_ids) c
    where not c.data_complete
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
