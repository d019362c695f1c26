-- post_content_month gains the interaction figures of its posts, so the KPI tiles, the trend and
-- the index read whole months from it instead of every post (macro content_counts,
-- views/140_content_counts.sql). Per row (OPD x platform x month x content_type x
-- is_figure_centric), over its posts, with v_post_facts's engagement and has_interaction:
--   interaction_posts       posts that carry interaction counts (has_interaction)
--   interaction_engagement  their engagement summed (NULL when there is none)
--   reach_posts             posts with reach > 0
--   reach_engagement        their engagement summed (NULL when there is none)
--   reach                   reach of the posts with reach > 0, summed (NULL when none)
-- Kept with posts by the same recounts as the post counts (warehouse/label_counts.py: a load's
-- new metrics come in as the post's rows left and came in); the check
-- checks/post_content_month_matches_posts.sql compares every column with the recount.
ALTER TABLE post_content_month ADD COLUMN interaction_posts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE post_content_month ADD COLUMN interaction_engagement BIGINT;
ALTER TABLE post_content_month ADD COLUMN reach_posts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE post_content_month ADD COLUMN reach_engagement BIGINT;
ALTER TABLE post_content_month ADD COLUMN reach BIGINT;

-- The refill is the recount (macro post_content_month_recount), written out because views are
-- created after migrations; the old rows are replaced whole.
DELETE FROM post_content_month;

INSERT INTO post_content_month
SELECT p.opd_id, p.platform, CAST(date_trunc('month', p.published_at) AS DATE),
       coalesce(ov.content_type, p.content_type),
       coalesce(ov.is_figure_centric, p.is_figure_centric),
       count(*),
       count(*) FILTER (WHERE p.reactions IS NOT NULL OR p.comments IS NOT NULL
                               OR p.shares IS NOT NULL),
       sum(coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0))
           FILTER (WHERE p.reactions IS NOT NULL OR p.comments IS NOT NULL
                          OR p.shares IS NOT NULL),
       count(*) FILTER (WHERE p.reach > 0),
       sum(coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0))
           FILTER (WHERE p.reach > 0),
       sum(p.reach) FILTER (WHERE p.reach > 0)
FROM posts p
JOIN opd o USING (opd_id)
LEFT JOIN label_override ov USING (post_key)
GROUP BY ALL;
