-- q_figure_share_trend: figure-centric, ucapan and kinerja shares per period bucket.
-- Grain: period ($grain: day, week, month).
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
