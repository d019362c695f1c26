-- q_content_mix_over_time: posts per period bucket ($grain: day, week, month) and content type.
-- Grain: period x content type. Counts: macro content_counts (views/140_content_counts.sql).
with
counts as (
    select
        period_start,
        coalesce(content_type, 'belum_dilabeli') as content_type,
        CAST(sum(posts) AS BIGINT) as posts
    from content_counts($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    group by 1, 2
),
final as (
    select
        period_start,
        content_type,
        posts,
        posts / sum(posts) over (partition by period_start) as share
    from counts
)
select * from final
order by period_start, content_type
