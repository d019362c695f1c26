-- q_example_posts: newest posts with a label and the reason it was given. Grain: post.
with
period_posts as (
    select * from visible_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id)
),
final as (
    select
        post_key, published_at, opd, platform, caption, content_type, content_source,
        content_reason, is_figure_centric, figure_reason, engagement, permalink
    from period_posts
    where ($content_type is null or coalesce(content_type, 'belum_dilabeli') = $content_type)
      and ($figure_centric is null or is_figure = $figure_centric)
)
select * from final
order by published_at desc, post_key
limit $limit
