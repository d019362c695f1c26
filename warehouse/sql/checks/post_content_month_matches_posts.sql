-- Check (must return 0 rows): the per-month content counts kept at every write
-- (post_content_month) equal a recount from posts and labels, row for row and column for column
-- (a key on one side only, another count or sum, or a key kept twice is a row here).
WITH recount AS (
    SELECT * FROM post_content_month_recount(NULL, NULL, NULL)
),

kept AS (
    SELECT opd_id, platform, month_start, content_type, is_figure_centric,
           sum(posts) AS posts, sum(interaction_posts) AS interaction_posts,
           sum(interaction_engagement) AS interaction_engagement,
           sum(reach_posts) AS reach_posts, sum(reach_engagement) AS reach_engagement, sum(reach) AS reach,
           max(last_posted_at) AS last_posted_at,
           count(*) AS n_rows
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
        k.n_rows,
        r.interaction_posts AS recounted_interaction_posts,
        k.interaction_posts AS kept_interaction_posts,
        r.interaction_engagement AS recounted_interaction_engagement,
        k.interaction_engagement AS kept_interaction_engagement,
        r.reach_posts AS recounted_reach_posts,
        k.reach_posts AS kept_reach_posts,
        r.reach_engagement AS recounted_reach_engagement,
        k.reach_engagement AS kept_reach_engagement,
        r.reach AS recounted_reach,
        k.reach AS kept_reach,
        r.last_posted_at AS recounted_last_posted_at,
        k.last_posted_at AS kept_last_posted_at
    FROM recount r
    FULL JOIN kept k
      ON k.opd_id = r.opd_id AND k.platform = r.platform AND k.month_start = r.month_start
     AND k.content_type IS NOT DISTINCT FROM r.content_type
     AND k.is_figure_centric IS NOT DISTINCT FROM r.is_figure_centric
    WHERE r.posts IS DISTINCT FROM k.posts OR k.n_rows > 1
       OR r.interaction_posts IS DISTINCT FROM k.interaction_posts
       OR r.interaction_engagement IS DISTINCT FROM k.interaction_engagement
       OR r.reach_posts IS DISTINCT FROM k.reach_posts
       OR r.reach_engagement IS DISTINCT FROM k.reach_engagement
       OR r.reach IS DISTINCT FROM k.reach
       OR r.last_posted_at IS DISTINCT FROM k.last_posted_at
)

SELECT * FROM final
