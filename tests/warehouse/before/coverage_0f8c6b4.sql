-- views/025_v_coverage.sql's v_coverage_island_before_0f8c6b4, account_month_status and account_month_coverage as they
-- were at main 0f8c6b4, word for word but for the names (suffixed _before_0f8c6b4): the
-- reference of tests/warehouse/test_coverage_months.py.
-- v_coverage_island_before_0f8c6b4: the runs of consecutive days the live loads cover, per account: the live
-- spans (v_coverage_span) merged where they overlap or touch, so an account's days covered are
-- the days of its islands (the same days as v_coverage_day, without a row per day). Grain:
-- account x run; a..b inclusive, runs of one account disjoint and never adjacent.
CREATE OR REPLACE VIEW v_coverage_island_before_0f8c6b4 AS
WITH spans AS (
    -- One row per distinct span (order by start, end is then total within an account); a span
    -- ending before it starts covers no day.
    SELECT DISTINCT account_id, period_start, period_end
    FROM v_coverage_span
    WHERE period_start <= period_end
),
reach AS (
    SELECT *,
           max(period_end) OVER (PARTITION BY account_id ORDER BY period_start, period_end
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach_before
    FROM spans
),
runs AS (
    -- A span opens a new run when it starts after every earlier span's last day + 1.
    SELECT *,
           sum(CASE WHEN reach_before IS NULL OR period_start > reach_before + 1 THEN 1 ELSE 0 END)
               OVER (PARTITION BY account_id ORDER BY period_start, period_end
                     ROWS UNBOUNDED PRECEDING) AS run
    FROM reach
)
SELECT account_id, min(period_start) AS a, max(period_end) AS b
FROM runs
GROUP BY account_id, run;

-- account_month_status_before_0f8c6b4(first_day, until_excl, cut_day): every master account x every month
-- from first_day's month (NULL: from the first data, post or covered day) to the current month
-- or the last month with data, whichever is later, and before until_excl (NULL: no end), with
-- how many days were covered and which. A month before the first file ever loaded is "missing"
-- like any other: the activity rule reads it as no data (opd_activity), so the coverage grid
-- must list it too. cut_day: THE data end, v_data_end's value (the UI reads it once per data
-- version: warehouse.queries.run.data_end_given). Grain: account x month.
-- status: received (every day covered) | partial | missing; to_data_end marks a partial month
-- the data end cuts, covered to it (see the column).
-- Read from the small tables only: the live spans merged into runs (v_coverage_island_before_0f8c6b4), cut at
-- month ends (the same pieces as the runs of covered days split by month), and account; posts
-- only through post_day_count's first and last day (the months a post proves).
CREATE OR REPLACE MACRO account_month_status_before_0f8c6b4(first_day, until_excl, cut_day) AS TABLE
WITH islands AS (
    SELECT * FROM v_coverage_island_before_0f8c6b4
),
bounds AS (
    SELECT
        date_trunc('month', coalesce(CAST(first_day AS DATE), least(i.a, p.a))) AS lo,
        date_trunc('month', greatest(i.b, p.b, current_date)) AS hi
    FROM (SELECT min(a) AS a, max(b) AS b FROM islands) i,
         (SELECT min(pub_date) AS a, max(pub_date) AS b FROM post_day_count) p
),
months AS (
    SELECT month_start, CAST(month_start + INTERVAL 1 MONTH AS DATE) - 1 AS month_end
    FROM (
        SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS month_start
        FROM bounds
        WHERE lo IS NOT NULL
    )
    WHERE until_excl IS NULL OR month_start < CAST(until_excl AS DATE)
),
-- The runs cut at month ends: per account and month, its runs of covered days.
pieces AS (
    SELECT i.account_id, m.month_start,
           greatest(i.a, m.month_start) AS a, least(i.b, m.month_end) AS b
    FROM islands i
    JOIN months m ON i.a <= m.month_end AND i.b >= m.month_start
),
covered AS (
    SELECT account_id, month_start, sum(b - a + 1) AS days_covered,
           -- Days covered up to the data end: all of them in the month the data end cuts
           -- means its data is in as far as any data goes (to_data_end below).
           sum(CASE WHEN a <= cut_day THEN least(b, cut_day) - a + 1 ELSE 0 END)
               AS days_to_data_end,
           min(a) AS first_covered, max(b) AS last_covered,
           string_agg(CASE WHEN a = b THEN CAST(day(a) AS VARCHAR)
                           ELSE day(a) || '-' || day(b) END, ', ' ORDER BY a) AS covered_days
    FROM pieces
    GROUP BY account_id, month_start
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
    coalesce(c.days_covered, 0)                              AS days_covered,
    c.first_covered,
    c.last_covered,
    c.covered_days,
    CASE WHEN coalesce(c.days_covered, 0) = 0 THEN 'missing'
         WHEN c.days_covered = day(m.month_end) THEN 'received'
         ELSE 'partial' END                                  AS status,
    -- to_data_end: a partial month that the data end cuts, every day of it to the data end
    -- covered: "baru sebagian (bulan berjalan)", not behind. Still 'partial' in status (the
    -- statuses partition the grid); only how it is shown differs.
    coalesce(c.days_covered < day(m.month_end)
             AND m.month_start <= cut_day
             AND cut_day < m.month_end
             AND c.days_to_data_end = cut_day - m.month_start + 1,
             false)                                          AS to_data_end
FROM account a
CROSS JOIN months m
JOIN opd o ON o.opd_id = a.opd_id
LEFT JOIN covered c ON c.account_id = a.account_id AND c.month_start = m.month_start;

-- account_month_coverage_before_0f8c6b4(first_day, until_excl, cut_day): account_month_status (arguments and
-- rows the same) with what arrived: n_posts (posts of the account in the month; a post not
-- tied to an account counts for its OPD's only account on that platform), load_ids (the live
-- loads covering part of the month) and latest_export (the newest of their exports).
-- Grain: account x month.
CREATE OR REPLACE MACRO account_month_coverage_before_0f8c6b4(first_day, until_excl, cut_day) AS TABLE
WITH grid AS (
    SELECT * FROM account_month_status_before_0f8c6b4(first_day, until_excl, cut_day)
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
-- Counted from the per-day counts (post_day_count: the posts table's own days and accounts,
-- kept equal to it at every write), not from every post; only the grid's months are read.
post_counts AS (
    SELECT coalesce(p.account_id, oa.account_id) AS account_id,
           CAST(date_trunc('month', p.pub_date) AS DATE) AS month_start,
           CAST(sum(p.posts) AS BIGINT) AS n_posts
    FROM post_day_count p
    LEFT JOIN only_account oa
      ON p.account_id IS NULL AND oa.opd_id = p.opd_id AND oa.platform = p.platform
    WHERE coalesce(p.account_id, oa.account_id) IS NOT NULL
      AND p.pub_date >= (SELECT min(month_start) FROM grid)
      AND p.pub_date <= (SELECT max(month_end) FROM grid)
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

-- THE coverage rule of opd_coverage_of, given per bucket (i, period_start) its length in days
-- (relation named lengths: n_days), per account the days of it some live load covers (covered:
-- account_id, n_days; an account out of scope is not read) and per OPD the days its own loads
-- cover on the platforms in scope (waited_days: opd_id, n_days; read for an OPD with no
-- account in scope). Read by opd_coverage_of (counted from the days) and by
-- opd_judgement_months (from the months kept whole: coverage_month, coverage_opd_month).
CREATE OR REPLACE MACRO opd_coverage_given_before_0f8c6b4(lengths, covered, waited_days, platforms, opd_kinds,
                                           opd_ids) AS TABLE
    WITH l AS (SELECT i, period_start, n_days FROM query_table(lengths)),
    acc AS (SELECT account_id, opd_id FROM scoped_account_keys(platforms, opd_kinds, opd_ids)),
    per_opd AS (
        SELECT
            l.i, l.period_start, a.opd_id,
            count(*) AS n_accounts,
            count(*) FILTER (WHERE coalesce(c.n_days, 0) = l.n_days) AS n_accounts_complete,
            count(*) FILTER (WHERE coalesce(c.n_days, 0) = 0) AS n_accounts_missing
        FROM l
        CROSS JOIN acc a
        LEFT JOIN query_table(covered) c
          ON c.i = l.i AND c.period_start = l.period_start AND c.account_id = a.account_id
        GROUP BY l.i, l.period_start, a.opd_id
    ),
    -- OPDs with no account in scope, and which of them have posts in scope (waited for).
    bare AS (
        SELECT o.opd_id FROM scoped_opd_table(opd_kinds, opd_ids) o ANTI JOIN acc USING (opd_id)
    ),
    sent AS (
        SELECT c.opd_id, c.period_start, c.period_end
        FROM load_coverage c
        JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
        SEMI JOIN bare b ON b.opd_id = c.opd_id
        WHERE c.platform IS NULL OR platform_in_scope(platforms, c.platform)
    ),
    waited AS (SELECT DISTINCT opd_id FROM sent),
    -- The days of the bucket those loads cover: waited_days.
    per_bare AS (
        SELECT l.i, l.period_start, b.opd_id, 0 AS n_accounts, 0 AS n_accounts_complete,
               0 AS n_accounts_missing,
               w.opd_id IS NULL OR coalesce(d.n_days, 0) = l.n_days AS data_complete,
               w.opd_id IS NOT NULL AND coalesce(d.n_days, 0) = 0 AS data_missing
        FROM l
        CROSS JOIN bare b
        LEFT JOIN waited w ON w.opd_id = b.opd_id
        LEFT JOIN query_table(waited_days) d
          ON d.i = l.i AND d.period_start = l.period_start AND d.opd_id = b.opd_id
    )
    SELECT *, n_accounts_complete = n_accounts AS data_complete,
           n_accounts_missing = n_accounts AS data_missing
    FROM per_opd
    UNION ALL BY NAME
    SELECT * FROM per_bare;

-- Data coverage per bucket and OPD, THE definition of "its data arrived" (the judgement and the
-- compared set of a comparison read it: opd_judgement_of, compared_opds through opd_coverage).
-- The buckets are the relation named bucket_days: one row per bucket (i, period_start) and day
-- of it (day), the days the bucket is judged on. Grain: bucket x every OPD in scope; columns
-- i, then as below. An OPD with accounts in scope: of them, how many some live load covers on
-- every day of the bucket (v_coverage_day, views/025_v_coverage.sql);
-- its data is complete when all are. An OPD with no account in scope has no export to wait
-- for: complete (a zero is a known zero), unless it has ever sent data of its own: a live
-- load naming it (a logbook, which may list posts of accounts the master list does not hold,
-- or an export of a platform in scope). Then those loads are its data, and it is complete on
-- the days they cover: a month whose logbook has not arrived is no data, never a zero.
-- Columns: i, period_start, opd_id, n_accounts, n_accounts_complete,
-- n_accounts_missing (accounts with no day covered), data_complete, data_missing (nothing of
-- the bucket arrived: every account missing, or no day of a waited logbook covered).
CREATE OR REPLACE MACRO opd_coverage_of_before_0f8c6b4(bucket_days, platforms, opd_kinds, opd_ids) AS TABLE
    WITH days AS (SELECT i, period_start, day FROM query_table(bucket_days)),
    lengths AS (SELECT i, period_start, count(*) AS n_days FROM days GROUP BY i, period_start),
    covered AS (
        SELECT d.i, d.period_start, c.account_id, count(*) AS n_days
        FROM v_coverage_day c
        JOIN days d ON d.day = c.day
        GROUP BY d.i, d.period_start, c.account_id
    ),
    -- The days of the bucket an OPD's own loads cover (coverage_opd_day: the days its live
    -- loads' coverage rows name, kept at load time; v_coverage_opd_day_recount is their
    -- definition), on the platforms in scope (a logbook's row: every platform).
    waited_days AS (
        SELECT d.i, d.period_start, s.opd_id, count(DISTINCT d.day) AS n_days
        FROM coverage_opd_day s
        JOIN days d ON d.day = s.day
        WHERE s.platform IS NULL OR platform_in_scope(platforms, s.platform)
        GROUP BY d.i, d.period_start, s.opd_id
    )
    SELECT * FROM opd_coverage_given_before_0f8c6b4('lengths', 'covered', 'waited_days', platforms, opd_kinds,
                                     opd_ids);

-- opd_coverage_of over the buckets of [start_d, end_excl) (bucket_start), without i.
CREATE OR REPLACE MACRO opd_coverage_before_0f8c6b4(bucket, start_d, end_excl, platforms, opd_kinds,
                                     opd_ids) AS TABLE
    WITH bounds AS (SELECT CAST(end_excl AS DATE) AS end_d),
    coverage_days AS (
        SELECT 1 AS i, CAST(t.d AS DATE) AS day,
               bucket_start(bucket, CAST(t.d AS DATE), start_d) AS period_start
        FROM bounds, generate_series(CAST(CAST(start_d AS DATE) AS TIMESTAMP),
                                     CAST(bounds.end_d - 1 AS TIMESTAMP),
                                     INTERVAL 1 DAY) AS t(d)
    )
    SELECT * EXCLUDE (i) FROM opd_coverage_of_before_0f8c6b4('coverage_days', platforms, opd_kinds, opd_ids);
