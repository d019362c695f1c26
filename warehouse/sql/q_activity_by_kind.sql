-- q_activity_by_kind: activity over the whole period per OPD kind. Grain: OPD kind.
with
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids) where expected_to_post
),
per_opd as (
    select opd_id, is_active
    from opd_activity('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                      $min_per_month, $min_per_week, false)
),
final as (
    select
        o.opd_kind,
        count(*) as expected_opds,
        count_if(coalesce(a.is_active, false)) as active_opds,
        count_if(coalesce(a.is_active, false)) / count(*) as activity_rate,
        activity_minimum('period', $start, $end_excl, $min_per_month, $min_per_week)
            as required_posts
    from opds o
    left join per_opd a using (opd_id)
    group by o.opd_kind
)
select * from final
order by opd_kind
