-- q_content_mix: posts per content type in the period. Grain: content type.
with
period_posts as (
    select content_type, is_kinerja
    from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
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
