-- q_figure_share_trend: figure-centric, ucapan and kinerja shares per period bucket.
-- Grain: period ($grain: day, week, month).
with
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
final as (
    select
        CAST(date_trunc($grain, published_at) AS DATE) as period_start,
        count(*) as posts,
        count_if(is_figure) as figure_posts,
        count_if(is_figure) / count(*) as figure_share,
        count_if(is_ucapan) / count(*) as ucapan_share,
        count_if(is_kinerja) / count(*) as kinerja_share
    from period_posts
    group by 1
)
select * from final
order by period_start
