-- q_content_figures: Jenis Konten's six count figures in one statement, so the content_counts and
-- format_counts macros are planned once each instead of once per figure (planning was most of
-- each figure's time). Grain: one row; each column is one figure's rows as a list of structs
-- (warehouse.queries.content reads them as frames), in the figure's order:
--   share_by_opd      per OPD that posted: posts, ucapan / kinerja / figure-centric posts and
--                     shares (is_ucapan, is_kinerja, is_figure as v_post_facts), by opd_id
--   mix_by_opd        per OPD x content type ('belum_dilabeli' when unlabelled): posts, share
--                     of the OPD's posts, by opd_kind, opd, content_type
--   mix_over_time     per $grain bucket x content type: posts, share of the bucket's posts
--   figure_trend      per $grain bucket: posts, figure_posts, figure / ucapan / kinerja shares
--   format_by_opd     per OPD x post format ('tidak_tercatat' when unknown): posts,
--                     from_logbook (of them, from logbooks), share of the OPD's posts,
--                     opd_posts; by opd_posts desc, opd, post_format
--   format_over_time  per $grain bucket x post format: posts, from_logbook, share
-- The per-OPD figures sum the $grain buckets: the same posts as one 'period' bucket (whole
-- months from the kept tables for month buckets, the other days from the posts), so the same
-- counts. Each figure as its own statement was before: tests/warehouse/before/*_350.sql.
with
content as materialized (
    select
        c.period_start, c.opd_id, c.opd, c.opd_short, c.opd_kind, c.content_type, c.posts,
        coalesce(c.content_type = 'ucapan', false) as is_ucapan,
        coalesce(l.is_kinerja, false) as is_kinerja,
        coalesce(c.is_figure_centric, false) as is_figure
    from content_counts($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids) c
    left join content_type_label l on l.content_type = c.content_type
),
formats as materialized (
    select period_start, opd_id, opd, opd_short, opd_kind, post_format, from_logbook, posts
    from format_counts($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
per_opd as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        CAST(sum(posts) AS BIGINT) as posts,
        CAST(coalesce(sum(posts) filter (where is_ucapan), 0) AS BIGINT) as ucapan_posts,
        CAST(coalesce(sum(posts) filter (where is_kinerja), 0) AS BIGINT) as kinerja_posts,
        CAST(coalesce(sum(posts) filter (where is_figure), 0) AS BIGINT) as figure_posts
    from content
    group by opd_id
),
share_by_opd as (
    select list(struct_pack(
        opd_id, opd, opd_short, opd_kind, posts,
        ucapan_posts, ucapan_share := ucapan_posts / posts,
        kinerja_posts, kinerja_share := kinerja_posts / posts,
        figure_posts, figure_share := figure_posts / posts
    ) order by opd_id) as figure_rows
    from per_opd
),
per_opd_type as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        coalesce(content_type, 'belum_dilabeli') as content_type,
        CAST(sum(posts) AS BIGINT) as posts
    from content
    group by opd_id, coalesce(content_type, 'belum_dilabeli')
),
mix_by_opd as (
    select list(struct_pack(
        opd_id, opd, opd_short, opd_kind, content_type, posts,
        share := posts / opd_total
    ) order by opd_kind, opd, content_type) as figure_rows
    from (select *, sum(posts) over (partition by opd_id) as opd_total from per_opd_type)
),
per_bucket_type as (
    select
        period_start,
        coalesce(content_type, 'belum_dilabeli') as content_type,
        CAST(sum(posts) AS BIGINT) as posts
    from content
    group by 1, 2
),
mix_over_time as (
    select list(struct_pack(
        period_start, content_type, posts, share := posts / bucket_total
    ) order by period_start, content_type) as figure_rows
    from (
        select *, sum(posts) over (partition by period_start) as bucket_total
        from per_bucket_type
    )
),
per_bucket as (
    select
        period_start,
        CAST(sum(posts) AS BIGINT) as posts,
        CAST(coalesce(sum(posts) filter (where is_figure), 0) AS BIGINT) as figure_posts,
        CAST(coalesce(sum(posts) filter (where is_ucapan), 0) AS BIGINT) as ucapan_posts,
        CAST(coalesce(sum(posts) filter (where is_kinerja), 0) AS BIGINT) as kinerja_posts
    from content
    group by period_start
),
figure_trend as (
    select list(struct_pack(
        period_start, posts, figure_posts,
        figure_share := figure_posts / posts,
        ucapan_share := ucapan_posts / posts,
        kinerja_share := kinerja_posts / posts
    ) order by period_start) as figure_rows
    from per_bucket
),
per_opd_format as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        CAST(sum(posts) AS BIGINT) as posts,
        -- of them from OPD logbooks (Rekap Postingan), which often have no format column
        CAST(coalesce(sum(posts) filter (where from_logbook), 0) AS BIGINT) as from_logbook
    from formats
    group by opd_id, coalesce(post_format, 'tidak_tercatat')
),
format_by_opd as (
    select list(struct_pack(
        opd_id, opd, opd_short, opd_kind, post_format, posts, from_logbook,
        share := posts / opd_total, opd_posts := CAST(opd_total AS BIGINT)
    ) order by opd_total desc, opd, post_format) as figure_rows
    from (select *, sum(posts) over (partition by opd_id) as opd_total from per_opd_format)
),
per_bucket_format as (
    select
        period_start,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        CAST(sum(posts) AS BIGINT) as posts,
        CAST(coalesce(sum(posts) filter (where from_logbook), 0) AS BIGINT) as from_logbook
    from formats
    group by 1, 2
),
format_over_time as (
    select list(struct_pack(
        period_start, post_format, posts, from_logbook, share := posts / bucket_total
    ) order by period_start, post_format) as figure_rows
    from (
        select *, sum(posts) over (partition by period_start) as bucket_total
        from per_bucket_format
    )
),
final as (
    select
        s.figure_rows as share_by_opd,
        m.figure_rows as mix_by_opd,
        t.figure_rows as mix_over_time,
        g.figure_rows as figure_trend,
        fo.figure_rows as format_by_opd,
        ft.figure_rows as format_over_time
    from share_by_opd s, mix_by_opd m, mix_over_time t, figure_trend g, format_by_opd fo,
         format_over_time ft
)
select * from final
