-- q_content_mix_by_opd: posts per OPD and content type. Grain: OPD x content type.
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
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        coalesce(content_type, 'belum_dilabeli') as content_type,
        count(*) as posts,
        count(*) / sum(count(*)) over (partition by opd_id) as share
    from period_posts
    group by opd_id, coalesce(content_type, 'belum_dilabeli')
)
select * from final
order by opd_kind, opd, content_type
