-- q_inactive_reason_counts: how many not-active OPDs have each main reason (the first of
-- their reasons in priority order), from inactive_opds (views/087_keaktifan.sql), the list
-- q_inactive_opds shows. Grain: reason code. Most OPDs first.
with
final as (
    select reason_codes[1] as reason_code, count(*) as opds
    from inactive_opds($start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $judged_as_of,
                       $as_of, $today, $deadline_day, $dormant_days, $data_end)
    group by reason_code
)
select * from final
order by opds desc, reason_code
