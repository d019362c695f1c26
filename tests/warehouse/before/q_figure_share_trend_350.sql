-- q_figure_share_trend: figure-centric, ucapan and kinerja shares per period bucket.
-- Grain: period ($grain: day, week, month). Counts: macro content_counts
-- (views/140_content_counts.sql); is_ucapan, is_kinerja and is_figure as v_post_facts.
with
counts as (
    select
        c.period_start, c.posts,
        coalesce(c.content_type = 'ucapan', false) as is_ucapan,
        coalesce(l.is_kinerja, false) as is_kinerja,
        coalesce(c.is_figure_centric, false) as is_figure
    from content_counts($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids) c
    left join content_type_label l on l.content_type = c.content_type
),
per_period as (
    select
        period_start,
        CAST(sum(posts) AS BIGINT) as posts,
        CAST(coalesce(sum(posts) filter (where is_figure), 0) AS BIGINT) as figure_posts,
        CAST(coalesce(sum(posts) filter (where is_ucapan), 0) AS BIGINT) as ucapan_posts,
        CAST(coalesce(sum(posts) filter (where is_kinerja), 0) AS BIGINT) as kinerja_posts
    from counts
    group by period_start
),
final as (
    select
        period_start,
        posts,
        figure_posts,
        figure_posts / posts as figure_share,
        ucapan_posts / posts as ucapan_share,
        kinerja_posts / posts as kinerja_share
    from per_period
)
select * from final
order by period_start
