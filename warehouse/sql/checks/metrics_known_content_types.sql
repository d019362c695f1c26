-- Check (must return 0 rows): every effective content label is a known type, so each post is
-- counted as ucapan, kinerja or lainnya and shares add up.
WITH final AS (
    SELECT v.post_key, v.content_type
    FROM v_posts v
    WHERE v.content_type IS NOT NULL
      AND v.content_type NOT IN (SELECT content_type FROM content_type_label)
)

SELECT * FROM final
