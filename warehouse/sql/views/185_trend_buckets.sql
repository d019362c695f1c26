-- trend_buckets: THE trend (q_trend.sql, and q_trends.sql for several periods in one
-- statement): posts, OPDs posting, active OPDs, kinerja share and engagement per bucket of
-- `grain` in [start_d, end_excl) and group (by_group: none, platform, opd_kind, opd).
-- Grain: bucket x group, zero-filled; unordered (the callers order). Active in a bucket:
-- opd_activity with the grain's bucket (views/030_scope_and_activity.sql). data_end: v_data_end's
-- value (judged_end).
CREATE OR REPLACE MACRO trend_buckets(grain, start_d, end_excl, platforms, opd_kinds, opd_ids,
                                      by_group, per_month, per_week, rule, data_end) AS TABLE
    with
    -- Posts and their figures per bucket: content_counts (views/140_content_counts.sql), whole
    -- months from post_content_month, other days from the posts.
    counts as (
        select
            c.period_start,
            case by_group
                when 'platform' then c.platform
                when 'opd_kind' then c.opd_kind
                when 'opd' then c.opd
                else 'semua'
            end as "group",
            c.posts, coalesce(l.is_kinerja, false) as is_kinerja, c.interaction_engagement,
            c.interaction_posts
        from content_counts(grain, start_d, end_excl, platforms, opd_kinds, opd_ids) c
        left join content_type_label l on l.content_type = c.content_type
    ),
    periods as (
        select distinct CAST(date_trunc(grain, d) AS DATE) as period_start
        from generate_series(CAST(CAST(start_d AS DATE) AS TIMESTAMP),
                             CAST(CAST(end_excl AS DATE) - 1 AS TIMESTAMP), interval 1 day) as t(d)
    ),
    groups as (
        select distinct "group" from counts
        union
        select 'semua' where by_group = 'none'
    ),
    per_opd as (
        select
            a.period_start,
            case by_group
                when 'platform' then a.platform
                when 'opd_kind' then o.kind
                when 'opd' then o.name
                else 'semua'
            end as "group",
            a.opd_id, a.is_active
        from opd_activity(grain, start_d, end_excl, platforms, opd_kinds, opd_ids,
                          per_month, per_week, rule, by_group = 'platform', data_end) a
        -- the opd table's kind and name (v_opd_profile's opd_kind and opd), not the view: its
        -- aggregate over the accounts cost planning time and no column here
        join opd o using (opd_id)
    ),
    activity as (
        select period_start, "group", count(*) as opds_posting, count_if(is_active) as active_opds
        from per_opd group by all
    ),
    content as (
        select period_start, "group", cast(sum(posts) as bigint) as posts,
               cast(coalesce(sum(posts) filter (where is_kinerja), 0) as bigint) as kinerja_posts,
               -- over the posts carrying interaction counts only (none: null)
               sum(interaction_engagement) as engagement,
               cast(sum(interaction_posts) as bigint) as interaction_posts
        from counts group by all
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
    select * from final;
