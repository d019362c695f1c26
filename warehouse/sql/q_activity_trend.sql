-- q_activity_trend: activity rate per calendar month, optionally per OPD kind.
-- Grain: month x group (group = opd_kind when $by_kind, else 'semua').
-- Each month is judged with the monthly minimum $min_per_month, also a month the period cuts.
with
opds as (
    select * from v_opd_profile
    where expected_to_post
      and (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
months as (
    select CAST(m AS DATE) as month
    from generate_series(CAST(date_trunc('month', CAST($start AS DATE)) AS TIMESTAMP),
                         CAST(date_trunc('month', CAST($end_excl AS DATE) - 1) AS TIMESTAMP),
                         interval 1 month) as t(m)
),
period_posts as (
    select p.opd_id, p.account_key, p.month_start from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
per_account as (
    select opd_id, month_start, account_key, count(*) as n
    from period_posts group by opd_id, month_start, account_key
),
per_opd_month as (
    select opd_id, month_start as month, max(n) as max_account_posts, sum(n) as posts
    from per_account group by opd_id, month_start
),
grid as (
    select
        m.month,
        case when $by_kind then o.opd_kind else 'semua' end as opd_kind,
        coalesce(p.max_account_posts, 0) as max_account_posts,
        coalesce(p.posts, 0) as posts
    from opds o
    cross join months m
    left join per_opd_month p on p.opd_id = o.opd_id and p.month = m.month
),
final as (
    select
        month,
        opd_kind,
        count_if(max_account_posts >= $min_per_month) as active_opds,
        count(*) as expected_opds,
        count_if(max_account_posts >= $min_per_month) / nullif(count(*), 0) as activity_rate,
        sum(posts) as posts
    from grid
    group by month, opd_kind
)
select * from final
order by month, opd_kind
