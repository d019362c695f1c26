-- q_label_disagreements: posts whose logbook "Jenis Konten" differs from the label the warehouse
-- uses, newest first, with both labels and the reason. Grain: post.
with
final as (
    select
        p.post_key, p.published_at, p.opd, p.platform, p.caption, p.logbook_label,
        p.logbook_content_type, p.content_type, p.content_source, p.content_reason, p.permalink
    from visible_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $viewer_opd_id) p
    where p.logbook_content_type is not null
      and p.logbook_content_type is distinct from p.content_type
)
select * from final
order by published_at desc, post_key
limit $limit
