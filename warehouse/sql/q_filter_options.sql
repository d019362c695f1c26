-- q_filter_options: OPDs for the sidebar. Grain: OPD.
with
final as (
    select
        opd_id, opd, opd_short, opd_kind, parent_opd_id, expected_to_post, n_accounts,
        has_operator, operator_named, operator_trained
    from v_opd_profile
)
select * from final
order by opd_kind, opd
