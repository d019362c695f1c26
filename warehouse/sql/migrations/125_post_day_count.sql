-- post_day_count: how many posts each account has on each day, kept beside posts so that the
-- activity rule (macro opd_activity, views/030_scope_and_activity.sql) reads thousands of rows,
-- not every post. Grain: OPD x platform x account_key x day. account_key as v_post_facts's:
-- the official account, or 'platform:<platform>' for a logbook row matched to no account.
-- Kept by every write to posts in the same transaction (warehouse/day_counts.py: loads and
-- undo through etl.recompute, an alias tying posts to an account); the check
-- checks/post_day_count_matches_posts.sql says it equals a recount.
CREATE TABLE post_day_count (
    opd_id       INTEGER NOT NULL,
    platform     VARCHAR NOT NULL,
    account_key  VARCHAR NOT NULL,
    account_id   INTEGER,              -- posts.account_id (NULL: tied to no account)
    pub_date     DATE NOT NULL,
    posts        BIGINT NOT NULL
);

INSERT INTO post_day_count
SELECT opd_id, platform, coalesce(CAST(account_id AS VARCHAR), 'platform:' || platform),
       account_id, CAST(published_at AS DATE), count(*)
FROM posts
GROUP BY ALL;
