-- q_label_disagreements: posts whose logbook "Jenis Konten" differs from the label the warehouse
-- uses, newest first, with both labels and the reason. Grain: post.
with
opds as (
    select * from v_opd_profile
    where (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
final as (
    select
        p.post_key, p.published_at, p.opd, p.platform, p.caption, p.logbook_label,
        p.logbook_content_type, p.content_type, p.content_source, p.content_reason, p.permalink
    from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
      and p.logbook_content_type is not null
      and p.logbook_content_type is distinct from p.content_type
)
select * from final
order by published_at desc, post_key
limit $limit
