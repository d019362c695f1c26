-- Check (must return 0 rows): a post of an OPD that has a master-list account on the post's
-- platform is tied to an account. A loose post makes the account table say "Belum pernah" for
-- an account that posted, and dormancy and last post per account wrong.
WITH final AS (
    SELECT p.post_key, p.opd_id, p.platform, p.account_handle
    FROM posts p
    WHERE p.account_id IS NULL
      AND EXISTS (
          SELECT 1 FROM account a WHERE a.opd_id = p.opd_id AND a.platform = p.platform
      )
)

SELECT * FROM final
