-- q_format_mix_over_time: posts per period bucket ($grain: day, week, month) and post format
-- ('tidak_tercatat' when unknown). Grain: period x format. share: of the bucket's posts (0..1).
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
        coalesce(post_format, 'tidak_tercatat') as post_format,
        count(*) as posts,
        count(*) / sum(count(*)) over (partition by CAST(date_trunc($grain, published_at) AS DATE))
            as share
    from period_posts
    group by 1, 2
)
select * from final
order by period_start, post_format
