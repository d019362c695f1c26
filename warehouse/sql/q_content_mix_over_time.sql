-- q_content_mix_over_time: posts per period bucket ($grain: day, week, month) and content type.
-- Grain: period x content type.
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
        coalesce(content_type, 'belum_dilabeli') as content_type,
        count(*) as posts,
        count(*) / sum(count(*)) over (partition by CAST(date_trunc($grain, published_at) AS DATE))
            as share
    from period_posts
    group by 1, 2
)
select * from final
order by period_start, content_type
