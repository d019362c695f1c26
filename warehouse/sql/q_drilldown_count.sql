-- q_drilldown_count: how many posts the drill-down matches without its limit. Grain: one row.

with
matching as (
    select p.* from visible_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id) p
    where (len($content_types) = 0
           or list_contains($content_types, coalesce(p.content_type, 'belum_dilabeli')))
      and (not $kinerja_only or p.is_kinerja)
      and ($figure_centric is null or p.is_figure = $figure_centric)
      and ($campaign_id is null or p.post_key in (
              select post_key from post_campaign where campaign_id = $campaign_id))
      and ($search is null or contains(lower(coalesce(p.caption, '')), lower($search)))
),
final as (
    select count(*) as n from matching
)
select * from final
