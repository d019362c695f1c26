-- q_content_mix_by_opd: posts per OPD and content type. Grain: OPD x content type.
-- Counts: macro content_counts (views/140_content_counts.sql).
with
counts as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        coalesce(content_type, 'belum_dilabeli') as content_type,
        CAST(sum(posts) AS BIGINT) as posts
    from content_counts('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    group by opd_id, coalesce(content_type, 'belum_dilabeli')
),
final as (
    select
        c.opd_id, c.opd, c.opd_short, c.opd_kind,
        c.content_type,
        c.posts,
        c.posts / sum(c.posts) over (partition by c.opd_id) as share
    from counts c
)
select * from final
order by opd_kind, opd, content_type
