-- The dashboard's scope and its activity rule, each written once (in the spirit of dbt:
-- views 010-021 stage the data, these macros define scope and activity, the q_*.sql files
-- are the marts and read posts and OPDs only through them).
--
-- Filter arguments are what the sidebar binds: start_d inclusive, end_excl exclusive (dates),
-- platforms / opd_kinds / opd_ids lists where an empty list means "all".

-- OPDs in scope (kind and OPD filters). Grain: OPD (v_opd_profile's columns).
CREATE OR REPLACE MACRO scoped_opds(opd_kinds, opd_ids) AS TABLE
    SELECT * FROM v_opd_profile
    WHERE (len(opd_kinds) = 0 OR list_contains(opd_kinds, opd_kind))
      AND (len(opd_ids) = 0 OR list_contains(opd_ids, opd_id));

-- Official accounts of the OPDs in scope on the chosen platforms. Grain: account (the account
-- table's columns, then opd and opd_kind).
CREATE OR REPLACE MACRO scoped_accounts(platforms, opd_kinds, opd_ids) AS TABLE
    SELECT a.*, o.opd, o.opd_kind FROM account a
    JOIN scoped_opds(opd_kinds, opd_ids) o USING (opd_id)
    WHERE len(platforms) = 0 OR list_contains(platforms, a.platform);

-- Posts of the OPDs in scope on the chosen platforms, any date. Grain: post (v_post_facts).
CREATE OR REPLACE MACRO scoped_posts_all(platforms, opd_kinds, opd_ids) AS TABLE
    SELECT p.* FROM v_post_facts p
    SEMI JOIN scoped_opds(opd_kinds, opd_ids) o USING (opd_id)
    WHERE len(platforms) = 0 OR list_contains(platforms, p.platform);

-- The same, published in [start_d, end_excl). Grain: post.
CREATE OR REPLACE MACRO scoped_posts(start_d, end_excl, platforms, opd_kinds, opd_ids) AS TABLE
    SELECT * FROM scoped_posts_all(platforms, opd_kinds, opd_ids)
    WHERE published_at >= start_d AND published_at < end_excl;

-- A per-month count scaled to [start_d, end_excl): whole calendar months -> per_month x months
-- (February needs as many posts as March); any other period -> ceil(per_month x days / 30),
-- at least 1 (a week at 4 a month needs 1). Pengaturan explains this rule to the analyst.
CREATE OR REPLACE MACRO scaled_count(per_month, start_d, end_excl) AS
    CAST(CASE
        WHEN day(CAST(start_d AS DATE)) = 1 AND day(CAST(end_excl AS DATE)) = 1
             AND CAST(end_excl AS DATE) > CAST(start_d AS DATE)
        THEN per_month * ((year(CAST(end_excl AS DATE)) - year(CAST(start_d AS DATE))) * 12
                          + month(CAST(end_excl AS DATE)) - month(CAST(start_d AS DATE)))
        ELSE greatest(1, ceil(per_month * (CAST(end_excl AS DATE) - CAST(start_d AS DATE)) / 30))
    END AS INTEGER);

-- The minimum posts on one account for an OPD to be active in one bucket: the whole period
-- ('period': the monthly minimum scaled to the period), a calendar month (the monthly minimum,
-- also a month the period cuts), a Monday week (the weekly minimum) or a day (1).
CREATE OR REPLACE MACRO activity_minimum(bucket, start_d, end_excl, per_month, per_week) AS
    CASE bucket
        WHEN 'day' THEN 1
        WHEN 'week' THEN CAST(per_week AS INTEGER)
        WHEN 'month' THEN CAST(per_month AS INTEGER)
        ELSE scaled_count(per_month, start_d, end_excl)
    END;

-- The posts the activity rule counts for one OPD in one bucket, by the analyst's rule
-- (Pengaturan, warehouse.analyst_settings.Settings.activity_rule; texts in warehouse.vocabulary.
-- ACTIVITY_RULES): 'account' = its busiest account alone reaches the minimum; 'opd_total' =
-- all its accounts together. An unknown rule is an error, never a silent default.
CREATE OR REPLACE MACRO counted_posts(rule, max_account_n, total_n) AS
    CASE rule
        WHEN 'account' THEN max_account_n
        WHEN 'opd_total' THEN total_n
        ELSE error('unknown activity rule: ' || CAST(rule AS VARCHAR))
    END;

-- The day a date-valued bound stands for. The activity rule counts whole days
-- (post_day_count): a bound with a time of day would count part of a day, so it is refused.
CREATE OR REPLACE MACRO whole_day(bound) AS
    CASE WHEN CAST(bound AS TIMESTAMP) = CAST(CAST(bound AS DATE) AS TIMESTAMP)
         THEN CAST(bound AS DATE)
         ELSE error('activity bounds are whole days: ' || CAST(bound AS VARCHAR)) END;

-- THE activity rule: an OPD is active in a bucket when counted_posts (the busiest account's
-- posts, or all accounts' posts, by `rule`) reach activity_minimum there. "Account" is
-- account_key (v_post_facts): the official account, or the platform for logbook rows matched
-- to no account. Grain: bucket x OPD (x platform when by_platform), only OPDs with a post in
-- the bucket: an OPD absent here posted nothing and is not active. Columns: period_start
-- (bucket start; start_d for 'period'), opd_id, platform (null unless by_platform), posts,
-- max_account_posts, counted_posts, required_posts, is_active.
-- counted_before (optional): only posts published before it count, the minimum stays the
-- bucket's (an OPD judged part-way through a period).
-- The posts are counted from post_day_count (per account per day, kept equal to posts at
-- every write: warehouse/day_counts.py), which gives the same counts as scoped_posts for
-- bounds that are whole days (dates, as every caller passes; whole_day refuses others).
CREATE OR REPLACE MACRO opd_activity(bucket, start_d, end_excl, platforms, opd_kinds, opd_ids,
                                     per_month, per_week, rule, by_platform,
                                     counted_before := NULL) AS TABLE
    WITH per_account AS (
        SELECT
            CASE bucket
                WHEN 'day' THEN d.pub_date
                WHEN 'week' THEN CAST(date_trunc('week', d.pub_date) AS DATE)
                WHEN 'month' THEN CAST(date_trunc('month', d.pub_date) AS DATE)
                ELSE CAST(start_d AS DATE)
            END AS period_start,
            d.opd_id,
            CASE WHEN by_platform THEN d.platform END AS platform,
            d.account_key,
            CAST(sum(d.posts) AS BIGINT) AS n
        FROM post_day_count d
        SEMI JOIN scoped_opds(opd_kinds, opd_ids) o USING (opd_id)
        WHERE (len(platforms) = 0 OR list_contains(platforms, d.platform))
          AND d.pub_date >= whole_day(start_d) AND d.pub_date < whole_day(end_excl)
          AND (counted_before IS NULL OR d.pub_date < whole_day(counted_before))
        GROUP BY ALL
    )
    SELECT
        period_start, opd_id, platform,
        sum(n) AS posts,
        max(n) AS max_account_posts,
        counted_posts(rule, max(n), sum(n)) AS counted_posts,
        activity_minimum(bucket, start_d, end_excl, per_month, per_week) AS required_posts,
        counted_posts(rule, max(n), sum(n))
            >= activity_minimum(bucket, start_d, end_excl, per_month, per_week) AS is_active
    FROM per_account
    GROUP BY period_start, opd_id, platform;

-- The first day of the bucket a day falls in ('period': the period's own start).
CREATE OR REPLACE MACRO bucket_start(bucket, day_d, start_d) AS
    CASE bucket
        WHEN 'day' THEN CAST(day_d AS DATE)
        WHEN 'week' THEN CAST(date_trunc('week', day_d) AS DATE)
        WHEN 'month' THEN CAST(date_trunc('month', day_d) AS DATE)
        ELSE CAST(start_d AS DATE)
    END;

-- THE judgement: the activity rule read together with data coverage, the same way for an OPD
-- that would be active and one that would not. Every OPD in scope x every bucket of
-- [start_d, end_excl). A bucket is cut into parts by calendar month; a part is complete when
-- some live load covers every one of its days for every account of the OPD in scope
-- (v_coverage_day, views/025_v_coverage.sql; an OPD without an account in scope has no
-- export to wait for: complete up to the data's end, v_data_end). Which parts are judged:
--   'period' - its complete months (whole, or cut by the period): an OPD is judged over the
--              months of the period whose data all arrived, with the minimum of those months
--              (per_month x months; a window that is not whole months: ceil(per_month x
--              days / 30)). A month still running, or a month whose export has not arrived,
--              is left out for every OPD alike, whatever its posts say so far;
--   'month', 'week', 'day' - the bucket only when all of it is complete.
-- activity_status: active | inactive (the rule over the judged parts) | no_data (no part
-- judged: not judged, left out of every rate, drawn as a gap). data_state: complete | partial
-- | missing, of the whole bucket (partial: some days or some accounts, e.g. a month still
-- running). judgement (what a list says, warehouse.vocabulary.REASON_LABELS_ID): active |
-- inactive | not_received (no_data, nothing arrived) | partly_received (no_data, part arrived).
-- posts: all posts of the bucket; max_account_posts, counted_posts: over the judged parts (over
-- the whole bucket when none is judged: what a chart draws so far); required_posts: the
-- minimum of the judged parts (of the whole bucket when none is judged). judged_months: the
-- first days of the judged parts; judged_days, bucket_days: their days, and the bucket's.
-- is_judged = active or inactive (the denominator of a rate). Arguments as opd_activity's;
-- counted_before: only posts published before it count (an OPD judged part-way through).
CREATE OR REPLACE MACRO opd_judgement(bucket, start_d, end_excl, platforms, opd_kinds, opd_ids,
                                      per_month, per_week, rule,
                                      counted_before := NULL) AS TABLE
    WITH days AS (
        SELECT CAST(t.d AS DATE) AS day,
               bucket_start(bucket, CAST(t.d AS DATE), start_d) AS period_start,
               CAST(date_trunc('month', t.d) AS DATE) AS part
        FROM generate_series(CAST(CAST(start_d AS DATE) AS TIMESTAMP),
                             CAST(CAST(end_excl AS DATE) - 1 AS TIMESTAMP),
                             INTERVAL 1 DAY) AS t(d)
    ),
    parts AS (
        SELECT period_start, part, count(*) AS n_days, min(day) AS part_first,
               max(day) AS part_last,
               count(*) = day(last_day(part)) AS whole_month
        FROM days
        GROUP BY period_start, part
    ),
    opds AS (SELECT opd_id, opd_kind, expected_to_post FROM scoped_opds(opd_kinds, opd_ids)),
    acc AS (SELECT account_id, opd_id FROM scoped_accounts(platforms, opd_kinds, opd_ids)),
    covered AS (
        SELECT d.period_start, d.part, c.account_id, count(*) AS n_days
        FROM v_coverage_day c
        JOIN days d ON d.day = c.day
        SEMI JOIN acc ON acc.account_id = c.account_id
        GROUP BY d.period_start, d.part, c.account_id
    ),
    part_cov AS (
        SELECT p.period_start, p.part, p.n_days, p.whole_month, p.part_first, p.part_last,
               o.opd_id,
               count(a.account_id) AS n_accounts,
               count(a.account_id) FILTER (WHERE coalesce(c.n_days, 0) = p.n_days)
                   AS n_complete
        FROM parts p
        CROSS JOIN opds o
        LEFT JOIN acc a ON a.opd_id = o.opd_id
        LEFT JOIN covered c
          ON c.period_start = p.period_start AND c.part = p.part
         AND c.account_id = a.account_id
        GROUP BY ALL
    ),
    part_ok AS (
        -- An OPD without an account has no export to wait for, but no day after the data's
        -- end (v_data_end) is over for it either: the same days are judged for every OPD.
        SELECT *,
               n_complete = n_accounts
               AND (n_accounts > 0
                    OR part_last <= coalesce((SELECT data_end FROM v_data_end), part_last))
                   AS part_complete
        FROM part_cov
    ),
    part_judged AS (
        SELECT *,
               CASE WHEN bucket = 'period' THEN part_complete
                    ELSE bool_and(part_complete)
                             OVER (PARTITION BY period_start, opd_id) END AS judged
        FROM part_ok
    ),
    missing_acc AS (
        SELECT b.period_start, a.opd_id,
               count(*) FILTER (WHERE cv.n IS NULL) AS n_accounts_missing
        FROM (SELECT DISTINCT period_start FROM parts) b
        CROSS JOIN acc a
        LEFT JOIN (SELECT period_start, account_id, sum(n_days) AS n
                   FROM covered GROUP BY ALL) cv
          ON cv.period_start = b.period_start AND cv.account_id = a.account_id
        GROUP BY ALL
    ),
    window_ AS (
        SELECT period_start, opd_id,
               max(n_accounts) AS n_accounts,
               bool_and(part_complete) AS data_complete,
               sum(n_days) AS bucket_days,
               coalesce(sum(n_days) FILTER (WHERE judged), 0) AS judged_days,
               count(*) FILTER (WHERE judged) AS judged_parts,
               coalesce(bool_and(whole_month) FILTER (WHERE judged), false) AS judged_whole,
               coalesce(list(part ORDER BY part) FILTER (WHERE judged), []) AS judged_months
        FROM part_judged
        GROUP BY period_start, opd_id
    ),
    per_account AS (
        SELECT bucket_start(bucket, p.pub_date, start_d) AS period_start, p.month_start AS part,
               p.opd_id, p.account_key, count(*) AS n
        FROM scoped_posts(start_d, end_excl, platforms, opd_kinds, opd_ids) p
        WHERE counted_before IS NULL OR p.published_at < counted_before
        GROUP BY ALL
    ),
    account_n AS (
        SELECT pa.period_start, pa.opd_id, pa.account_key,
               sum(pa.n) AS n_all,
               coalesce(sum(pa.n) FILTER (WHERE pj.judged), 0) AS n_judged
        FROM per_account pa
        JOIN part_judged pj
          ON pj.period_start = pa.period_start AND pj.part = pa.part AND pj.opd_id = pa.opd_id
        GROUP BY ALL
    ),
    act AS (
        SELECT period_start, opd_id,
               sum(n_all) AS posts, max(n_all) AS max_all, max(n_judged) AS max_judged,
               sum(n_judged) AS total_judged
        FROM account_n
        GROUP BY period_start, opd_id
    ),
    judged AS (
        SELECT
            w.period_start, o.opd_id, o.opd_kind, o.expected_to_post,
            coalesce(a.posts, 0) AS posts,
            w.judged_parts > 0 AS is_judged,
            CAST(CASE WHEN w.judged_parts > 0 THEN coalesce(a.max_judged, 0)
                      ELSE coalesce(a.max_all, 0) END AS BIGINT) AS max_account_posts,
            CAST(CASE WHEN w.judged_parts > 0
                      THEN counted_posts(rule, coalesce(a.max_judged, 0),
                                         coalesce(a.total_judged, 0))
                      ELSE counted_posts(rule, coalesce(a.max_all, 0), coalesce(a.posts, 0))
                 END AS BIGINT) AS counted_posts,
            CAST(CASE
                WHEN bucket <> 'period' OR w.judged_parts = 0 OR w.judged_days = w.bucket_days
                THEN activity_minimum(bucket, start_d, end_excl, per_month, per_week)
                WHEN w.judged_whole THEN per_month * w.judged_parts
                ELSE greatest(1, ceil(per_month * w.judged_days / 30))
            END AS INTEGER) AS required_posts,
            w.data_complete,
            w.n_accounts,
            coalesce(m.n_accounts_missing, 0) AS n_accounts_missing,
            w.judged_months, w.judged_days, w.bucket_days
        FROM window_ w
        JOIN opds o USING (opd_id)
        LEFT JOIN act a ON a.opd_id = w.opd_id AND a.period_start = w.period_start
        LEFT JOIN missing_acc m ON m.opd_id = w.opd_id AND m.period_start = w.period_start
    ),
    final AS (
        SELECT *, is_judged AND counted_posts >= required_posts AS is_active FROM judged
    )
    SELECT
        period_start, opd_id, opd_kind, expected_to_post, posts, max_account_posts,
        counted_posts, required_posts, is_active, data_complete, n_accounts,
        n_accounts_missing,
        CASE WHEN is_active THEN 'active'
             WHEN is_judged THEN 'inactive'
             ELSE 'no_data' END AS activity_status,
        is_judged,
        -- How much of the bucket's data arrived: all of it (or no account to wait for), part
        -- (some days or some accounts: a month still running, a late export) or none. A
        -- partly received bucket is "data sebagian", never "data belum diterima".
        CASE WHEN data_complete THEN 'complete'
             WHEN n_accounts_missing = n_accounts THEN 'missing'
             ELSE 'partial' END AS data_state,
        CASE WHEN is_active THEN 'active'
             WHEN is_judged THEN 'inactive'
             WHEN n_accounts_missing = n_accounts THEN 'not_received'
             ELSE 'partly_received' END AS judgement,
        judged_months, judged_days, bucket_days
    FROM final;

-- Campaign participation, the one definition: every campaign x every expected-to-post OPD in
-- scope, with its posts tagged for the campaign (post_campaign) published in the period on the
-- chosen platforms; participated = at least one such post. Grain: campaign x OPD.
CREATE OR REPLACE MACRO campaign_participation(start_d, end_excl, platforms, opd_kinds,
                                               opd_ids) AS TABLE
    WITH tagged AS (
        SELECT pc.campaign_id, p.opd_id, count(DISTINCT p.post_key) AS campaign_posts,
               min(p.published_at) AS first_post_at, max(p.published_at) AS last_post_at
        FROM scoped_posts(start_d, end_excl, platforms, opd_kinds, opd_ids) p
        JOIN post_campaign pc USING (post_key)
        GROUP BY pc.campaign_id, p.opd_id
    )
    SELECT
        c.campaign_id, o.opd_id, o.opd, o.opd_short, o.opd_kind,
        coalesce(t.campaign_posts, 0) AS campaign_posts,
        t.first_post_at, t.last_post_at,
        coalesce(t.campaign_posts, 0) > 0 AS participated
    FROM campaign c
    CROSS JOIN scoped_opds(opd_kinds, opd_ids) o
    LEFT JOIN tagged t ON t.campaign_id = c.campaign_id AND t.opd_id = o.opd_id
    WHERE o.expected_to_post;
