-- q_format_mix_by_opd: posts per OPD and post format (foto, video, reels, carousel, teks,
-- tautan, live, story; 'tidak_tercatat' when the export or logbook did not say).
-- Grain: OPD x format. share: of the OPD's posts in the period (0..1); opd_posts: all of them.
with
opds as (
    select * from v_opd_profile
    where (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
period_posts as (
    select p.* from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
final as (
    select
        opd_id, any_value(opd) as opd, any_value(opd_short) as opd_short,
        any_value(opd_kind) as opd_kind,
        coalesce(post_format, 'tidak_tercatat') as post_format,
        count(*) as posts,
        count(*) / sum(count(*)) over (partition by opd_id) as share,
        CAST(sum(count(*)) over (partition by opd_id) AS BIGINT) as opd_posts
    from period_posts
    group by opd_id, coalesce(post_format, 'tidak_tercatat')
)
select * from final
order by opd_posts desc, opd, post_format
