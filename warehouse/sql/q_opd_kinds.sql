-- q_opd_kinds: OPD kinds in the master list (v_opd_kinds, views/190_filter_options.sql).
-- Grain: kind.
with
final as (
    select opd_kind from v_opd_kinds
)
select * from final
order by opd_kind
