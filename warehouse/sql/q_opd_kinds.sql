-- q_opd_kinds: OPD kinds in the master list. Grain: kind.
with
final as (
    select distinct kind as opd_kind from opd
)
select * from final
order by opd_kind
