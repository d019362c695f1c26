-- The buckets the periods' judgement statements judge (q_periods_judgement.sql,
-- q_periods_judgement_months.sql, q_periods_judgement_split.sql, written once here): each
-- period i of starts / ends_excl (1-based; start inclusive, end exclusive) as one 'period'
-- bucket, and, when months, the calendar months of the first period as 'month' buckets with
-- i = 0. Columns: judged_buckets'.
CREATE OR REPLACE MACRO periods_buckets(starts, ends_excl, per_month, per_week, data_end,
                                        months) AS TABLE
    SELECT *
    FROM judged_buckets('period', starts, ends_excl, per_month, per_week, data_end)
    UNION ALL
    SELECT 0 AS i, * EXCLUDE (i)
    FROM judged_buckets('month', [starts[1]], [ends_excl[1]], per_month, per_week, data_end)
    WHERE months;

-- The judgement (opd_judgement_of's rows, every column, type and order) of any buckets
-- (judged_buckets' columns), read from the inputs kept per month for the calendar months a
-- bucket holds whole and from the days only for the days outside them: a period the data end
-- cuts (the running month, the pages' default period in a real warehouse) has its whole months
-- read from post_month_count, coverage_month and coverage_opd_month (migration 380) and only
-- its cut month's days from post_day_count, v_coverage_day and coverage_opd_day. The months
-- and the days of a bucket are disjoint, so its sums are the sums over its days: posts over
-- [lo, count_hi), coverage over [lo, hi), as opd_judgement_of counts them. The same rules
-- (opd_counted, opd_coverage_given, opd_judged) over the same sums. Read by
-- q_periods_judgement_split.sql (warehouse.queries.judgement: periods that are not whole
-- months the data end leaves whole, but hold a whole month).
CREATE OR REPLACE MACRO opd_judgement_split(buckets, platforms, opd_kinds, opd_ids, rule) AS TABLE
    WITH b AS (
        SELECT *,
               -- the first month that starts on or after lo, and the start of the month of
               -- count_hi / hi: months [m_lo, count_m_hi) lie whole in [lo, count_hi),
               -- months [m_lo, cover_m_hi) whole in [lo, hi) (none when m_lo >= the end)
               CAST(date_trunc('month', lo - 1) + INTERVAL 1 MONTH AS DATE) AS m_lo,
               CAST(date_trunc('month', count_hi) AS DATE) AS count_m_hi,
               CAST(date_trunc('month', hi) AS DATE) AS cover_m_hi
        FROM query_table(buckets)
    ),
    all_days AS (
        SELECT CAST(unnest(generate_series(CAST(min(lo) AS TIMESTAMP),
                                           CAST(max(count_hi) - 1 AS TIMESTAMP),
                                           INTERVAL 1 DAY)) AS DATE) AS day
        FROM b
    ),
    -- a bucket's days outside its whole months: counted (posts) and judged (coverage)
    count_days AS (
        SELECT b.i, b.period_start, d.day
        FROM b JOIN all_days d ON d.day >= b.lo AND d.day < b.count_hi
        WHERE NOT (d.day >= b.m_lo AND d.day < b.count_m_hi)
    ),
    cover_days AS (
        SELECT b.i, b.period_start, d.day
        FROM b JOIN all_days d ON d.day >= b.lo AND d.day < b.hi
        WHERE NOT (d.day >= b.m_lo AND d.day < b.cover_m_hi)
    ),
    -- a bucket's whole months: counted (posts) and judged (coverage)
    count_months AS (
        SELECT i, period_start,
               CAST(unnest(generate_series(CAST(m_lo AS TIMESTAMP),
                                           CAST(count_m_hi AS TIMESTAMP) - INTERVAL 1 DAY,
                                           INTERVAL 1 MONTH)) AS DATE) AS month_start
        FROM b WHERE m_lo < count_m_hi
    ),
    cover_months AS (
        SELECT i, period_start,
               CAST(unnest(generate_series(CAST(m_lo AS TIMESTAMP),
                                           CAST(cover_m_hi AS TIMESTAMP) - INTERVAL 1 DAY,
                                           INTERVAL 1 MONTH)) AS DATE) AS month_start
        FROM b WHERE m_lo < cover_m_hi
    ),
    posts_in AS (
        SELECT x.i, x.period_start, d.opd_id, d.account_key, d.posts
        FROM post_month_count d
        JOIN count_months x USING (month_start)
        WHERE platform_in_scope(platforms, d.platform)
        UNION ALL
        SELECT x.i, x.period_start, d.opd_id, d.account_key, d.posts
        FROM post_day_count d
        JOIN count_days x ON x.day = d.pub_date
        WHERE platform_in_scope(platforms, d.platform)
    ),
    per_account AS (
        SELECT p.i, p.period_start, p.opd_id, NULL AS platform, p.account_key,
               CAST(sum(p.posts) AS BIGINT) AS n
        FROM posts_in p
        SEMI JOIN scoped_opd_table(opd_kinds, opd_ids) o USING (opd_id)
        GROUP BY ALL
    ),
    lengths AS (SELECT i, period_start, hi - lo AS n_days FROM b),
    covered_in AS (
        SELECT x.i, x.period_start, c.account_id, c.n_days
        FROM coverage_month c
        JOIN cover_months x USING (month_start)
        UNION ALL
        SELECT x.i, x.period_start, c.account_id, 1 AS n_days
        FROM v_coverage_day c
        JOIN cover_days x ON x.day = c.day
    ),
    covered AS (
        SELECT i, period_start, account_id, sum(n_days) AS n_days FROM covered_in GROUP BY ALL
    ),
    -- an OPD's own loads' days: a set per month over the platforms in scope (counted once),
    -- and the distinct days outside the whole months
    waited_in AS (
        SELECT x.i, x.period_start, s.opd_id, bit_count(bit_or(s.day_bits)) AS n_days
        FROM coverage_opd_month s
        JOIN cover_months x USING (month_start)
        WHERE s.platform IS NULL OR platform_in_scope(platforms, s.platform)
        GROUP BY x.i, x.period_start, s.opd_id, x.month_start
        UNION ALL
        SELECT x.i, x.period_start, s.opd_id, count(DISTINCT x.day) AS n_days
        FROM coverage_opd_day s
        JOIN cover_days x ON x.day = s.day
        WHERE s.platform IS NULL OR platform_in_scope(platforms, s.platform)
        GROUP BY x.i, x.period_start, s.opd_id
    ),
    waited_days AS (
        SELECT i, period_start, opd_id, sum(n_days) AS n_days FROM waited_in GROUP BY ALL
    ),
    cov AS (SELECT * FROM opd_coverage_given('lengths', 'covered', 'waited_days', platforms,
                                             opd_kinds, opd_ids))
    SELECT * FROM opd_judged('b', 'per_account', 'cov', opd_kinds, opd_ids, rule);
