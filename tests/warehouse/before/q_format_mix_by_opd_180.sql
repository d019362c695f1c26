-- q_format_mix_by_opd: posts per OPD and post format (foto, video, reels, carousel, teks,
-- tautan, live, story; 'tidak_tercatat' when the export or logbook did not say).
-- from_logbook: of the row's posts, those loaded from logbooks.
-- Grain: OPD x format. share: of the OPD's posts in the period (0..1); opd_posts: all of them.
with
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
final as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        count(*) as posts,
        -- of them from OPD logbooks (Rekap Postingan), which often have no format column
        count(*) filter (where load_id in (select load_id from loads where format = 'logbook'))
            as from_logbook,
        count(*) / sum(count(*)) over (partition by opd_id) as share,
        CAST(sum(count(*)) over (partition by opd_id) AS BIGINT) as opd_posts
    from period_posts
    group by opd_id, coalesce(post_format, 'tidak_tercatat')
)
select * from final
order by opd_posts desc, opd, post_format
