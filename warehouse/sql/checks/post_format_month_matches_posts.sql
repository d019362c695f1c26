-- Check (must return 0 rows): the per-month format counts kept at every write to posts
-- (post_format_month) equal a recount from posts, row for row (a key on one side only,
-- another count, or a key kept twice is a row here).
WITH recount AS (
    SELECT * FROM post_format_month_recount(NULL)
),

kept AS (
    SELECT opd_id, platform, month_start, post_format, from_logbook, sum(posts) AS posts,
           count(*) AS n_rows
    FROM post_format_month
    SEMI JOIN opd USING (opd_id)
    GROUP BY ALL
),

final AS (
    SELECT
        coalesce(r.opd_id, k.opd_id) AS opd_id,
        coalesce(r.platform, k.platform) AS platform,
        coalesce(r.month_start, k.month_start) AS month_start,
        coalesce(r.post_format, k.post_format) AS post_format,
        coalesce(r.from_logbook, k.from_logbook) AS from_logbook,
        r.posts AS recounted,
        k.posts AS kept,
        k.n_rows
    FROM recount r
    FULL JOIN kept k
      ON k.opd_id = r.opd_id AND k.platform = r.platform AND k.month_start = r.month_start
     AND k.post_format IS NOT DISTINCT FROM r.post_format
     AND k.from_logbook = r.from_logbook
    WHERE r.posts IS DISTINCT FROM k.posts OR k.n_rows > 1
)

SELECT * FROM final
