-- Check (must return 0 rows): the per-day content counts kept at every write
-- (post_content_day) equal a recount from posts and labels, row for row and column for column
-- (a key on one side only, another count or sum, or a key kept twice is a row here).
WITH recount AS (
    SELECT * FROM post_content_day_recount(NULL, NULL, NULL)
),

kept AS (
    SELECT opd_id, platform, pub_date,
           sum(posts) AS posts, sum(kinerja_posts) AS kinerja_posts,
           sum(ucapan_posts) AS ucapan_posts, sum(figure_posts) AS figure_posts,
           sum(interaction_posts) AS interaction_posts,
           sum(interaction_engagement) AS interaction_engagement,
           sum(reach_engagement) AS reach_engagement, sum(reach) AS reach,
           count(*) AS n_rows
    FROM post_content_day
    SEMI JOIN opd USING (opd_id)
    GROUP BY ALL
),

final AS (
    SELECT
        coalesce(r.opd_id, k.opd_id) AS opd_id,
        coalesce(r.platform, k.platform) AS platform,
        coalesce(r.pub_date, k.pub_date) AS pub_date,
        r.posts AS recounted,
        k.posts AS kept,
        k.n_rows,
        r.kinerja_posts AS recounted_kinerja_posts,
        k.kinerja_posts AS kept_kinerja_posts,
        r.ucapan_posts AS recounted_ucapan_posts,
        k.ucapan_posts AS kept_ucapan_posts,
        r.figure_posts AS recounted_figure_posts,
        k.figure_posts AS kept_figure_posts,
        r.interaction_posts AS recounted_interaction_posts,
        k.interaction_posts AS kept_interaction_posts,
        r.interaction_engagement AS recounted_interaction_engagement,
        k.interaction_engagement AS kept_interaction_engagement,
        r.reach_engagement AS recounted_reach_engagement,
        k.reach_engagement AS kept_reach_engagement,
        r.reach AS recounted_reach,
        k.reach AS kept_reach
    FROM recount r
    FULL JOIN kept k
      ON k.opd_id = r.opd_id AND k.platform = r.platform AND k.pub_date = r.pub_date
    WHERE r.posts IS DISTINCT FROM k.posts OR k.n_rows > 1
       OR r.kinerja_posts IS DISTINCT FROM k.kinerja_posts
       OR r.ucapan_posts IS DISTINCT FROM k.ucapan_posts
       OR r.figure_posts IS DISTINCT FROM k.figure_posts
       OR r.interaction_posts IS DISTINCT FROM k.interaction_posts
       OR r.interaction_engagement IS DISTINCT FROM k.interaction_engagement
       OR r.reach_engagement IS DISTINCT FROM k.reach_engagement
       OR r.reach IS DISTINCT FROM k.reach
)

SELECT * FROM final
