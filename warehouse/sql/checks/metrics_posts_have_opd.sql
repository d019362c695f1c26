-- Check (must return 0 rows): every post belongs to a known OPD. v_posts joins opd, so a post
-- of an unknown OPD would silently vanish from every metric.
WITH final AS (
    SELECT p.post_key, p.opd_id
    FROM posts p
    ANTI JOIN opd o ON o.opd_id = p.opd_id
)

SELECT * FROM final
