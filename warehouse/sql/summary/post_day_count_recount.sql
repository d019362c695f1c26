-- post_day_count as a recount from posts (migrations/125_post_day_count.sql: the same grain and
-- columns) for the OPDs $only_opd_ids, or every OPD when $all.
-- Grain: OPD x platform x account_key x day.
SELECT
    opd_id,
    platform,
    coalesce(CAST(account_id AS VARCHAR), 'platform:' || platform) AS account_key,
    account_id,
    CAST(published_at AS DATE) AS pub_date,
    count(*) AS posts
FROM posts
WHERE $all OR list_contains($only_opd_ids, opd_id)
GROUP BY ALL
