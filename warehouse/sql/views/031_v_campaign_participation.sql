-- v_campaign_participation: campaign_participation (views/030) over every date, platform and
-- OPD, with the campaign's name and dates. Grain: campaign x expected-to-post OPD.
CREATE OR REPLACE VIEW v_campaign_participation AS
SELECT
    c.campaign_id, c.name AS campaign, c.start_date, c.end_date,
    p.opd_id, p.opd, p.opd_short, p.opd_kind,
    p.campaign_posts AS n_posts, p.participated,
    p.first_post_at AS first_post, p.last_post_at AS last_post
FROM campaign_participation(TIMESTAMP '0001-01-01', TIMESTAMP '9999-12-31',
                            CAST([] AS VARCHAR[]), CAST([] AS VARCHAR[]), CAST([] AS INTEGER[])) p
JOIN campaign c USING (campaign_id);
