-- q_mix_against_all: the content mix ($dimension = 'content': content_type) or format mix
-- ('format': post_format) of the OPDs in scope beside that of every OPD on the same platforms
-- in the same period. Grain: category (every category any OPD used).
-- share: of the scope's posts; all_share: of every OPD's posts (0..1).
with
everyone as (
    select case when $dimension = 'content' then coalesce(content_type, 'belum_dilabeli')
                else coalesce(post_format, 'tidak_tercatat') end as category,
           count(*) as all_posts
    from scoped_posts($start, $end_excl, $platforms, [], [])
    group by 1
),
mine as (
    select case when $dimension = 'content' then coalesce(content_type, 'belum_dilabeli')
                else coalesce(post_format, 'tidak_tercatat') end as category,
           count(*) as posts
    from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    group by 1
),
final as (
    select
        e.category,
        coalesce(m.posts, 0) as posts,
        coalesce(m.posts, 0) / nullif(sum(coalesce(m.posts, 0)) over (), 0) as share,
        e.all_posts,
        e.all_posts / sum(e.all_posts) over () as all_share
    from everyone e
    left join mine m using (category)
)
select * from final
order by all_posts desc, category
