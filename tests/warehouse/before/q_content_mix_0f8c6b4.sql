-- q_content_mix: posts per content type in the period. Grain: content type.
-- Counts: macro content_counts (views/140_content_counts.sql); is_kinerja from
-- content_type_label, as v_post_facts.
with
counts as (
    select c.content_type, coalesce(l.is_kinerja, false) as is_kinerja, c.posts
    from content_counts('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids) c
    left join content_type_label l on l.content_type = c.content_type
),
final as (
    select
        coalesce(content_type, 'belum_dilabeli') as content_type,
        bool_or(is_kinerja) as is_kinerja,
        CAST(sum(posts) AS BIGINT) as posts,
        sum(posts) / sum(sum(posts)) over () as share
    from counts
    group by 1
)
select * from final
order by posts desc, content_type
