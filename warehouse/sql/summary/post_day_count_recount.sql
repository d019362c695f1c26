-- post_day_count as a recount from posts (views/135_v_post_day_recount.sql) for the OPDs
-- $only_opd_ids, or every OPD when $all.
SELECT opd_id, platform, account_key, account_id, pub_date, posts, last_posted_at
FROM v_post_day_recount
WHERE $all OR list_contains($only_opd_ids, opd_id)
