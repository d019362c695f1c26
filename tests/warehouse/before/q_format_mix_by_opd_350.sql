-- q_format_mix_by_opd: posts per OPD and post format (foto, video, reels, carousel, teks,
-- tautan, live, story; 'tidak_tercatat' when the export or logbook did not say).
-- from_logbook: of the row's posts, those loaded from logbooks.
-- Grain: OPD x format. share: of the OPD's posts in the period (0..1); opd_posts: all of them.
-- Counted by format_counts (views/180_format_counts.sql): whole months from post_format_month,
-- the other days from the posts.
with
counted as (
    select * from format_counts('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
per_format as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        CAST(sum(posts) AS BIGINT) as posts,
        -- of them from OPD logbooks (Rekap Postingan), which often have no format column
        CAST(coalesce(sum(posts) filter (where from_logbook), 0) AS BIGINT) as from_logbook
    from counted
    group by opd_id, coalesce(post_format, 'tidak_tercatat')
),
final as (
    select
        opd_id, opd, opd_short, opd_kind, post_format, posts, from_logbook,
        posts / sum(posts) over (partition by opd_id) as share,
        CAST(sum(posts) over (partition by opd_id) AS BIGINT) as opd_posts
    from per_format
)
select * from final
order by opd_posts desc, opd, post_format
