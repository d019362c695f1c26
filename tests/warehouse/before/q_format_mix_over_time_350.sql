-- q_format_mix_over_time: posts per period bucket ($grain: day, week, month) and post format
-- ('tidak_tercatat' when unknown). Grain: period x format. share: of the bucket's posts (0..1).
-- Counted by format_counts (views/180_format_counts.sql): whole months from post_format_month
-- (month buckets), the other days from the posts.
with
counted as (
    select * from format_counts($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
per_format as (
    select
        period_start,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        CAST(sum(posts) AS BIGINT) as posts,
        -- of them from OPD logbooks (Rekap Postingan), which often have no format column
        CAST(coalesce(sum(posts) filter (where from_logbook), 0) AS BIGINT) as from_logbook
    from counted
    group by 1, 2
),
final as (
    select
        period_start, post_format, posts, from_logbook,
        posts / sum(posts) over (partition by period_start) as share
    from per_format
)
select * from final
order by period_start, post_format
