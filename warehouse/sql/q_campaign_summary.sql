-- q_campaign_summary: participation in one campaign per OPD kind, from campaign_participation
-- (views/030). Grain: OPD kind.
with
final as (
    select
        opd_kind,
        count(*) as expected_opds,
        count_if(participated) as participating_opds,
        count_if(participated) / count(*) as participation_rate,
        coalesce(sum(campaign_posts), 0) as campaign_posts
    from campaign_participation($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    where campaign_id = $campaign_id
    group by opd_kind
)
select * from final
order by opd_kind
