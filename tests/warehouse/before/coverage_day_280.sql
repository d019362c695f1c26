-- The coverage the judgement read before the covered days were kept at load time (migration
-- 280), word for word as at 273a49a but renamed with _before_280: the view v_coverage_day
-- (warehouse/sql/views/025_v_coverage.sql), which expanded every live span into its days, and
-- the macros opd_coverage and opd_judgement (views/030_scope_and_activity.sql) and
-- compared_opds (views/170_compared_opds.sql) that read it. The reference
-- tests/coverage/test_coverage_days_reference.py compares the new macros with.

-- v_coverage_day_before_280: one row per account and day some live load covers. Grain: account x day.
CREATE OR REPLACE VIEW v_coverage_day_before_280 AS
SELECT opd_id, account_id, platform, day, max(load_id) AS latest_load_id
FROM (
    SELECT s.opd_id, s.account_id, s.platform, s.load_id,
           CAST(unnest(generate_series(s.period_start, s.period_end, INTERVAL 1 DAY)) AS DATE) AS day
    FROM v_coverage_span s
)
GROUP BY opd_id, account_id, platform, day;

-- Data coverage per bucket and OPD, THE definition of "its data arrived" (the judgement and the
-- compared set of a comparison read it: opd_judgement_before_280, compared_opds_before_280). Grain: bucket x every
-- OPD in scope. An OPD with accounts in scope: of them, how many some live load covers on every
-- day of the bucket's part of [start_d, end_excl) (v_coverage_day_before_280, views/025_v_coverage.sql);
-- its data is complete when all are. An OPD with no account in scope has no export to wait
-- for: complete (a zero is a known zero), unless it has ever sent data of its own: a live
-- load naming it (a logbook, which may list posts of accounts the master list does not hold,
-- or an export of a platform in scope). Then those loads are its data, and it is complete on
-- the days they cover: a month whose logbook has not arrived is no data, never a zero. Columns: period_start, opd_id, n_accounts, n_accounts_complete,
-- n_accounts_missing (accounts with no day covered), data_complete, data_missing (nothing of
-- the bucket arrived: every account missing, or no day of a waited logbook covered).
CREATE OR REPLACE MACRO opd_coverage_before_280(bucket, start_d, end_excl, platforms, opd_kinds,
                                     opd_ids) AS TABLE
    WITH bounds AS (SELECT CAST(end_excl AS DATE) AS end_d),
    days AS (
        SELECT CAST(t.d AS DATE) AS day,
               bucket_start(bucket, CAST(t.d AS DATE), start_d) AS period_start
        FROM bounds, generate_series(CAST(CAST(start_d AS DATE) AS TIMESTAMP),
                                     CAST(bounds.end_d - 1 AS TIMESTAMP),
                                     INTERVAL 1 DAY) AS t(d)
    ),
    lengths AS (SELECT period_start, count(*) AS n_days FROM days GROUP BY period_start),
    acc AS (SELECT account_id, opd_id FROM scoped_account_keys(platforms, opd_kinds, opd_ids)),
    covered AS (
        SELECT d.period_start, c.account_id, count(*) AS n_days
        FROM v_coverage_day_before_280 c
        JOIN days d ON d.day = c.day
        SEMI JOIN acc ON acc.account_id = c.account_id
        GROUP BY d.period_start, c.account_id
    ),
    per_opd AS (
        SELECT
            l.period_start, a.opd_id,
            count(*) AS n_accounts,
            count(*) FILTER (WHERE coalesce(c.n_days, 0) = l.n_days) AS n_accounts_complete,
            count(*) FILTER (WHERE coalesce(c.n_days, 0) = 0) AS n_accounts_missing
        FROM lengths l
        CROSS JOIN acc a
        LEFT JOIN covered c ON c.period_start = l.period_start AND c.account_id = a.account_id
        GROUP BY l.period_start, a.opd_id
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
    waited_days AS (
        SELECT d.period_start, s.opd_id, count(DISTINCT d.day) AS n_days
        FROM sent s
        JOIN days d ON d.day BETWEEN s.period_start AND s.period_end
        GROUP BY d.period_start, s.opd_id
    ),
    per_bare AS (
        SELECT l.period_start, b.opd_id, 0 AS n_accounts, 0 AS n_accounts_complete,
               0 AS n_accounts_missing,
               w.opd_id IS NULL OR coalesce(d.n_days, 0) = l.n_days AS data_complete,
               w.opd_id IS NOT NULL AND coalesce(d.n_days, 0) = 0 AS data_missing
        FROM lengths l
        CROSS JOIN bare b
        LEFT JOIN waited w ON w.opd_id = b.opd_id
        LEFT JOIN waited_days d ON d.period_start = l.period_start AND d.opd_id = b.opd_id
    )
    SELECT *, n_accounts_complete = n_accounts AS data_complete,
           n_accounts_missing = n_accounts AS data_missing
    FROM per_opd
    UNION ALL BY NAME
    SELECT * FROM per_bare;

-- THE judgement: the activity rule read together with data coverage, over the period cut at the
-- data end (judged_end: [start_d, end_excl) running past the last day any data reaches is judged
-- up to that day, for every OPD alike, with the minimum scaled to the judged days by
-- activity_minimum; buckets after the data end are not judged, and a month the data end cuts
-- is judged on its days with its share of the minimum). Every OPD in scope x every bucket of
-- the judged period. activity_status:
--   active   - the rule says active (its posts prove it, whatever else is missing);
--   inactive - not active, and every account's data for the whole (judged) bucket arrived;
--   no_data  - not active, and some account's data for the bucket has not arrived: not judged,
--              left out of every rate, drawn as a gap; data_state says whether none of it
--              arrived ('missing': "data belum diterima") or part ('partial': "data sebagian").
-- So a period's judgement equals its judgement over the period cut at the data end.
-- data_state: complete | partial | missing (also for an active OPD: active on part of the data).
-- An OPD without an account in scope: complete as opd_coverage_before_280 says (nothing to wait for,
-- unless it ever sent a logbook or an export of its own: then those).
-- is_judged = active or inactive (the denominator of a rate). judged_through: the last day
-- judged (the data end when it cuts the period, else the period's last day).
-- Arguments as opd_activity's (data_end: v_data_end's value, see judged_end).
CREATE OR REPLACE MACRO opd_judgement_before_280(bucket, start_d, end_excl, platforms, opd_kinds, opd_ids,
                                      per_month, per_week, rule, data_end,
                                      counted_before := NULL) AS TABLE
    WITH cut AS (SELECT judged_end(start_d, end_excl, data_end) AS judged_end_excl),
    bucket_starts AS (
        SELECT DISTINCT bucket_start(bucket, CAST(t.d AS DATE), start_d) AS period_start
        FROM cut, generate_series(CAST(CAST(start_d AS DATE) AS TIMESTAMP),
                                  CAST(cut.judged_end_excl - 1 AS TIMESTAMP),
                                  INTERVAL 1 DAY) AS t(d)
    ),
    -- activity_minimum of each bucket, the judged end read from cut (as in opd_activity).
    buckets AS (
        SELECT b.period_start,
               bucket_minimum(bucket, CAST(start_d AS DATE), c.judged_end_excl, per_month,
                              per_week, b.period_start, CAST(data_end AS DATE))
                   AS required_posts
        FROM bucket_starts b, cut c
    ),
    -- No post lies after the data end (v_data_end is never before the newest post): the
    -- posts are counted over the period as given, the minimum over the judged days.
    act AS (
        SELECT * FROM opd_activity(bucket, start_d, end_excl, platforms, opd_kinds, opd_ids,
                                   per_month, per_week, rule, false, data_end,
                                   counted_before := counted_before)
    ),
    cov AS (
        SELECT * FROM opd_coverage_before_280(bucket, start_d, judged_end(start_d, end_excl, data_end),
                                   platforms, opd_kinds, opd_ids)
    ),
    judged AS (
        SELECT
            b.period_start, o.opd_id, o.opd_kind, o.expected_to_post,
            coalesce(a.posts, 0) AS posts,
            coalesce(a.max_account_posts, 0) AS max_account_posts,
            coalesce(a.counted_posts, 0) AS counted_posts,
            b.required_posts,
            coalesce(a.is_active, false) AS is_active,
            coalesce(c.data_complete, true) AS data_complete,
            coalesce(c.n_accounts, 0) AS n_accounts,
            coalesce(c.n_accounts_missing, 0) AS n_accounts_missing,
            coalesce(c.data_missing, false) AS data_missing,
            judged_end(start_d, end_excl, data_end) - 1 AS judged_through
        FROM scoped_opd_table(opd_kinds, opd_ids) o
        CROSS JOIN buckets b
        LEFT JOIN act a ON a.opd_id = o.opd_id AND a.period_start = b.period_start
        LEFT JOIN cov c ON c.opd_id = o.opd_id AND c.period_start = b.period_start
    )
    SELECT
        * EXCLUDE (data_missing),
        CASE WHEN is_active THEN 'active'
             WHEN data_complete THEN 'inactive'
             ELSE 'no_data' END AS activity_status,
        is_active OR data_complete AS is_judged,
        -- How much of the bucket's data arrived: all of it (or no account to wait for), part
        -- (some days or some accounts: a month still running, a late export) or none. A
        -- partly received bucket is "data sebagian", never "data belum diterima".
        CASE WHEN data_complete THEN 'complete'
             WHEN data_missing THEN 'missing'
             ELSE 'partial' END AS data_state,
        -- What a list says of the OPD (warehouse.vocabulary.REASON_LABELS_ID): a not-judged
        -- OPD part of whose data arrived is 'partly_received', never 'not_received'.
        CASE WHEN is_active THEN 'active'
             WHEN data_complete THEN 'inactive'
             WHEN data_missing THEN 'not_received'
             ELSE 'partly_received' END AS judgement
    FROM judged;

CREATE OR REPLACE MACRO compared_opds_before_280(cur_start, cur_end_excl, oth_start, oth_end_excl,
                                      platforms, opd_kinds, opd_ids) AS TABLE
WITH cur AS (
    SELECT opd_id, n_accounts, data_complete
    FROM opd_coverage_before_280('period', cur_start, cur_end_excl, platforms, opd_kinds, opd_ids)
),
oth AS (
    SELECT opd_id, data_complete
    FROM opd_coverage_before_280('period', oth_start, oth_end_excl, platforms, opd_kinds, opd_ids)
)
SELECT o.opd_id, o.opd, o.opd_kind, o.expected_to_post, c.n_accounts,
       c.data_complete AS complete_current, p.data_complete AS complete_other,
       c.data_complete AND p.data_complete AS compared
FROM scoped_opd_table(opd_kinds, opd_ids) o
JOIN cur c ON c.opd_id = o.opd_id
JOIN oth p ON p.opd_id = o.opd_id;
