-- q_opd_index: Indeks Medsos OPD with every component score and weight, best first.
-- The index is defined once in opd_index (views/087_keaktifan.sql). Grain: OPD.
with
final as (
    select *
    from opd_index($start, $end_excl, $platforms, $opd_kinds, $opd_ids, $expected_only,
                   $min_per_month, $min_per_week, $judged, $target_per_month,
                   $w_frequency, $w_consistency, $w_kinerja, $w_platform, $w_engagement,
                   $grade_very_good, $grade_good, $grade_fair, $data_end)
)
select * from final
order by rank nulls last, opd
