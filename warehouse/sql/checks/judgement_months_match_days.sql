-- Check (must return 0 rows): the judgement's inputs kept per month (migrations 380 and 410:
-- post_month_count, coverage_month with its days, coverage_opd_month; warehouse/day_counts.py and
-- warehouse/coverage_days.py) equal their recounts from the per-day tables
-- (views/127_judgement_months.sql), row for row: a key on one side only, another value, or a
-- key kept twice is a row here.
WITH kept_posts AS (
    SELECT opd_id, platform, account_key, month_start, sum(posts) AS posts, count(*) AS n_rows
    FROM post_month_count
    GROUP BY ALL
),

posts AS (
    SELECT 'post_month_count' AS kept_in,
           coalesce(r.opd_id, k.opd_id) AS opd_id, coalesce(r.platform, k.platform) AS platform,
           coalesce(r.account_key, k.account_key) AS account_key, NULL AS account_id,
           coalesce(r.month_start, k.month_start) AS month_start,
           r.posts AS recounted, k.posts AS kept
    FROM post_month_count_recount(NULL, NULL, NULL) r
    FULL JOIN kept_posts k
      ON k.opd_id = r.opd_id AND k.platform = r.platform AND k.account_key = r.account_key
     AND k.month_start = r.month_start
    WHERE r.posts IS DISTINCT FROM k.posts OR k.n_rows > 1
),

kept_accounts AS (
    SELECT account_id, month_start, sum(n_days) AS n_days,
           -- the other columns (migration 410) as one value, compared as one
           min(row(day_bits, first_covered, last_covered, covered_days)) AS days,
           count(*) AS n_rows
    FROM coverage_month
    GROUP BY ALL
),

accounts AS (
    SELECT 'coverage_month' AS kept_in, NULL AS opd_id, NULL AS platform, NULL AS account_key,
           coalesce(r.account_id, k.account_id) AS account_id,
           coalesce(r.month_start, k.month_start) AS month_start,
           r.n_days AS recounted, k.n_days AS kept
    FROM coverage_month_recount(NULL, NULL, NULL) r
    FULL JOIN kept_accounts k ON k.account_id = r.account_id AND k.month_start = r.month_start
    WHERE r.n_days IS DISTINCT FROM k.n_days
       OR row(r.day_bits, r.first_covered, r.last_covered, r.covered_days)
          IS DISTINCT FROM k.days
       OR k.n_rows > 1
),

kept_opds AS (
    SELECT opd_id, platform, month_start, bit_or(day_bits) AS day_bits, count(*) AS n_rows
    FROM coverage_opd_month
    GROUP BY ALL
),

opds AS (
    SELECT 'coverage_opd_month' AS kept_in, coalesce(r.opd_id, k.opd_id) AS opd_id,
           coalesce(r.platform, k.platform) AS platform, NULL AS account_key, NULL AS account_id,
           coalesce(r.month_start, k.month_start) AS month_start,
           r.day_bits AS recounted, k.day_bits AS kept
    FROM coverage_opd_month_recount(NULL, NULL, NULL) r
    FULL JOIN kept_opds k
      ON k.opd_id = r.opd_id AND k.platform IS NOT DISTINCT FROM r.platform
     AND k.month_start = r.month_start
    WHERE r.day_bits IS DISTINCT FROM k.day_bits OR k.n_rows > 1
)

SELECT * FROM posts
UNION ALL BY NAME
SELECT * FROM accounts
UNION ALL BY NAME
SELECT * FROM opds
