-- Check (must return 0 rows): a post's account belongs to the post's OPD; otherwise the
-- "active on one official account" rule would credit the wrong OPD.
WITH final AS (
    SELECT p.post_key, p.opd_id AS post_opd_id, a.opd_id AS account_opd_id
    FROM posts p
    JOIN account a ON a.account_id = p.account_id
    WHERE a.opd_id <> p.opd_id
)

SELECT * FROM final
