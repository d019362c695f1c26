-- Check (must return 0 rows): the covered days kept at load time (coverage_day,
-- coverage_opd_day: migration 280, warehouse/coverage_days.py) equal a recount from the live
-- spans (v_coverage_day_recount, v_coverage_opd_day_recount), row for row: a row on one side
-- only, or kept twice, is a row here.
WITH kept AS (
    SELECT opd_id, account_id, platform, day, latest_load_id, count(*) AS n_rows
    FROM coverage_day
    GROUP BY ALL
),

accounts AS (
    SELECT 'coverage_day' AS kept_in, coalesce(r.account_id, k.account_id) AS account_id,
           coalesce(r.opd_id, k.opd_id) AS opd_id, coalesce(r.platform, k.platform) AS platform,
           coalesce(r.day, k.day) AS day, r.latest_load_id AS recounted, k.latest_load_id AS kept
    FROM v_coverage_day_recount r
    FULL JOIN kept k
      ON k.account_id = r.account_id AND k.day = r.day AND k.opd_id = r.opd_id
     AND k.platform = r.platform
    WHERE r.latest_load_id IS DISTINCT FROM k.latest_load_id OR k.n_rows > 1
),

kept_opd AS (
    SELECT opd_id, platform, day, count(*) AS n_rows
    FROM coverage_opd_day
    GROUP BY ALL
),

opds AS (
    SELECT 'coverage_opd_day' AS kept_in, NULL AS account_id,
           coalesce(r.opd_id, k.opd_id) AS opd_id, coalesce(r.platform, k.platform) AS platform,
           coalesce(r.day, k.day) AS day, r.opd_id AS recounted, k.opd_id AS kept
    FROM v_coverage_opd_day_recount r
    FULL JOIN kept_opd k
      ON k.opd_id = r.opd_id AND k.platform IS NOT DISTINCT FROM r.platform AND k.day = r.day
    WHERE r.opd_id IS NULL OR k.opd_id IS NULL OR k.n_rows > 1
)

SELECT * FROM accounts
UNION ALL
SELECT * FROM opds
