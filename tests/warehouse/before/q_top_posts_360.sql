-- q_top_posts: the posts with the highest engagement. Grain: post.
-- The order is found on the narrow columns first (post_key, engagement, published_at), then
-- only those $limit posts are read whole: the captions and links of every post of the period
-- are not carried through the sort.
with
top_keys as (
    select post_key
    from visible_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id)
    order by engagement desc, published_at desc, post_key
    limit $limit
),
period_posts as (
    select * from visible_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id)
    semi join top_keys using (post_key)
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
