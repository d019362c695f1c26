-- q_kecamatan_rollup: each kecamatan with the desa and kelurahan under it (opd.parent_opd_id,
-- from the master list), with how many of them are active in the period (the same activity
-- rule as q_kpi: opd_judgement, views/030_scope_and_activity.sql). Grain: kecamatan.
-- A member whose data for the period has not all arrived and that is not active is not judged:
-- counted in not_judged_members, never as not active (members = active + inactive + not judged).
-- Members: the kecamatan office itself plus its desa/kelurahan, expected-to-post OPDs in the
-- filters only; a kecamatan none of whose members is in the filters is left out.
-- OPDs read through scoped_opd_table (the opd table's own columns): v_opd_profile's account
-- aggregate is not needed here, and planning it was a sixth to a quarter of the statement.
with
opds as (
    select * from scoped_opd_table($opd_kinds, $opd_ids) where expected_to_post
),
kecamatan as (
    select opd_id as kecamatan_id, opd as kecamatan, opd_short as kecamatan_short
    from scoped_opd_table([], []) where opd_kind = 'kecamatan'
),
members as (
    select
        k.kecamatan_id, o.opd_id, o.opd_kind,
        o.opd_id = k.kecamatan_id as is_office
    from opds o
    join kecamatan k
      on k.kecamatan_id = o.opd_id
      or (o.opd_kind in ('desa', 'kelurahan') and o.parent_opd_id = k.kecamatan_id)
),
per_opd as (
    select opd_id, posts, is_active, is_judged
    -- the period's judgement (opd_judgement over 'period') of these filters and the
    -- analyst's rule, computed once and shared
    -- (q_period_judgement.sql, warehouse.queries.judgement)
    from query_table($judged)
),
final as (
    select
        k.kecamatan_id, k.kecamatan, k.kecamatan_short,
        count(*) as members,
        count_if(not m.is_office) as villages,
        count_if(m.opd_kind = 'desa') as desa,
        count_if(m.opd_kind = 'kelurahan') as kelurahan,
        count_if(coalesce(a.is_active, false)) as active_members,
        count_if(a.is_judged and not a.is_active) as inactive_members,
        count_if(not coalesce(a.is_judged, true)) as not_judged_members,
        count_if(not m.is_office and coalesce(a.is_active, false)) as active_villages,
        bool_or(m.is_office) as office_in_scope,
        coalesce(bool_or(m.is_office and coalesce(a.is_active, false)), false) as office_active,
        coalesce(sum(a.posts), 0) as posts,
        activity_minimum('period', $start, $end_excl, $min_per_month, $min_per_week, $data_end)
            as required_posts
    from members m
    join kecamatan k using (kecamatan_id)
    left join per_opd a using (opd_id)
    group by k.kecamatan_id, k.kecamatan, k.kecamatan_short
)
select * from final
order by kecamatan
