-- 410: coverage_month (migration 380: per account and calendar month, how many days some live
-- load covers) keeps which days too, so that the coverage grid and the completeness counts
-- (macro account_month_status, views/025_v_coverage.sql) read an account-month from its one
-- row instead of merging every live span into runs of days in every statement:
--   day_bits       bit d - 1 set when day d is covered (as coverage_opd_month's day_bits);
--   first_covered, last_covered   the first and last covered day of the month;
--   covered_days   the runs of covered days, "1-20, 25" (a run as its first and last day, a
--                  lone day as itself, in order).
-- Kept by the same writer and equal to the same recount (warehouse/coverage_days.py,
-- coverage_month_recount in views/127_judgement_months.sql,
-- checks/judgement_months_match_days.sql). The table is made again with the new columns (a
-- column added and then filled cannot be made NOT NULL in the same transaction), its rows
-- recounted from coverage_day as that macro does (views are created after the migrations, so
-- written out here).
CREATE TABLE coverage_month_410 (
    account_id     INTEGER NOT NULL,
    month_start    DATE NOT NULL,
    n_days         BIGINT NOT NULL,
    day_bits       INTEGER NOT NULL,
    first_covered  DATE NOT NULL,
    last_covered   DATE NOT NULL,
    covered_days   VARCHAR NOT NULL
);

INSERT INTO coverage_month_410
WITH days AS (
    SELECT account_id, CAST(date_trunc('month', day) AS DATE) AS month_start, day,
           day - CAST(row_number() OVER (PARTITION BY account_id, date_trunc('month', day)
                                         ORDER BY day) AS INTEGER) AS run
    FROM coverage_day
),
runs AS (
    SELECT account_id, month_start, min(day) AS a, max(day) AS b, count(*) AS n,
           bit_or(CAST(1 AS INTEGER) << (day(day) - 1)) AS bits
    FROM days
    GROUP BY account_id, month_start, run
)
SELECT account_id, month_start, CAST(sum(n) AS BIGINT), CAST(bit_or(bits) AS INTEGER), min(a),
       max(b),
       string_agg(CASE WHEN a = b THEN CAST(day(a) AS VARCHAR) ELSE day(a) || '-' || day(b) END,
                  ', ' ORDER BY a)
FROM runs
GROUP BY account_id, month_start;

DROP TABLE coverage_month;

ALTER TABLE coverage_month_410 RENAME TO coverage_month;
