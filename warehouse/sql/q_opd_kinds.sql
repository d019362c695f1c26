-- q_opd_kinds: OPD kinds in the master list (v_opd_profile's opd_kind: the opd table's kind,
-- one row per OPD, read from the table). Grain: kind.
with
final as (
    select distinct kind as opd_kind from opd
)
select * from final
order by opd_kind
