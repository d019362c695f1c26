-- q_top_posts: the posts with the highest engagement. Grain: post.
with
period_posts as (
    select * from visible_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id)
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
