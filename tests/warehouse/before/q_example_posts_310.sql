-- q_example_posts: newest posts with a label and the reason it was given. Grain: post.
-- The newest $limit are found on the narrow columns first, then only those posts are read
-- whole: the captions and reasons of every post of the period are not carried through the sort.
with
newest_keys as (
    select post_key
    from visible_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id)
    where ($content_type is null or coalesce(content_type, 'belum_dilabeli') = $content_type)
      and ($figure_centric is null or is_figure = $figure_centric)
    order by published_at desc, post_key
    limit $limit
),
final as (
    select
        post_key, published_at, opd, platform, caption, content_type, content_source,
        content_reason, is_figure_centric, figure_reason, engagement, permalink
    from visible_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id)
    semi join newest_keys using (post_key)
)
select * from final
order by published_at desc, post_key
limit $limit
