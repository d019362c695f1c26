-- v_post_day_recount: the per-day post counts recounted from posts, the one definition of what
-- post_day_count (migrations/125_post_day_count.sql) must hold: the same grain and columns.
-- Grain: OPD x platform x account_key x day (opd_id, platform, account_key, account_id,
-- pub_date, posts, last_posted_at: the day's last published_at, migration 181). Read by summary/post_day_count_recount.sql (rewrite) and
-- checks/post_day_count_matches_posts.sql (comparison).
CREATE OR REPLACE VIEW v_post_day_recount AS
SELECT
    opd_id,
    platform,
    coalesce(CAST(account_id AS VARCHAR), 'platform:' || platform) AS account_key,
    account_id,
    CAST(published_at AS DATE) AS pub_date,
    count(*) AS posts,
    max(published_at) AS last_posted_at
FROM posts
GROUP BY ALL;
