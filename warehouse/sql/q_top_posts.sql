-- q_top_posts: the posts with the highest engagement. Grain: post.
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
final as (
    select
        post_key, published_at, opd, platform, caption, content_type, reactions, comments,
        shares, engagement, reach, engagement / nullif(reach, 0) as engagement_per_reach,
        permalink
    from period_posts
)
select * from final
order by engagement desc, published_at desc, post_key
limit $limit
