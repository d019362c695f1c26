-- q_format_mix_over_time: posts per period bucket ($grain: day, week, month) and post format
-- ('tidak_tercatat' when unknown). Grain: period x format. share: of the bucket's posts (0..1).
with
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
final as (
    select
        CAST(date_trunc($grain, published_at) AS DATE) as period_start,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        count(*) as posts,
        -- of them from OPD logbooks (Rekap Postingan), which often have no format column
        count(*) filter (where load_id in (select load_id from loads where format = 'logbook'))
            as from_logbook,
        count(*) / sum(count(*)) over (partition by CAST(date_trunc($grain, published_at) AS DATE))
            as share
    from period_posts
    group by 1, 2
)
select * from final
order by period_start, post_format
