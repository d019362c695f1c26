-- Check (must return 0 rows): the per-month content counts kept at every write
-- (post_content_month) equal a recount from posts and labels, row for row (a key on one side
-- only, another count, or a key kept twice is a row here).
WITH recount AS (
    SELECT * FROM post_content_month_recount(NULL, NULL, NULL)
),

kept AS (
    SELECT opd_id, platform, month_start, content_type, is_figure_centric,
           sum(posts) AS posts, count(*) AS n_rows
    FROM post_content_month
    SEMI JOIN opd USING (opd_id)
    GROUP BY ALL
),

final AS (
    SELECT
        coalesce(r.opd_id, k.opd_id) AS opd_id,
        coalesce(r.platform, k.platform) AS platform,
        coalesce(r.month_start, k.month_start) AS month_start,
        coalesce(r.content_type, k.content_type) AS content_type,
        r.posts AS recounted,
        k.posts AS kept,
        k.n_rows
    FROM recount r
    FULL JOIN kept k
      ON k.opd_id = r.opd_id AND k.platform = r.platform AND k.month_start = r.month_start
     AND k.content_type IS NOT DISTINCT FROM r.content_type
     AND k.is_figure_centric IS NOT DISTINCT FROM r.is_figure_centric
    WHERE r.posts IS DISTINCT FROM k.posts OR k.n_rows > 1
)

SELECT * FROM final
