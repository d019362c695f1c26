-- post_day_count gains last_posted_at: the time of the account's last post on the day
-- (max(published_at) of the day's posts), so the not-active list and the account dormancy
-- find each OPD's and account's last post from the per-day rows instead of reading every post
-- (views/087_keaktifan.sql, q_account_dormancy.sql). Kept with the counts by the same writers
-- (warehouse/day_counts.py); checks/post_day_count_matches_posts.sql compares it with the
-- recount (views/135_v_post_day_recount.sql). The refill is that recount, written out because
-- views are created after migrations; the old rows are replaced whole.
ALTER TABLE post_day_count ADD COLUMN last_posted_at TIMESTAMP;

DELETE FROM post_day_count;

INSERT INTO post_day_count
SELECT opd_id, platform, coalesce(CAST(account_id AS VARCHAR), 'platform:' || platform),
       account_id, CAST(published_at AS DATE), count(*), max(published_at)
FROM posts
GROUP BY ALL;
