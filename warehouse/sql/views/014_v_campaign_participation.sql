-- v_campaign_participation: every campaign x every OPD expected to post, whether it took part
-- (at least one matched post in the period) and how many posts. Grain: campaign x OPD.
CREATE OR REPLACE VIEW v_campaign_participation AS
WITH counts AS (
    SELECT campaign_id, opd_id, count(*) AS n_posts, CAST(sum(engagement) AS BIGINT) AS engagement,
           min(published_at) AS first_post, max(published_at) AS last_post
    FROM v_post_campaign
    GROUP BY campaign_id, opd_id
)
SELECT
    c.campaign_id,
    c.name                                  AS campaign,
    c.start_date,
    c.end_date,
    o.opd_id,
    o.name                                  AS opd,
    o.short_name                            AS opd_short,
    o.kind                                  AS opd_kind,
    coalesce(k.n_posts, 0)                  AS n_posts,
    coalesce(k.n_posts, 0) > 0              AS participated,
    coalesce(k.engagement, 0)               AS engagement,
    k.first_post,
    k.last_post
FROM campaign c
CROSS JOIN opd o
LEFT JOIN counts k ON k.campaign_id = c.campaign_id AND k.opd_id = o.opd_id
WHERE o.expected_to_post OR k.n_posts > 0;
