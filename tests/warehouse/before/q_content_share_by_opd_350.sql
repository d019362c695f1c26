-- q_content_share_by_opd: ucapan / kinerja / figure-centric shares per OPD that posted.
-- Grain: OPD. Counts: macro content_counts (views/140_content_counts.sql); is_ucapan,
-- is_kinerja and is_figure as v_post_facts.
with
counts as (
    select
        c.opd_id, c.opd, c.opd_short, c.opd_kind, c.posts,
        coalesce(c.content_type = 'ucapan', false) as is_ucapan,
        coalesce(l.is_kinerja, false) as is_kinerja,
        coalesce(c.is_figure_centric, false) as is_figure
    from content_counts('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids) c
    left join content_type_label l on l.content_type = c.content_type
),
per_opd as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        CAST(sum(posts) AS BIGINT) as posts,
        CAST(coalesce(sum(posts) filter (where is_ucapan), 0) AS BIGINT) as ucapan_posts,
        CAST(coalesce(sum(posts) filter (where is_kinerja), 0) AS BIGINT) as kinerja_posts,
        CAST(coalesce(sum(posts) filter (where is_figure), 0) AS BIGINT) as figure_posts
    from counts
    group by opd_id
),
final as (
    select
        opd_id, opd, opd_short, opd_kind,
        posts,
        ucapan_posts,
        ucapan_posts / posts as ucapan_share,
        kinerja_posts,
        kinerja_posts / posts as kinerja_share,
        figure_posts,
        figure_posts / posts as figure_share
    from per_opd
)
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by opd_id
