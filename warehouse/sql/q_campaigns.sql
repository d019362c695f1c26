-- q_campaigns: every campaign with its tagged posts and participating OPDs. Grain: campaign.
with
tagged as (
    select pc.campaign_id, p.post_key, p.opd_id
    from post_campaign pc
    join v_posts p using (post_key)
),
counts as (
    select campaign_id, count(distinct post_key) as posts, count(distinct opd_id) as opds_participating
    from tagged group by campaign_id
),
final as (
    select
        c.campaign_id, c.name, c.description, c.start_date, c.end_date, c.hashtags, c.keywords,
        coalesce(n.posts, 0) as posts,
        coalesce(n.opds_participating, 0) as opds_participating
    from campaign c
    left join counts n using (campaign_id)
)
select * from final
order by start_date desc nulls last, name
