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

-- coverage_month's definition: coverage_day's rows per account and calendar month.
CREATE OR REPLACE MACRO coverage_month_recount(of_accounts, from_d, to_d) AS TABLE
SELECT account_id, CAST(date_trunc('month', day) AS DATE) AS month_start,
       CAST(count(*) AS BIGINT) AS n_days
FROM coverage_day
WHERE (of_accounts IS NULL OR list_contains(of_accounts, account_id))
  AND (from_d IS NULL OR day >= from_d) AND (to_d IS NULL OR day <= to_d)
GROUP BY ALL;

-- coverage_opd_month's definition: coverage_opd_day's days per OPD, platform and calendar
-- month as a set of days (bit d - 1: day d).
CREATE OR REPLACE MACRO coverage_opd_month_recount(of_opds, from_d, to_d) AS TABLE
SELECT opd_id, platform, CAST(date_trunc('month', day) AS DATE) AS month_start,
       CAST(bit_or(CAST(1 AS INTEGER) << (day(day) - 1)) AS INTEGER) AS day_bits
FROM coverage_opd_day
WHERE (of_opds IS NULL OR list_contains(of_opds, opd_id))
  AND (from_d IS NULL OR day >= from_d) AND (to_d IS NULL OR day <= to_d)
GROUP BY ALL;
