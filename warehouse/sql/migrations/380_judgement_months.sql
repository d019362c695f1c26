-- 380: what the judgement (views/030_scope_and_activity.sql, opd_judgement_months) reads for a
-- bucket of whole calendar months, kept beside the per-day tables they are summed from, so that
-- the meeting pages' periods (whole months: the chosen period, its comparisons, the month grid)
-- are judged from a few thousand rows per month instead of every account's every day. Each
-- equals its recount view at all times (views/127_judgement_months.sql;
-- checks/judgement_months_match_days.sql), kept in the writer's transaction: post_month_count by
-- warehouse/day_counts.py with post_day_count, coverage_month and coverage_opd_month by
-- warehouse/coverage_days.py with coverage_day and coverage_opd_day.
--
-- post_month_count: post_day_count summed per calendar month. Grain: OPD x platform x
-- account_key x month (month_start: the month's first day).
CREATE TABLE post_month_count (
    opd_id       INTEGER NOT NULL,
    platform     VARCHAR NOT NULL,
    account_key  VARCHAR NOT NULL,
    month_start  DATE NOT NULL,
    posts        BIGINT NOT NULL
);

-- coverage_month: coverage_day's rows per account and calendar month (n_days: how many of the
-- month's days some live load covers). Grain: account x month.
CREATE TABLE coverage_month (
    account_id   INTEGER NOT NULL,
    month_start  DATE NOT NULL,
    n_days       BIGINT NOT NULL
);

-- coverage_opd_month: coverage_opd_day's days per OPD, platform (NULL: a logbook's row) and
-- calendar month, as a set of days: bit d - 1 of day_bits set when day d is named. A set, not a
-- count, because an OPD's days are counted once over the platforms in scope (bit_or).
-- Grain: OPD x platform x month.
CREATE TABLE coverage_opd_month (
    opd_id       INTEGER NOT NULL,
    platform     VARCHAR,
    month_start  DATE NOT NULL,
    day_bits     INTEGER NOT NULL
);

-- A warehouse made before this migration: the recounts (views/127 are created after the
-- migrations, so written out here).
INSERT INTO post_month_count
SELECT opd_id, platform, account_key, CAST(date_trunc('month', pub_date) AS DATE), sum(posts)
FROM post_day_count
GROUP BY ALL;

INSERT INTO coverage_month
SELECT account_id, CAST(date_trunc('month', day) AS DATE), count(*)
FROM coverage_day
GROUP BY ALL;

INSERT INTO coverage_opd_month
SELECT opd_id, platform, CAST(date_trunc('month', day) AS DATE),
       CAST(bit_or(CAST(1 AS INTEGER) << (day(day) - 1)) AS INTEGER)
FROM coverage_opd_day
GROUP BY ALL;
