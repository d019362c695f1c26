-- q_drilldown_count: how many posts the drill-down matches without its limit. Grain: one row.

with
opds as (
    select * from v_opd_profile
    where (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
matching as (
    select p.* from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
      and (len($content_types) = 0
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
