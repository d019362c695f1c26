-- Data coverage: which days of which official account the live loads report on (table
-- load_coverage, filled by etl/coverage.py). A day no live load covers is "no data", which is
-- not "zero posts". Only loads with status 'loaded' count; the covered days kept from them
-- (coverage_day, coverage_opd_day) are refreshed by every write that changes a span, a load's
-- status or an account (warehouse/coverage_days.py).

-- v_coverage_span: each live load's period resolved to master accounts. Grain: load x account.
-- A logbook row (platform NULL) covers every account of its OPD; an export whose posts are not
-- tied to an account (account_id NULL) covers the OPD's accounts on its platform.
CREATE OR REPLACE VIEW v_coverage_span AS
SELECT
    c.load_id,
    a.opd_id,
    a.account_id,
    a.platform,
    c.period_start,
    c.period_end,
    c.basis,
    l.exported_at,
    l.loaded_at,
    l.file_name
FROM load_coverage c
JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
JOIN account a
  ON a.opd_id = c.opd_id
 AND (c.platform IS NULL OR a.platform = c.platform)
 AND (c.account_id IS NULL OR a.account_id = c.account_id);

-- v_coverage_day: one row per account and day some live load covers. Grain: account x day.
-- Read from coverage_day, kept at load time (migration 280, warehouse/coverage_days.py): the
-- live spans expanded into their days once per write, not in every statement that reads them.
CREATE OR REPLACE VIEW v_coverage_day AS
SELECT opd_id, account_id, platform, day, latest_load_id
FROM coverage_day;

-- v_coverage_day_recount: the same rows recounted from the live spans, the definition
-- coverage_day must equal (checks/coverage_day_matches_spans.sql).
CREATE OR REPLACE VIEW v_coverage_day_recount AS
SELECT opd_id, account_id, platform, day, max(load_id) AS latest_load_id
FROM (
    SELECT s.opd_id, s.account_id, s.platform, s.load_id,
           CAST(unnest(generate_series(s.period_start, s.period_end, INTERVAL 1 DAY)) AS DATE) AS day
    FROM v_coverage_span s
)
GROUP BY opd_id, account_id, platform, day;

-- v_coverage_opd_day_recount: per OPD, platform (NULL: a logbook's row, every platform) and
-- day, the days its live loads' coverage rows name, whatever accounts it has: the definition
-- coverage_opd_day (kept at load time, read by opd_coverage for an OPD without an account in
-- scope) must equal. Grain: OPD x platform x day. A row of no OPD (an account the master list
-- dropped: etl.account_moves) covers nobody.
CREATE OR REPLACE VIEW v_coverage_opd_day_recount AS
SELECT DISTINCT c.opd_id, c.platform,
       CAST(unnest(generate_series(c.period_start, c.period_end, INTERVAL 1 DAY)) AS DATE) AS day
FROM load_coverage c
JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
WHERE c.opd_id IS NOT NULL;

-- export_date_is_file_time: the export date of a load comes only from its file's modification
-- time (etl/export_date.py, rule 3), which a copy or a checkout resets to a later day: a text
-- file (no date inside: only xlsx and ZIP files carry one) whose export time is not the midnight
-- a period in its name gives.
CREATE OR REPLACE MACRO export_date_is_file_time(file_name, exported_at) AS
    exported_at IS NOT NULL
    AND NOT regexp_matches(lower(file_name), '\.(xlsx|xlsm|zip)$')
    AND CAST(exported_at AS TIME) <> TIME '00:00:00';

-- v_data_end: THE data end, defined once (every page, list, chart note, CLI and the judgement,
-- macro judged_end in views/030_scope_and_activity.sql, read it here): the last whole day any
-- live data reaches. Never "today": a day after it holds no data, not zero posts. Per live load,
-- the last day it covers (load_coverage), but
-- - not the day it was exported on when that was after midnight (an export made at 15:00 holds
--   only part of that day; a period in a file's name gives a midnight export date);
-- - only up to its newest row (loads.period_end) when its export date is only the file's
--   modification time (export_date_is_file_time): nothing proves later days were over;
-- and any post's day (a post proves its day arrived, so the cut never drops a post).
-- One row; data_end null on an empty warehouse.
CREATE OR REPLACE VIEW v_data_end AS
WITH per_load AS (
    SELECT
        l.load_id,
        CASE
            WHEN export_date_is_file_time(l.file_name, l.exported_at)
            THEN CASE WHEN l.period_end IS NOT NULL
                      THEN least(max(c.period_end), l.period_end) END
            WHEN l.exported_at IS NULL
                 OR CAST(l.exported_at AS TIME) = TIME '00:00:00'
            THEN max(c.period_end)
            ELSE least(max(c.period_end), CAST(l.exported_at AS DATE) - 1)
        END AS reach
    FROM load_coverage c
    JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
    GROUP BY l.load_id, l.file_name, l.period_end, l.exported_at
)
SELECT greatest((SELECT max(reach) FROM per_load),
                (SELECT max(pub_date) FROM post_day_count)) AS data_end;

-- coverage_due_date: data for the month starting month_start is due on deadline_day of the next
-- month (setting collection_deadline_day). Missing after it: "tidak menyerahkan data".
CREATE OR REPLACE MACRO coverage_due_date(month_start, deadline_day) AS
    CAST(date_trunc('month', month_start) + INTERVAL 1 MONTH AS DATE) + (deadline_day - 1);

-- account_month_status(first_day, until_excl, cut_day): every master account x every month
-- from first_day's month (NULL: from the first data, post or covered day) to the current month
-- or the last month with data, whichever is later, and before until_excl (NULL: no end), with
-- how many days were covered and which. A month before the first file ever loaded is "missing"
-- like any other: the activity rule reads it as no data (opd_activity), so the coverage grid
-- must list it too. cut_day: THE data end, v_data_end's value (the UI reads it once per data
-- version: warehouse.queries.run.data_end_given). Grain: account x month.
-- status: received (every day covered) | partial | missing; to_data_end marks a partial month
-- the data end cuts, covered to it (see the column).
-- Read from the tables kept per month only: per account and month, the days some live load
-- covers (coverage_month: how many, which, their runs, migrations 380 and 410; the days of
-- v_coverage_day), the months with a post (post_month_count), and account.
CREATE OR REPLACE MACRO account_month_status(first_day, until_excl, cut_day) AS TABLE
WITH bounds AS (
    SELECT
        CAST(coalesce(date_trunc('month', CAST(first_day AS DATE)), least(c.lo, p.lo)) AS DATE)
            AS lo,
        CAST(greatest(c.hi, p.hi, date_trunc('month', current_date)) AS DATE) AS hi
    FROM (SELECT min(month_start) AS lo, max(month_start) AS hi FROM coverage_month) c,
         (SELECT min(month_start) AS lo, max(month_start) AS hi FROM post_month_count) p
),
months AS (
    SELECT month_start, CAST(month_start + INTERVAL 1 MONTH AS DATE) - 1 AS month_end
    FROM (
        SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS month_start
        FROM bounds
        WHERE lo IS NOT NULL
    )
    WHERE until_excl IS NULL OR month_start < CAST(until_excl AS DATE)
)
SELECT
    a.opd_id,
    o.name                                                   AS opd,
    o.short_name                                             AS opd_short,
    o.kind                                                   AS opd_kind,
    o.expected_to_post,
    a.account_id,
    a.platform,
    a.handle,
    m.month_start,
    m.month_end,
    day(m.month_end)                                         AS days_in_month,
    CAST(coalesce(c.n_days, 0) AS HUGEINT)                   AS days_covered,
    c.first_covered,
    c.last_covered,
    c.covered_days,
    CASE WHEN coalesce(c.n_days, 0) = 0 THEN 'missing'
         WHEN c.n_days = day(m.month_end) THEN 'received'
         ELSE 'partial' END                                  AS status,
    -- to_data_end: a partial month that the data end cuts, every day of it to the data end
    -- covered: "baru sebagian (bulan berjalan)", not behind. Still 'partial' in status (the
    -- statuses partition the grid); only how it is shown differs.
    coalesce(c.n_days < day(m.month_end)
             AND m.month_start <= cut_day
             AND cut_day < m.month_end
             AND (CAST(c.day_bits AS BIGINT)
                  & ((CAST(1 AS BIGINT) << day(CAST(cut_day AS DATE))) - 1))
                 = (CAST(1 AS BIGINT) << day(CAST(cut_day AS DATE))) - 1,
             false)                                          AS to_data_end
FROM account a
CROSS JOIN months m
JOIN opd o ON o.opd_id = a.opd_id
LEFT JOIN coverage_month c ON c.account_id = a.account_id AND c.month_start = m.month_start;

-- account_month_coverage(first_day, until_excl, cut_day): account_month_status (arguments and
-- rows the same) with what arrived: n_posts (posts of the account in the month; a post not
-- tied to an account counts for its OPD's only account on that platform), load_ids (the live
-- loads covering part of the month) and latest_export (the newest of their exports).
-- Grain: account x month.
CREATE OR REPLACE MACRO account_month_coverage(first_day, until_excl, cut_day) AS TABLE
WITH grid AS (
    SELECT * FROM account_month_status(first_day, until_excl, cut_day)
),
loads_in_month AS (
    SELECT g.account_id, g.month_start,
           list(DISTINCT s.load_id ORDER BY s.load_id) AS load_ids,
           max(coalesce(s.exported_at, s.loaded_at)) AS latest_export
    FROM grid g
    JOIN v_coverage_span s
      ON s.account_id = g.account_id
     AND s.period_start <= g.month_end AND s.period_end >= g.month_start
    GROUP BY g.account_id, g.month_start
),
only_account AS (
    SELECT opd_id, platform, min(account_id) AS account_id
    FROM account GROUP BY opd_id, platform HAVING count(*) = 1
),
-- Counted from the posts kept per account and month (post_month_count, the sums of
-- post_day_count: the posts table's own days and accounts, kept equal to it at every write);
-- account_key is the account's id as text, or 'platform:<platform>' for posts tied to no
-- account. Only the grid's months are read.
post_counts AS (
    SELECT coalesce(TRY_CAST(p.account_key AS INTEGER), oa.account_id) AS account_id,
           p.month_start,
           CAST(sum(p.posts) AS BIGINT) AS n_posts
    FROM post_month_count p
    LEFT JOIN only_account oa
      ON TRY_CAST(p.account_key AS INTEGER) IS NULL
     AND oa.opd_id = p.opd_id AND oa.platform = p.platform
    WHERE coalesce(TRY_CAST(p.account_key AS INTEGER), oa.account_id) IS NOT NULL
      AND p.month_start >= (SELECT min(month_start) FROM grid)
      AND p.month_start <= (SELECT max(month_start) FROM grid)
    GROUP BY ALL
)
SELECT
    g.*,
    coalesce(pc.n_posts, 0)                                  AS n_posts,
    coalesce(l.load_ids, [])                                 AS load_ids,
    l.latest_export
FROM grid g
LEFT JOIN loads_in_month l USING (account_id, month_start)
LEFT JOIN post_counts pc USING (account_id, month_start);

-- v_account_month_coverage: the same from the first data on (no period, no end).
CREATE OR REPLACE VIEW v_account_month_coverage AS
SELECT * FROM account_month_coverage(NULL, NULL, (SELECT data_end FROM v_data_end));
