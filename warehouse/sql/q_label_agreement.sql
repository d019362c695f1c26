-- q_label_agreement: per OPD, how often the OPD's own logbook "Jenis Konten" agrees with the
-- label the warehouse uses (rule, model or manual). Grain: OPD with at least one logbook label.
with
opds as (
    select * from v_opd_profile
    where (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
labelled as (
    select p.opd_id, p.opd, p.content_type, p.logbook_content_type
    from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
      and p.logbook_content_type is not null
),
final as (
    select
        opd_id,
        any_value(opd) as opd,
        count(*) as labelled_posts,
        count(*) filter (where logbook_content_type = content_type) as agreeing_posts,
        count(*) filter (where logbook_content_type is distinct from content_type)
            as disagreeing_posts,
        agreeing_posts / labelled_posts as agreement_share
    from labelled
    group by opd_id
)
select * from final
order by agreement_share, disagreeing_posts desc, opd
