-- q_content_mix_months: q_content_mix's rows for a period of whole calendar months
-- (periods.is_whole_months; warehouse.queries.content.content_mix chooses it): the months'
-- rows of post_content_month only (macro content_month_rows, the rows content_counts reads from
-- the table for such a period, whose other branch, counted from the posts, reads nothing then:
-- views/140_content_counts.sql), without binding the posts' views. Grain: content type.
with
counts as (
    select c.content_type, coalesce(l.is_kinerja, false) as is_kinerja, c.posts
    from content_month_rows($start, $end_excl, $platforms, $opd_kinds, $opd_ids, NULL) c
    left join content_type_label l on l.content_type = c.content_type
),
final as (
    select
        coalesce(content_type, 'belum_dilabeli') as content_type,
        bool_or(is_kinerja) as is_kinerja,
        CAST(sum(posts) AS BIGINT) as posts,
        sum(posts) / sum(sum(posts)) over () as share
    from counts
    group by 1
)
select * from final
order by posts desc, content_type
