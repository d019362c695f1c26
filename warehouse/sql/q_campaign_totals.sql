-- q_campaign_totals: one campaign's participation over every expected-to-post OPD in scope,
-- from campaign_participation (views/030), the rows q_campaign_participation lists.
-- Grain: one row. participation_rate 0..1 (null when no OPD is expected to post).
with
final as (
    select
        count(*) as expected_opds,
        count_if(participated) as participating_opds,
        count_if(participated) / nullif(count(*), 0) as participation_rate,
        coalesce(sum(campaign_posts), 0) as campaign_posts
    from campaign_participation($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    where campaign_id = $campaign_id
)
select * from final
