-- Check (must return 0 rows): the per-account per-day counts kept at load time
-- (post_day_count) equal a recount from posts, row for row (a key on one side only, or
-- another count, is a row here).
WITH recount AS (
    SELECT
        opd_id,
        platform,
        coalesce(CAST(account_id AS VARCHAR), 'platform:' || platform) AS account_key,
        CAST(published_at AS DATE) AS pub_date,
        count(*) AS posts
    FROM posts
    GROUP BY ALL
),

kept AS (
    SELECT opd_id, platform, account_key, pub_date, sum(posts) AS posts, count(*) AS n_rows
    FROM post_day_count
    GROUP BY ALL
),

final AS (
    SELECT
        coalesce(r.opd_id, k.opd_id) AS opd_id,
        coalesce(r.platform, k.platform) AS platform,
        coalesce(r.account_key, k.account_key) AS account_key,
        coalesce(r.pub_date, k.pub_date) AS pub_date,
        r.posts AS recounted,
        k.posts AS kept,
        k.n_rows
    FROM recount r
    FULL JOIN kept k USING (opd_id, platform, account_key, pub_date)
    WHERE r.posts IS DISTINCT FROM k.posts OR k.n_rows > 1
)

SELECT * FROM final
