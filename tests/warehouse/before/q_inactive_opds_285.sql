-- q_inactive_opds: expected-to-post OPDs that are not active in the period, with every reason
-- that applies, in priority order (codes; warehouse.vocabulary.INACTIVE_REASONS has the text).
-- Defined once in inactive_opds (views/087_keaktifan.sql). Grain: OPD.
with
final as (
    select *
    from inactive_opds($start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $judged_as_of,
                       $as_of, $today, $deadline_day, $dormant_days, $data_end)
)
select * from final
order by opd_kind, opd
