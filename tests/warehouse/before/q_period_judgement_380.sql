-- q_period_judgement: THE judgement (opd_judgement, views/030_scope_and_activity.sql) of every
-- OPD in scope over the whole period, computed once per filters, settings and data version and
-- shared by the figures that read it (warehouse.queries.judgement registers the result as a
-- relation on their cursor: the index, the not-active list and their counts, the kecamatan
-- roll-up, the activity by OPD kind). counted_before: as opd_judgement's (null: every post
-- of the period). Grain: OPD.
with
final as (
    select *
    from opd_judgement('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $activity_rule, $data_end,
                       counted_before := $counted_before)
)
-- a stated order: parallel joins return rows in any order, and frames are compared whole
select * from final
order by period_start, opd_id
