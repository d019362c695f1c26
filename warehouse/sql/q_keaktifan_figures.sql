-- q_keaktifan_figures: the key figures of Keaktifan OPD in one row, counted from the same
-- definitions the ranking and the not-active list show (opd_index, inactive_opds in
-- views/087_keaktifan.sql). Grain: one row. Counts are OPDs expected to post; mean_index
-- 0..100 over the OPDs that have an index (null when none has).
with
ranked as (
    select *
    from opd_index($start, $end_excl, $platforms, $opd_kinds, $opd_ids, true,
                   $min_per_month, $min_per_week, $judged, $target_per_month,
                   $w_frequency, $w_consistency, $w_kinerja, $w_platform, $w_engagement,
                   $grade_very_good, $grade_good, $grade_fair, $data_end)
),
not_active as (
    select *
    from inactive_opds($start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $judged_as_of,
                       $as_of, $today, $deadline_day, $dormant_days, $data_end)
),
final as (
    select
        (select count(*) from ranked) as expected_opds,
        (select count(*) filter (where activity_status <> 'no_data') from ranked) as judged_opds,
        (select count(*) filter (where is_active) from ranked) as active_opds,
        -- Judged and not active: an OPD not judged (its data not all in) is never counted as
        -- inactive. expected_opds = active_opds + inactive_opds + not_judged_opds.
        (select count(*) filter (where activity_status = 'inactive') from not_active)
            as inactive_opds,
        (select count(*) filter (where activity_status = 'no_data') from not_active)
            as not_judged_opds,
        (select count(*) filter (where activity_status = 'no_data' and data_state = 'partial')
         from not_active) as partial_data_opds,
        -- Summed in the ranking's order (a float sum depends on its order): the mean of the
        -- list as q_opd_index shows it, to the last bit.
        (select avg(index_score order by rank, opd) from ranked) as mean_index,
        (select count(*) filter (where grade = 'Kurang') from ranked) as kurang_opds
)
select * from final
