-- q_content_share_by_opd: ucapan / kinerja / figure-centric shares per OPD that posted.
-- Grain: OPD.
with
period_posts as (
    select * from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
),
final as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        count(*) as posts,
        count_if(is_ucapan) as ucapan_posts,
        count_if(is_ucapan) / count(*) as ucapan_share,
        count_if(is_kinerja) as kinerja_posts,
        count_if(is_kinerja) / count(*) as kinerja_share,
        count_if(is_figure) as figure_posts,
        count_if(is_figure) / count(*) as figure_share
    from period_posts
    group by opd_id
)
select * from final
