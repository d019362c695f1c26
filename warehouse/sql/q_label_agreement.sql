-- q_label_agreement: per OPD, how often the OPD's own logbook "Jenis Konten" agrees with the
-- label the warehouse uses (rule, model or manual). Grain: OPD with at least one logbook label.
with
labelled as (
    select opd_id, opd, content_type, logbook_content_type
    from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    where logbook_content_type is not null
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
