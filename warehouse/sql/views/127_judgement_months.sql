-- The recounts the whole-month judgement inputs (migration 380) must equal at all times
-- (checks/judgement_months_match_days.sql). warehouse/day_counts.py and
-- warehouse/coverage_days.py write these macros' rows for the keys and months a write touched.
-- Arguments: a list of ids (NULL: all) and the first and last day read (NULL: no bound; the
-- writers pass whole months).

-- post_month_count's definition: post_day_count summed per calendar month.
-- Grain: OPD x platform x account_key x month (the table's columns, in its order).
CREATE OR REPLACE MACRO post_month_count_recount(of_opds, from_d, to_excl) AS TABLE
SELECT opd_id, platform, account_key, CAST(date_trunc('month', pub_date) AS DATE) AS month_start,
       CAST(sum(posts) AS BIGINT) AS posts
FROM post_day_count
WHERE (of_opds IS NULL OR list_contains(of_opds, opd_id))
  AND (from_d IS NULL OR pub_date >= from_d) AND (to_excl IS NULL OR pub_date < to_excl)
GROUP BY ALL;

-- coverage_month's definition: coverage_day's rows per account and calendar month: how many
-- (n_days), which (day_bits: bit d - 1 for day d), the first and last (first_covered,
-- last_covered) and the runs of consecutive days (covered_days: "1-20, 25", a run as its first
-- and last day, a lone day as itself, in order; migration 410). Runs: days whose day minus
-- their rank in the month is the same.
CREATE OR REPLACE MACRO coverage_month_recount(of_accounts, from_d, to_d) AS TABLE
WITH days AS (
    SELECT account_id, CAST(date_trunc('month', day) AS DATE) AS month_start, day,
           day - CAST(row_number() OVER (PARTITION BY account_id, date_trunc('month', day)
                                         ORDER BY day) AS INTEGER) AS run
    FROM coverage_day
    WHERE (of_accounts IS NULL OR list_contains(of_accounts, account_id))
      AND (from_d IS NULL OR day >= from_d) AND (to_d IS NULL OR day <= to_d)
),
runs AS (
    SELECT account_id, month_start, min(day) AS a, max(day) AS b, count(*) AS n,
           bit_or(CAST(1 AS INTEGER) << (day(day) - 1)) AS bits
    FROM days
    GROUP BY account_id, month_start, run
)
SELECT account_id, month_start, CAST(sum(n) AS BIGINT) AS n_days,
       CAST(bit_or(bits) AS INTEGER) AS day_bits, min(a) AS first_covered,
       max(b) AS last_covered,
       string_agg(CASE WHEN a = b THEN CAST(day(a) AS VARCHAR) ELSE day(a) || '-' || day(b) END,
                  ', ' ORDER BY a) AS covered_days
FROM runs
GROUP BY account_id, month_start;

-- coverage_opd_month's definition: coverage_opd_day's days per OPD, platform and calendar
-- month as a set of days (bit d - 1: day d).
CREATE OR REPLACE MACRO coverage_opd_month_recount(of_opds, from_d, to_d) AS TABLE
SELECT opd_id, platform, CAST(date_trunc('month', day) AS DATE) AS month_start,
       CAST(bit_or(CAST(1 AS INTEGER) << (day(day) - 1)) AS INTEGER) AS day_bits
FROM coverage_opd_day
WHERE (of_opds IS NULL OR list_contains(of_opds, opd_id))
  AND (from_d IS NULL OR day >= from_d) AND (to_d IS NULL OR day <= to_d)
GROUP BY ALL;
