-- q_format_mix_over_time: posts per period bucket ($grain: day, week, month) and post format
-- ('tidak_tercatat' when unknown). Grain: period x format. share: of the bucket's posts (0..1).
-- Counts: macro content_counts (views/140_content_counts.sql).
with
counts as (
    select
        period_start,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        CAST(sum(posts) AS BIGINT) as posts
    from content_counts($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    group by 1, 2
),
final as (
    select
        period_start,
        post_format,
        posts,
        posts / sum(posts) over (partition by period_start) as share
    from counts
)
select * from final
order by period_start, post_format
