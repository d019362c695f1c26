-- q_activity_trend: activity rate per calendar month, optionally per OPD kind.
-- Grain: month x group (group = opd_kind when $by_kind, else 'semua').
-- Each month is judged by opd_judgement with the monthly minimum (views/030_scope_and_activity.sql):
-- the rate is over the OPDs whose data for the month arrived (judged_opds); null when none did.
with
opds as (
    select * from scoped_opd_table($opd_kinds, $opd_ids) where expected_to_post
),
months as (
    select CAST(m AS DATE) as month
    from (select judged_end($start, $end_excl, $data_end) as e) cut,
         generate_series(CAST(date_trunc('month', CAST($start AS DATE)) AS TIMESTAMP),
                         CAST(date_trunc('month', cut.e - 1) AS TIMESTAMP),
                         interval 1 month) as t(m)
),
per_opd_month as (
    select opd_id, period_start as month, posts, is_active, is_judged
    from opd_judgement('month', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $activity_rule, $data_end)
),
grid as (
    select
        m.month,
        case when $by_kind then o.opd_kind else 'semua' end as opd_kind,
        p.is_active,
        p.is_judged,
        p.posts
    from opds o
    cross join months m
    join per_opd_month p on p.opd_id = o.opd_id and p.month = m.month
),
final as (
    select
        month,
        opd_kind,
        count_if(is_active) as active_opds,
        count(*) as expected_opds,
        count_if(is_judged) as judged_opds,
        count_if(not is_judged) as no_data_opds,
        count_if(is_active) / nullif(count_if(is_judged), 0) as activity_rate,
        sum(posts) as posts
    from grid
    group by month, opd_kind
)
select * from final
order by month, opd_kind
