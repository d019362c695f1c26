-- q_example_posts: newest posts with a label and the reason it was given. Grain: post.
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
        post_key, published_at, opd, platform, caption, content_type, content_source,
        content_reason, is_figure_centric, figure_reason, engagement, permalink
    from period_posts
    where ($content_type is null or coalesce(content_type, 'belum_dilabeli') = $content_type)
      and ($figure_centric is null or is_figure = $figure_centric)
)
select * from final
order by published_at desc, post_key
limit $limit
