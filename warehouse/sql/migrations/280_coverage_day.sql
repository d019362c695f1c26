-- 280: the covered days kept at load time, so that the judgement (macro opd_coverage,
-- views/030_scope_and_activity.sql) reads days instead of expanding every live coverage span
-- into its days on every statement. Kept by every writer of what they are derived from
-- (load_coverage, loads.status, account), in the writer's transaction: warehouse/
-- coverage_days.py. The check checks/coverage_day_matches_spans.sql says both equal a recount.
--
-- coverage_day: one row per official account and day some live load covers (what
-- v_coverage_day expanded: a span resolved to accounts as v_coverage_span resolves it).
-- Grain: account x day. latest_load_id: the newest live load covering that day.
CREATE TABLE coverage_day (
    opd_id          INTEGER NOT NULL,   -- account.opd_id
    account_id      INTEGER NOT NULL,
    platform        VARCHAR NOT NULL,   -- account.platform
    day             DATE NOT NULL,
    latest_load_id  INTEGER NOT NULL
);

-- coverage_opd_day: one row per OPD, platform and day some live load's coverage row names,
-- whatever accounts the OPD has: what an OPD without an account in scope has sent of its own
-- (a logbook: platform NULL, every platform; an export: its platform). Grain: OPD x platform
-- (NULL included) x day.
CREATE TABLE coverage_opd_day (
    opd_id    INTEGER NOT NULL,
    platform  VARCHAR,
    day       DATE NOT NULL
);

-- A warehouse made before this migration: its live spans expanded once, here.
INSERT INTO coverage_day
SELECT opd_id, account_id, platform, day, max(load_id)
FROM (
    SELECT a.opd_id, a.account_id, a.platform, c.load_id,
           CAST(unnest(generate_series(c.period_start, c.period_end, INTERVAL 1 DAY)) AS DATE)
               AS day
    FROM load_coverage c
    JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
    JOIN account a
      ON a.opd_id = c.opd_id
     AND (c.platform IS NULL OR a.platform = c.platform)
     AND (c.account_id IS NULL OR a.account_id = c.account_id)
)
GROUP BY opd_id, account_id, platform, day
ORDER BY day, account_id;

INSERT INTO coverage_opd_day
SELECT DISTINCT opd_id, platform, day
FROM (
    SELECT c.opd_id, c.platform,
           CAST(unnest(generate_series(c.period_start, c.period_end, INTERVAL 1 DAY)) AS DATE)
               AS day
    FROM load_coverage c
    JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
    -- a coverage row whose OPD the master list dropped names no OPD (as
    -- v_coverage_opd_day_recount): without this a warehouse holding one could not migrate
    WHERE c.opd_id IS NOT NULL
)
ORDER BY day, opd_id;
