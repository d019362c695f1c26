-- q_trend: posts, OPDs posting, active OPDs, kinerja share and engagement per period bucket and
-- group ($by: none, platform, opd_kind, opd). Grain: period x group, zero-filled.
-- Active in a bucket: the busiest account has >= $min_bucket posts (the minimum for $grain).
with
opds as (
    select * from v_opd_profile
    where (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
period_posts as (
    select p.* from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
tagged as (
    select
        CAST(date_trunc($grain, published_at) AS DATE) as period_start,
        case $by
            when 'platform' then platform
            when 'opd_kind' then opd_kind
            when 'opd' then opd
            else 'semua'
        end as "group",
        opd_id, account_key, is_kinerja, engagement
    from period_posts
),
periods as (
    select distinct CAST(date_trunc($grain, d) AS DATE) as period_start
    from generate_series(CAST(CAST($start AS DATE) AS TIMESTAMP),
                         CAST(CAST($end_excl AS DATE) - 1 AS TIMESTAMP), interval 1 day) as t(d)
),
groups as (
    select distinct "group" from tagged
    union
    select 'semua' where $by = 'none'
),
per_account as (
    select period_start, "group", opd_id, account_key, count(*) as n
    from tagged group by all
),
per_opd as (
    select period_start, "group", opd_id, max(n) as max_account_posts
    from per_account group by all
),
activity as (
    select period_start, "group", count(*) as opds_posting,
           count_if(max_account_posts >= $min_bucket) as active_opds
    from per_opd group by all
),
content as (
    select period_start, "group", count(*) as posts, count_if(is_kinerja) as kinerja_posts,
           sum(engagement) as engagement
    from tagged group by all
),
final as (
    select
        p.period_start,
        g."group",
        coalesce(c.posts, 0) as posts,
        coalesce(a.opds_posting, 0) as opds_posting,
        coalesce(a.active_opds, 0) as active_opds,
        coalesce(c.kinerja_posts, 0) as kinerja_posts,
        c.kinerja_posts / nullif(c.posts, 0) as kinerja_share,
        coalesce(c.engagement, 0) as engagement,
        c.engagement / nullif(c.posts, 0) as engagement_per_post
    from periods p
    cross join groups g
    left join content c on c.period_start = p.period_start and c."group" = g."group"
    left join activity a on a.period_start = p.period_start and a."group" = g."group"
)
select * from final
order by period_start, "group"
