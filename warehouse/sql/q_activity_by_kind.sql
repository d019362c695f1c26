-- q_activity_by_kind: activity over the whole period per OPD kind (opd_judgement: the rate is
-- over the OPDs whose data arrived). Grain: OPD kind.
with
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids) where expected_to_post
),
per_opd as (
    select opd_id, is_active, is_judged
    -- the period's judgement (opd_judgement over 'period') of these filters and the
    -- analyst's rule, computed once and shared
    -- (q_period_judgement.sql, warehouse.queries.judgement)
    from query_table($judged)
),
final as (
    select
        o.opd_kind,
        count(*) as expected_opds,
        count_if(a.is_judged) as judged_opds,
        count_if(a.is_active) as active_opds,
        count_if(a.is_active) / nullif(count_if(a.is_judged), 0) as activity_rate,
        activity_minimum('period', $start, $end_excl, $min_per_month, $min_per_week, $data_end)
            as required_posts
    from opds o
    join per_opd a using (opd_id)
    group by o.opd_kind
)
select * from final
order by opd_kind
