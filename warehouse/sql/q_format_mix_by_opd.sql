-- q_format_mix_by_opd: posts per OPD and post format (foto, video, reels, carousel, teks,
-- tautan, live, story; 'tidak_tercatat' when the export or logbook did not say).
-- Grain: OPD x format. share: of the OPD's posts in the period (0..1); opd_posts: all of them.
-- Counts: macro content_counts (views/140_content_counts.sql).
with
counts as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        CAST(sum(posts) AS BIGINT) as posts
    from content_counts('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    group by opd_id, coalesce(post_format, 'tidak_tercatat')
),
final as (
    select
        c.opd_id, c.opd, c.opd_short, c.opd_kind,
        c.post_format,
        c.posts,
        c.posts / sum(c.posts) over (partition by c.opd_id) as share,
        CAST(sum(c.posts) over (partition by c.opd_id) AS BIGINT) as opd_posts
    from counts c
)
select * from final
order by opd_posts desc, opd, post_format
