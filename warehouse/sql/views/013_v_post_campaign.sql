-- v_post_campaign: every post matched to a campaign, with the campaign and the OPD.
-- Grain: post x campaign.
CREATE OR REPLACE VIEW v_post_campaign AS
SELECT
    c.campaign_id,
    c.name                AS campaign,
    c.start_date,
    c.end_date,
    pc.post_key,
    pc.matched_terms,
    v.opd_id,
    v.opd,
    v.platform,
    v.published_at,
    v.caption,
    v.content_type,
    v.engagement
FROM post_campaign pc
JOIN campaign c USING (campaign_id)
JOIN v_posts v USING (post_key);
