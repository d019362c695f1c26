-- post_top_month: the posts with the highest engagement of each OPD, platform and calendar month,
-- as Tren's top posts list them (q_top_posts.sql), kept beside posts so that the list of a
-- period's whole months reads thousands of rows, not every post of the period. Per OPD x
-- platform x month, the first 10 posts (macro top_posts_kept(): the page's list) in the list's
-- order: engagement descending, then published_at descending, then post_key (a total order, so
-- the kept posts are exactly the group's first 10 and ties fall as the list breaks them). The
-- columns the list shows are kept with them (content_type as users read it: an analyst's override
-- wins, as v_posts), so no post is read again. Grain: OPD x platform x month x post.
-- Kept by every write to posts or to a label in the same transaction, with the per-month content
-- counts (warehouse/top_posts.py, called by warehouse/label_counts.py);
-- checks/post_top_month_matches_posts.sql says it equals a recount (macro
-- post_top_month_recount; the fill below is that recount, written out because views are created
-- after migrations).
CREATE TABLE post_top_month (
    opd_id         INTEGER NOT NULL,
    platform       VARCHAR NOT NULL,
    month_start    DATE NOT NULL,
    post_key       VARCHAR NOT NULL,
    published_at   TIMESTAMP NOT NULL,
    engagement     BIGINT NOT NULL,
    caption        VARCHAR,
    content_type   VARCHAR,
    reactions      BIGINT,
    comments       BIGINT,
    shares         BIGINT,
    reach          BIGINT,
    permalink      VARCHAR
);

INSERT INTO post_top_month
SELECT opd_id, platform, month_start, post_key, published_at, engagement, caption, content_type,
       reactions, comments, shares, reach, permalink
FROM (
    SELECT p.opd_id, p.platform, CAST(date_trunc('month', p.published_at) AS DATE) AS month_start,
           p.post_key, p.published_at,
           coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0)
               AS engagement,
           p.caption, coalesce(ov.content_type, p.content_type) AS content_type, p.reactions,
           p.comments, p.shares, p.reach, p.permalink
    FROM posts p
    JOIN opd o USING (opd_id)
    LEFT JOIN label_override ov USING (post_key)
)
QUALIFY row_number() OVER (PARTITION BY opd_id, platform, month_start
                           ORDER BY engagement DESC, published_at DESC, post_key) <= 10;
