-- Check (must return 0 rows): the per-account per-day counts kept at load time
-- (post_day_count) equal a recount from posts, row for row (a key on one side only, or
-- another count or last post time, is a row here).
-- The recount is views/135_v_post_day_recount.sql (one definition with the rewrite).
WITH recount AS (
    SELECT * FROM v_post_day_recount
),

kept AS (
    SELECT opd_id, platform, account_key, account_id, pub_date, sum(posts) AS posts,
           max(last_posted_at) AS last_posted_at, count(*) AS n_rows
    FROM post_day_count
    GROUP BY ALL
),

final AS (
    SELECT
        coalesce(r.opd_id, k.opd_id) AS opd_id,
        coalesce(r.platform, k.platform) AS platform,
        coalesce(r.account_key, k.account_key) AS account_key,
        coalesce(r.account_id, k.account_id) AS account_id,
        coalesce(r.pub_date, k.pub_date) AS pub_date,
        r.posts AS recounted,
        k.posts AS kept,
        r.last_posted_at AS recounted_last_posted_at,
        k.last_posted_at AS kept_last_posted_at,
        k.n_rows
    FROM recount r
    FULL JOIN kept k
      ON k.opd_id = r.opd_id AND k.platform = r.platform AND k.account_key = r.account_key
     AND k.account_id IS NOT DISTINCT FROM r.account_id AND k.pub_date = r.pub_date
    WHERE r.posts IS DISTINCT FROM k.posts OR k.n_rows > 1
       OR r.last_posted_at IS DISTINCT FROM k.last_posted_at
)

SELECT * FROM final
