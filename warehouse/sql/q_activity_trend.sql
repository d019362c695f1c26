-- q_activity_trend: activity rate per calendar month, optionally per OPD kind.
-- Grain: month x group (group = opd_kind when $by_kind, else 'semua').
-- Each month is judged by opd_activity's monthly minimum (views/030_scope_and_activity.sql).
with
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids) where expected_to_post
),
months as (
    select CAST(m AS DATE) as month
    from generate_series(CAST(date_trunc('month', CAST($start AS DATE)) AS TIMESTAMP),
                         CAST(date_trunc('month', CAST($end_excl AS DATE) - 1) AS TIMESTAMP),
                         interval 1 month) as t(m)
),
per_opd_month as (
    select opd_id, period_start as month, max_account_posts, posts, is_active
    from opd_activity('month', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                      $min_per_month, $min_per_week, false)
),
grid as (
    select
        m.month,
        case when $by_kind then o.opd_kind else 'semua' end as opd_kind,
        coalesce(p.is_active, false) as is_active,
        coalesce(p.posts, 0) as posts
    from opds o
    cross join months m
    left join per_opd_month p on p.opd_id = o.opd_id and p.month = m.month
),
final as (
    select
        month,
        opd_kind,
        count_if(is_active) as active_opds,
        count(*) as expected_opds,
        count_if(is_active) / nullif(count(*), 0) as activity_rate,
        sum(posts) as posts
    from grid
    group by month, opd_kind
)
select * from final
order by month, opd_kind
