-- q_campaign_participation: every expected-to-post OPD and its posts for one campaign in the
-- period (who has not posted comes first), from campaign_participation (views/030).
-- Grain: OPD.
with
final as (
    select opd_id, opd, opd_kind, campaign_posts, first_post_at, last_post_at, participated
    from campaign_participation($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    where campaign_id = $campaign_id
)
select * from final
order by participated, campaign_posts desc, opd_kind, opd
