-- The same judgement (opd_judgement_of's rows, every column) of any buckets (judged_buckets'
-- columns), each bucket's days split in two: its whole calendar months read from the inputs
-- kept per month (as opd_judgement_months reads them) and its other days (a month the period's
-- start, its end or the data end cuts) from the days (as opd_judgement_of reads them). The
-- two parts hold disjoint days, so their sums are the sums over every day: posts per account
-- over [lo, count_hi), days covered per account and days an OPD's own loads cover over
-- [lo, hi). The same rules (opd_counted, opd_coverage_given, opd_judged) over the same sums.
-- Read by q_periods_judgement_mixed.sql (warehouse.queries.judgement: the KPI tiles' periods
-- that are not all whole months the data end leaves uncut, e.g. the running month's).
CREATE OR REPLACE MACRO opd_judgement_mixed(buckets, platforms, opd_kinds, opd_ids,
                                            rule) AS TABLE
    WITH b AS (SELECT * FROM query_table(buckets)),
    -- the first month starting on or after lo, and the month starts of hi and count_hi
    spans AS (
        SELECT i, period_start, lo, hi, count_hi,
               CAST(date_trunc('month', lo - 1) + INTERVAL 1 MONTH AS DATE) AS m_first,
               CAST(date_trunc('month', hi) AS DATE) AS cm_end,
               CAST(date_trunc('month', count_hi) AS DATE) AS pm_end
        FROM b
    ),
    -- the whole months of the judged days [cm_lo, cm_hi) and of the counted days
    -- [pm_lo, pm_hi) (the empty range [lo, lo) when none fits)
    months_of AS (
        SELECT i, period_start, lo, hi, count_hi,
               CASE WHEN m_first < cm_end THEN m_first ELSE lo END AS cm_lo,
               CASE WHEN m_first < cm_end THEN cm_end ELSE lo END AS cm_hi,
               CASE WHEN m_first < pm_end THEN m_first ELSE lo END AS pm_lo,
               CASE WHEN m_first < pm_end THEN pm_end ELSE lo END AS pm_hi
        FROM spans
    ),
    cov_months AS (
        SELECT i, period_start,
               CAST(unnest(generate_series(CAST(cm_lo AS TIMESTAMP),
                                           CAST(cm_hi AS TIMESTAMP) - INTERVAL 1 DAY,
                                           INTERVAL 1 MONTH)) AS DATE) AS month_start
        FROM months_of WHERE cm_lo < cm_hi
    ),
    count_months AS (
        SELECT i, period_start,
               CAST(unnest(generate_series(CAST(pm_lo AS TIMESTAMP),
                                           CAST(pm_hi AS TIMESTAMP) - INTERVAL 1 DAY,
                                           INTERVAL 1 MONTH)) AS DATE) AS month_start
        FROM months_of WHERE pm_lo < pm_hi
    ),
    -- every day of [lo, count_hi): judged outside the judged months (and before hi), counted
    -- outside the counted months
    edge AS (
        SELECT i, period_start, day,
               day < hi AND NOT (day >= cm_lo AND day < cm_hi) AS judged,
               NOT (day >= pm_lo AND day < pm_hi) AS counted
        FROM (
            SELECT m.*, CAST(unnest(generate_series(CAST(lo AS TIMESTAMP),
                                                    CAST(count_hi AS TIMESTAMP) - INTERVAL 1 DAY,
                                                    INTERVAL 1 DAY)) AS DATE) AS day
            FROM months_of m
        )
    ),
    count_days AS (SELECT i, period_start, day FROM edge WHERE counted),
    judged_days AS (SELECT i, period_start, day FROM edge WHERE judged),
    per_account AS (
        SELECT i, period_start, opd_id, NULL AS platform, account_key,
               CAST(sum(n) AS BIGINT) AS n
        FROM (
            SELECT x.i, x.period_start, d.opd_id, d.account_key, d.posts AS n
            FROM post_month_count d
            JOIN count_months x USING (month_start)
            WHERE platform_in_scope(platforms, d.platform)
            UNION ALL
            SELECT x.i, x.period_start, d.opd_id, d.account_key, d.posts AS n
            FROM post_day_count d
            JOIN count_days x ON x.day = d.pub_date
            WHERE platform_in_scope(platforms, d.platform)
        ) u
        SEMI JOIN scoped_opd_table(opd_kinds, opd_ids) o USING (opd_id)
        GROUP BY ALL
    ),
    lengths AS (SELECT i, period_start, hi - lo AS n_days FROM b),
    covered AS (
        SELECT i, period_start, account_id, sum(n_days) AS n_days
        FROM (
            SELECT x.i, x.period_start, c.account_id, c.n_days
            FROM coverage_month c
            JOIN cov_months x USING (month_start)
            UNION ALL
            SELECT d.i, d.period_start, c.account_id, 1 AS n_days
            FROM v_coverage_day c
            JOIN judged_days d ON d.day = c.day
        ) u
        GROUP BY ALL
    ),
    opd_months AS (
        SELECT opd_id, month_start, bit_or(day_bits) AS day_bits
        FROM coverage_opd_month
        WHERE platform IS NULL OR platform_in_scope(platforms, platform)
        GROUP BY ALL
    ),
    waited_days AS (
        SELECT i, period_start, opd_id, sum(n_days) AS n_days
        FROM (
            SELECT x.i, x.period_start, s.opd_id, bit_count(s.day_bits) AS n_days
            FROM opd_months s
            JOIN cov_months x USING (month_start)
            UNION ALL
            SELECT d.i, d.period_start, s.opd_id, count(DISTINCT d.day) AS n_days
            FROM coverage_opd_day s
            JOIN judged_days d ON d.day = s.day
            WHERE s.platform IS NULL OR platform_in_scope(platforms, s.platform)
            GROUP BY d.i, d.period_start, s.opd_id
        ) u
        GROUP BY ALL
    ),
    cov AS (SELECT * FROM opd_coverage_given('lengths', 'covered', 'waited_days', platforms,
                                             opd_kinds, opd_ids))
    SELECT * FROM opd_judged('b', 'per_account', 'cov', opd_kinds, opd_ids, rule);

