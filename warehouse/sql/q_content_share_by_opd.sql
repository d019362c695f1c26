-- q_content_share_by_opd: ucapan / kinerja / figure-centric shares per OPD that posted.
-- Grain: OPD. Counts: macro content_counts (views/140_content_counts.sql); is_ucapan,
-- is_kinerja and is_figure as v_post_facts.
with
counts as (
    select
        c.opd_id, c.posts,
        coalesce(c.content_type = 'ucapan', false) as is_ucapan,
        coalesce(l.is_kinerja, false) as is_kinerja,
        coalesce(c.is_figure_centric, false) as is_figure
    from content_counts('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids) c
    left join content_type_label l on l.content_type = c.content_type
),
per_opd as (
    select
        opd_id,
        CAST(sum(posts) AS BIGINT) as posts,
        CAST(coalesce(sum(posts) filter (where is_ucapan), 0) AS BIGINT) as ucapan_posts,
        CAST(coalesce(sum(posts) filter (where is_kinerja), 0) AS BIGINT) as kinerja_posts,
        CAST(coalesce(sum(posts) filter (where is_figure), 0) AS BIGINT) as figure_posts
    from counts
    group by opd_id
),
final as (
    select
        p.opd_id, o.name as opd, o.short_name as opd_short, o.kind as opd_kind,
        p.posts,
        p.ucapan_posts,
        p.ucapan_posts / p.posts as ucapan_share,
        p.kinerja_posts,
        p.kinerja_posts / p.posts as kinerja_share,
        p.figure_posts,
        p.figure_posts / p.posts as figure_share
    from per_opd p
    join opd o using (opd_id)
)
select * from final
