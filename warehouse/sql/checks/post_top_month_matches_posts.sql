-- Check (must return 0 rows): the top posts kept per OPD, platform and month at every write
-- (post_top_month) equal a recount from posts and labels, row for row and column for column
-- (a post on one side only, another value, or a post kept twice is a row here).
WITH recount AS (
    SELECT * FROM post_top_month_recount(NULL, NULL, NULL)
),

kept AS (
    SELECT *, count(*) OVER (PARTITION BY opd_id, platform, month_start, post_key) AS n_rows
    FROM post_top_month
    SEMI JOIN opd USING (opd_id)
),

final AS (
    SELECT
        coalesce(r.opd_id, k.opd_id) AS opd_id,
        coalesce(r.platform, k.platform) AS platform,
        coalesce(r.month_start, k.month_start) AS month_start,
        coalesce(r.post_key, k.post_key) AS post_key,
        r.engagement AS recounted_engagement,
        k.engagement AS kept_engagement,
        k.n_rows
    FROM recount r
    FULL JOIN kept k
      ON k.opd_id = r.opd_id AND k.platform = r.platform AND k.month_start = r.month_start
     AND k.post_key = r.post_key
    WHERE r.post_key IS NULL OR k.post_key IS NULL OR k.n_rows > 1
       OR r.published_at IS DISTINCT FROM k.published_at
       OR r.engagement IS DISTINCT FROM k.engagement
       OR r.caption IS DISTINCT FROM k.caption
       OR r.content_type IS DISTINCT FROM k.content_type
       OR r.reactions IS DISTINCT FROM k.reactions
       OR r.comments IS DISTINCT FROM k.comments
       OR r.shares IS DISTINCT FROM k.shares
       OR r.reach IS DISTINCT FROM k.reach
       OR r.permalink IS DISTINCT FROM k.permalink
)

SELECT * FROM final
