-- q_kpi: KPI tiles for one period (called once per compared period). Grain: one row.
-- Active OPD: its busiest official account has >= $required_posts posts in the period.
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
per_account as (
    select opd_id, account_key, count(*) as n from period_posts group by opd_id, account_key
),
per_opd as (
    select opd_id, max(n) as max_account_posts from per_account group by opd_id
),
activity as (
    select
        count(*) filter (where o.expected_to_post) as expected_opds,
        count(*) filter (where o.expected_to_post
                         and coalesce(a.max_account_posts, 0) >= $required_posts) as active_opds,
        count(*) filter (where o.expected_to_post and not o.has_operator) as opds_without_operator
    from opds o
    left join per_opd a using (opd_id)
),
content as (
    select
        count(*) as posts,
        count_if(is_kinerja) as kinerja_posts,
        count_if(is_ucapan) as ucapan_posts,
        count_if(is_figure) as figure_posts,
        coalesce(sum(engagement), 0) as engagement,
        sum(engagement) filter (where reach > 0) as engagement_with_reach,
        sum(reach) filter (where reach > 0) as reach
    from period_posts
),
final as (
    select
        a.active_opds / nullif(a.expected_opds, 0) as activity_rate,
        a.active_opds,
        a.expected_opds,
        c.posts,
        c.kinerja_posts / nullif(c.posts, 0) as kinerja_share,
        c.ucapan_posts / nullif(c.posts, 0) as ucapan_share,
        c.figure_posts / nullif(c.posts, 0) as figure_share,
        c.engagement,
        c.engagement / nullif(c.posts, 0) as engagement_per_post,
        c.engagement_with_reach / c.reach as engagement_per_reach,
        a.opds_without_operator
    from activity a
    cross join content c
)
select * from final
