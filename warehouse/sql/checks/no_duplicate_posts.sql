-- Check (must return 0 rows): a post_key appears at most once in posts.
WITH counted AS (
    SELECT post_key, count(*) AS n
    FROM posts
    GROUP BY post_key
),

final AS (
    SELECT post_key, n FROM counted WHERE n > 1
)

SELECT * FROM final
