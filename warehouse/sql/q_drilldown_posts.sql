-- q_drilldown_posts: the posts behind a number, sorted by a whitelisted key, limited.
-- Grain: post. The sort key arrives as a value ($sort_by) checked against a whitelist in
-- warehouse/queries/drilldown.py and is matched here by CASE, so no SQL text is ever built from input.

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
    select
        post_key, published_at, opd_id, opd, opd_kind, platform, account_handle, caption,
        post_format, content_type, content_source, content_reason, is_figure_centric,
        figure_reason, reactions, comments, shares, engagement, reach, permalink
    from matching
)
select * from final
order by
    case when $descending then
        case $sort_by
            when 'published_at' then epoch(published_at)
            when 'engagement' then CAST(engagement AS DOUBLE)
            when 'reach' then CAST(reach AS DOUBLE)
        end
    end desc nulls last,
    case when not $descending then
        case $sort_by
            when 'published_at' then epoch(published_at)
            when 'engagement' then CAST(engagement AS DOUBLE)
            when 'reach' then CAST(reach AS DOUBLE)
        end
    end asc nulls last,
    case when $descending then
        case $sort_by
            when 'opd' then opd when 'platform' then platform when 'content_type' then content_type
        end
    end desc nulls last,
    case when not $descending then
        case $sort_by
            when 'opd' then opd when 'platform' then platform when 'content_type' then content_type
        end
    end asc nulls last,
    published_at desc,
    post_key
limit $limit
