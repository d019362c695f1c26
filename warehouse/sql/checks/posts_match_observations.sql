-- Check (must return 0 rows): every post comes from a live observation of a 'loaded' load with
-- the same metrics, and every live observation's key is in posts (undo exactness).
WITH live AS (
    SELECT o.*
    FROM post_observation o
    JOIN loads l ON l.load_id = o.load_id AND l.status = 'loaded'
),

orphan_posts AS (
    SELECT p.post_key, 'post tanpa observasi hidup' AS problem
    FROM posts p
    ANTI JOIN live o ON o.post_key = p.post_key AND o.load_id = p.load_id
),

missing_posts AS (
    SELECT DISTINCT o.post_key, 'observasi tanpa post' AS problem
    FROM live o
    ANTI JOIN posts p ON p.post_key = o.post_key
),

final AS (
    SELECT * FROM orphan_posts
    UNION ALL
    SELECT * FROM missing_posts
)

SELECT * FROM final
