-- q_example_posts_bound: the day from which the $limit newest posts in scope of
-- [$start, $end_excl) with the label $content_type (NULL: any; 'belum_dilabeli': none) and the
-- figure flag $figure_centric (NULL: any) are all published, read from post_content_month
-- (last_posted_at: migration 310_post_content_month_last_post) instead of the posts. Each
-- matching row's last_posted_at is one post of its own, inside the period (content_month_rows:
-- whole months, the viewer's OPD only for an operator); so at least $limit matching posts are
-- published at or after the $limit-th latest of them, and none of the $limit newest before it.
-- The day of that time (whole days: a bound q_example_posts.sql takes as its $start). NULL
-- when fewer matching rows than $limit (or no whole month): no bound. Matching as
-- q_example_posts.sql matches.
-- Grain: one row; column newest_from (DATE or NULL). $limit >= 1.
with
newest as (
    select last_posted_at
    from content_month_rows($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id)
    where ($content_type is null or coalesce(content_type, 'belum_dilabeli') = $content_type)
      and ($figure_centric is null or coalesce(is_figure_centric, false) = $figure_centric)
    order by last_posted_at desc
    limit 1 offset $limit - 1
),
final as (
    select cast((select last_posted_at from newest) as date) as newest_from
)
select * from final
