-- q_content_mix: posts per content type in the period. Grain: content type.
with
opds as (
    select opd_id from v_opd_profile
    where (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
period_posts as (
    select p.content_type, p.is_kinerja from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
final as (
    select
        coalesce(content_type, 'belum_dilabeli') as content_type,
        bool_or(is_kinerja) as is_kinerja,
        count(*) as posts,
        count(*) / sum(count(*)) over () as share
    from period_posts
    group by 1
)
select * from final
order by posts desc, content_type
