-- q_trend: posts, OPDs posting, active OPDs, kinerja share and engagement per period bucket and
-- group ($by: none, platform, opd_kind, opd). Grain: period x group, zero-filled.
-- Active in a bucket: opd_activity with the $grain bucket (views/030_scope_and_activity.sql).
with
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
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
        opd_id, account_key, is_kinerja, engagement, has_interaction
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
per_opd as (
    select
        a.period_start,
        case $by
            when 'platform' then a.platform
            when 'opd_kind' then o.opd_kind
            when 'opd' then o.opd
            else 'semua'
        end as "group",
        a.opd_id, a.is_active
    from opd_activity($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                      $min_per_month, $min_per_week, $activity_rule, $by = 'platform', $data_end) a
    join v_opd_profile o using (opd_id)
),
activity as (
    select period_start, "group", count(*) as opds_posting, count_if(is_active) as active_opds
    from per_opd group by all
),
content as (
    select period_start, "group", count(*) as posts, count_if(is_kinerja) as kinerja_posts,
           sum(engagement) filter (where has_interaction) as engagement,
           count_if(has_interaction) as interaction_posts
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
        -- No post carrying interaction counts (logbook rows only): no data, not 0.
        case when coalesce(c.interaction_posts, 0) > 0 then c.engagement
             when coalesce(c.posts, 0) = 0 then 0 end as engagement,
        case when c.interaction_posts > 0 then c.engagement / c.posts end
            as engagement_per_post
    from periods p
    cross join groups g
    left join content c on c.period_start = p.period_start and c."group" = g."group"
    left join activity a on a.period_start = p.period_start and a."group" = g."group"
)
select * from final
order by period_start, "group"
