-- q_content_mix_by_opd: posts per OPD and content type. Grain: OPD x content type.
with
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
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
