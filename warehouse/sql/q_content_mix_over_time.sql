-- q_content_mix_over_time: posts per period bucket ($grain: day, week, month) and content type.
-- Grain: period x content type.
with
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
final as (
    select
        CAST(date_trunc($grain, published_at) AS DATE) as period_start,
        coalesce(content_type, 'belum_dilabeli') as content_type,
        count(*) as posts,
        count(*) / sum(count(*)) over (partition by CAST(date_trunc($grain, published_at) AS DATE))
            as share
    from period_posts
    group by 1, 2
)
select * from final
order by period_start, content_type
