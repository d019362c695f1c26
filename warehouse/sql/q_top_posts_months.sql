-- q_top_posts_months: the posts with the highest engagement of a period of whole calendar months
-- ([$start, $end_excl): first days of months), $limit at most top_posts_kept(); what q_top_posts
-- gives for such a period, read from post_top_month (each OPD's, platform's and month's first
-- top_posts_kept() posts in this order, with the columns shown: the period's first $limit posts
-- are among them) instead of every post of the period. warehouse.queries.trend.top_posts runs
-- it only for such periods and limits. Grain: post. Order: engagement descending, then
-- published_at descending, then post_key (a total order: ties fall as q_top_posts breaks them).
with
final as (
    select
        post_key, published_at, opd, platform, caption, content_type, reactions, comments,
        shares, engagement, reach, engagement / nullif(reach, 0) as engagement_per_reach,
        permalink
    from top_month_rows($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id)
)
select * from final
order by engagement desc, published_at desc, post_key
limit $limit
