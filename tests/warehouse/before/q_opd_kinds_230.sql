-- q_opd_kinds: OPD kinds in the master list. Grain: kind.
with
final as (
    select distinct opd_kind from v_opd_profile
)
select * from final
order by opd_kind
