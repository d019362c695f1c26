-- The dashboard's scope and its activity rule, each written once (in the spirit of dbt:
-- views 010-021 stage the data, these macros define scope and activity, the q_*.sql files
-- are the marts and read posts and OPDs only through them).
--
-- Filter arguments are what the sidebar binds: start_d inclusive, end_excl exclusive (dates),
-- platforms / opd_kinds / opd_ids lists where an empty list means "all".

-- Whether a platform is one the sidebar chose (an empty list: all): the one definition of the
-- platform filter (the scoped_* macros; tables kept beside posts, views/140_content_counts.sql).
CREATE OR REPLACE MACRO platform_in_scope(platforms, platform) AS
    len(platforms) = 0 OR list_contains(platforms, platform);

-- Whether an OPD (its kind and id) is one the sidebar chose: the one definition of the OPD
-- filter (scoped_opds; tables kept beside posts that need no more of the OPD than that).
CREATE OR REPLACE MACRO opd_in_scope(opd_kinds, opd_ids, opd_kind, opd_id) AS
    (len(opd_kinds) = 0 OR list_contains(opd_kinds, opd_kind))
    AND (len(opd_ids) = 0 OR list_contains(opd_ids, opd_id));

-- OPDs in scope (kind and OPD filters). Grain: OPD (v_opd_profile's columns).
CREATE OR REPLACE MACRO scoped_opds(opd_kinds, opd_ids) AS TABLE
    SELECT * FROM v_opd_profile
    WHERE opd_in_scope(opd_kinds, opd_ids, opd_kind, opd_id);

-- The OPDs in scope with only the opd table's own columns, named as v_opd_profile names them
-- (opd_id, opd, opd_short, opd_kind, parent_opd_id, expected_to_post): scoped_opds's rows (one
-- per OPD in scope) for a query that needs none of v_opd_profile's account and operator
-- columns. Those are an aggregate over the accounts, and planning it again inside every macro
-- of the activity judgement cost more than the judgement reads.
CREATE OR REPLACE MACRO scoped_opd_table(opd_kinds, opd_ids) AS TABLE
    SELECT opd_id, name AS opd, short_name AS opd_short, kind AS opd_kind, parent_opd_id,
           expected_to_post
    FROM opd
    WHERE opd_in_scope(opd_kinds, opd_ids, kind, opd_id);

-- Official accounts of the OPDs in scope on the chosen platforms, only account_id, opd_id and
-- platform (scoped_accounts's rows, the OPD read as scoped_opd_table).
CREATE OR REPLACE MACRO scoped_account_keys(platforms, opd_kinds, opd_ids) AS TABLE
    SELECT a.account_id, a.opd_id, a.platform FROM account a
    SEMI JOIN scoped_opd_table(opd_kinds, opd_ids) o USING (opd_id)
    WHERE platform_in_scope(platforms, a.platform);

-- Official accounts of the OPDs in scope on the chosen platforms with the account table's
-- columns and, of the OPD, only the opd table's own (scoped_opd_table's opd, opd_short,
-- opd_kind, expected_to_post): scoped_accounts's rows for a query that needs none of
-- v_opd_profile's aggregate over the accounts (q_coverage_accounts.sql).
CREATE OR REPLACE MACRO scoped_account_table(platforms, opd_kinds, opd_ids) AS TABLE
    SELECT a.*, o.opd, o.opd_short, o.opd_kind, o.expected_to_post FROM account a
    JOIN scoped_opd_table(opd_kinds, opd_ids) o USING (opd_id)
    WHERE platform_in_scope(platforms, a.platform);

-- account_link: where an account can be opened: the URL the master list wrote, else its profile
-- address built from a written handle ("@kec.mekarjaya" -> https://www.instagram.com/kec.mekarjaya/);
-- null for a handle written as a name (a Facebook Page's "Pemdes Sukamulya": no address known).
CREATE OR REPLACE MACRO account_link(platform, handle, url) AS
    CASE
        WHEN url IS NOT NULL THEN url
        WHEN handle IS NULL OR regexp_matches(trim(handle), '\s') THEN NULL
        WHEN platform = 'instagram' THEN 'https://www.instagram.com/' || ltrim(trim(handle), '@') || '/'
        WHEN platform = 'tiktok' THEN 'https://www.tiktok.com/@' || ltrim(trim(handle), '@')
        WHEN platform = 'x' THEN 'https://x.com/' || ltrim(trim(handle), '@')
        WHEN platform = 'youtube' THEN 'https://www.youtube.com/@' || ltrim(trim(handle), '@')
        WHEN platform = 'facebook' THEN 'https://www.facebook.com/' || ltrim(trim(handle), '@')
    END;

-- Official accounts of the OPDs in scope on the chosen platforms. Grain: account (the account
-- table's columns, then opd and opd_kind).
CREATE OR REPLACE MACRO scoped_accounts(platforms, opd_kinds, opd_ids) AS TABLE
    SELECT a.*, o.opd, o.opd_kind FROM account a
    JOIN scoped_opds(opd_kinds, opd_ids) o USING (opd_id)
    WHERE platform_in_scope(platforms, a.platform);

-- Posts of the OPDs in scope on the chosen platforms, any date. Grain: post (v_post_facts).
CREATE OR REPLACE MACRO scoped_posts_all(platforms, opd_kinds, opd_ids) AS TABLE
    SELECT p.* FROM v_post_facts p
    SEMI JOIN scoped_opds(opd_kinds, opd_ids) o USING (opd_id)
    WHERE platform_in_scope(platforms, p.platform);

-- The same, published in [start_d, end_excl). Grain: post.
CREATE OR REPLACE MACRO scoped_posts(start_d, end_excl, platforms, opd_kinds, opd_ids) AS TABLE
    SELECT * FROM scoped_posts_all(platforms, opd_kinds, opd_ids)
    WHERE published_at >= start_d AND published_at < end_excl;

-- A per-month count scaled to [start_d, end_excl): every calendar month counts by the share of
-- its days inside the period (a whole month 1, February as much as March; 20 of November's 30
-- days 20/30), the shares are summed and per_month x the sum is rounded up, at least 1. So
-- whole months -> per_month x months; 1 Jun - 20 Nov at 4 a month -> 4 x 5 + 4 x 20/30 = 22.67
-- -> 23; a week in June -> 4 x 7/30 -> 1. Exact integer arithmetic (no float rounding at whole
-- numbers). Pengaturan explains this rule (warehouse.analyst_settings).
CREATE OR REPLACE MACRO scaled_count(per_month, start_d, end_excl) AS
    CAST(greatest(1, (
        CAST(per_month AS BIGINT) * (
            ((year(CAST(end_excl AS DATE)) - year(CAST(start_d AS DATE))) * 12
             + month(CAST(end_excl AS DATE)) - month(CAST(start_d AS DATE)))
                * day(last_day(CAST(start_d AS DATE))) * day(last_day(CAST(end_excl AS DATE)))
            - (day(CAST(start_d AS DATE)) - 1) * day(last_day(CAST(end_excl AS DATE)))
            + (day(CAST(end_excl AS DATE)) - 1) * day(last_day(CAST(start_d AS DATE))))
        + day(last_day(CAST(start_d AS DATE))) * day(last_day(CAST(end_excl AS DATE))) - 1)
        // (day(last_day(CAST(start_d AS DATE))) * day(last_day(CAST(end_excl AS DATE)))))
    AS INTEGER);

-- The end (exclusive) a period is judged to: the period cut at the data end, for every OPD
-- alike. data_end is the value of v_data_end (views/025_v_coverage.sql, THE definition), read
-- once per data version by the caller and passed in (warehouse.queries.run binds $data_end), so
-- no macro call plans or runs the view again. [start_d, end_excl) running past the last day
-- any data reaches is judged over [start_d, data_end + 1); the days after it hold no data.
-- Not cut: a period that ends by the data end, or lies wholly after it (nothing to judge on: its
-- OPDs are no_data), or an empty warehouse (data_end null).
CREATE OR REPLACE MACRO judged_end(start_d, end_excl, data_end) AS
    coalesce(CASE WHEN CAST(data_end AS DATE) >= CAST(start_d AS DATE)
                   AND CAST(data_end AS DATE) + 1 < CAST(end_excl AS DATE)
                  THEN CAST(data_end AS DATE) + 1 END,
             CAST(end_excl AS DATE));

-- The minimum for the judged days [lo, hi) of one bucket (bucket_start_d, its first day; NULL:
-- the bucket as a whole): 'day' 1; a Monday week ceil(per_week x days / 7) when it holds fewer
-- than its 7 days, else per_week; a calendar month scaled_count over its days when it holds
-- fewer than all of them, else per_month; 'period' scaled_count over [lo, hi). The rule of
-- activity_minimum below; judged_buckets passes each bucket's span, bucket_minimum derives it.
CREATE OR REPLACE MACRO span_minimum(bucket, lo, hi, per_month, per_week, bucket_start_d) AS
    CAST(CASE bucket
        WHEN 'day' THEN 1
        WHEN 'week' THEN CASE
            WHEN bucket_start_d IS NOT NULL AND CAST(hi AS DATE) - CAST(lo AS DATE) < 7
            THEN greatest(1, ceil(per_week * (CAST(hi AS DATE) - CAST(lo AS DATE)) / 7))
            ELSE per_week END
        WHEN 'month' THEN CASE
            WHEN CAST(lo AS DATE) > CAST(bucket_start_d AS DATE)
                 OR CAST(hi AS DATE)
                    < CAST(CAST(bucket_start_d AS DATE) + INTERVAL 1 MONTH AS DATE)
            THEN scaled_count(per_month, lo, hi)
            ELSE per_month END
        ELSE scaled_count(per_month, lo, hi)
    END AS INTEGER);

-- The minimum for one bucket given the judged end at hand (judged_end_d, exclusive): span_minimum
-- over the bucket's days inside [start_d, judged_end_d) (bucket_end: a month or week the chosen
-- period's start or end, or the data end, cuts holds fewer than all its days). data_end: kept
-- in the signature for the callers; the data end reaches the minimum through judged_end_d.
CREATE OR REPLACE MACRO bucket_minimum(bucket, start_d, judged_end_d, per_month, per_week,
                                       bucket_start_d, data_end) AS
    span_minimum(bucket, greatest(CAST(bucket_start_d AS DATE), CAST(start_d AS DATE)),
                 bucket_end(bucket, bucket_start_d, judged_end_d), per_month, per_week,
                 bucket_start_d);

-- THE minimum posts on one account for an OPD to be active in one bucket, over the period as
-- judged (judged_end: cut at the data end): the whole period ('period': the monthly minimum
-- scaled to the judged period by scaled_count), a Monday week (the weekly minimum), a day (1),
-- a calendar month (the monthly minimum). A month or week bucket (bucket_start_d, its first
-- day) of which the judged period holds only some days (the chosen start or end cuts it, or
-- the data end: a running month) needs its share of them: "1-14 Sep" at 4 a month -> 4 x
-- 14/30 -> 2, "s.d. 20 Nov" -> 4 x 20/30 -> 3, a week ceil(per_week x days / 7); so a month
-- cell of Keaktifan's grid and the period's index judge the same days alike. data_end:
-- v_data_end's value (judged_end).
CREATE OR REPLACE MACRO activity_minimum(bucket, start_d, end_excl, per_month, per_week,
                                         data_end, bucket_start_d := NULL) AS
    bucket_minimum(bucket, start_d, judged_end(start_d, end_excl, data_end), per_month, per_week,
                   bucket_start_d, data_end);

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

-- Whether the posts the rule counts reach the minimum: THE comparison of the activity rule,
-- read by opd_activity and opd_judgement.
CREATE OR REPLACE MACRO meets_minimum(counted_n, required_n) AS counted_n >= required_n;

-- The day a date-valued bound stands for. The activity rule counts whole days
-- (post_day_count): a bound with a time of day would count part of a day, so it is refused.
CREATE OR REPLACE MACRO whole_day(bound) AS
    CASE WHEN CAST(bound AS TIMESTAMP) = CAST(CAST(bound AS DATE) AS TIMESTAMP)
         THEN CAST(bound AS DATE)
         ELSE error('activity bounds are whole days: ' || CAST(bound AS VARCHAR)) END;

-- From posts counted per account (the relation named per_account: bucket columns, opd_id, platform,
-- account_key, n), the posts the activity rule counts per bucket and OPD: every column but
-- account_key and n is the grouping (period_start, opd_id, platform; opd_judgement_of's bucket
-- number i too), then posts, max_account_posts, counted_posts (counted_posts, by `rule`). Read
-- by opd_counts and opd_judgement_of: the rule's count written once.
CREATE OR REPLACE MACRO opd_counted(per_account, rule) AS TABLE
    SELECT * EXCLUDE (account_key, n), sum(n) AS posts, max(n) AS max_account_posts,
           counted_posts(rule, max(n), sum(n)) AS counted_posts
    FROM query_table(per_account)
    GROUP BY ALL;

-- The posts the activity rule counts, per bucket and OPD (x platform when by_platform), without
-- the minimum: only OPDs with a post in the bucket. "Account" is account_key (v_post_facts): the
-- official account, or the platform for logbook rows matched to no account. Columns:
-- period_start (bucket start; start_d for 'period'), opd_id, platform (null unless
-- by_platform), posts, max_account_posts, counted_posts (counted_posts, by `rule`).
-- counted_before (optional): only posts published before it count. The posts are counted from
-- post_day_count (per account per day, kept equal to posts at every write:
-- warehouse/day_counts.py), which gives the same counts as scoped_posts for bounds that are
-- whole days (dates, as every caller passes; whole_day refuses others). Read by opd_activity
-- and by opd_judgement, which holds each bucket's minimum already (so the minimum, costly to
-- plan, is written once per statement).
CREATE OR REPLACE MACRO opd_counts(bucket, start_d, end_excl, platforms, opd_kinds, opd_ids,
                                   rule, by_platform, counted_before := NULL) AS TABLE
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
        SEMI JOIN scoped_opd_table(opd_kinds, opd_ids) o USING (opd_id)
        WHERE (len(platforms) = 0 OR list_contains(platforms, d.platform))
          AND d.pub_date >= whole_day(start_d) AND d.pub_date < whole_day(end_excl)
          AND (counted_before IS NULL OR d.pub_date < whole_day(counted_before))
        GROUP BY ALL
    )
    SELECT * FROM opd_counted('per_account', rule);

-- THE activity rule: an OPD is active in a bucket when counted_posts (the busiest account's
-- posts, or all accounts' posts, by `rule`: opd_counts) reach activity_minimum there.
-- Grain: bucket x OPD (x platform when by_platform), only OPDs with a post in the bucket: an
-- OPD absent here posted nothing and is not active. Columns: opd_counts's, then
-- required_posts, is_active. counted_before (optional): only posts published before it count,
-- the minimum stays the bucket's (an OPD judged part-way through a period). data_end:
-- v_data_end's value (judged_end).
CREATE OR REPLACE MACRO opd_activity(bucket, start_d, end_excl, platforms, opd_kinds, opd_ids,
                                     per_month, per_week, rule, by_platform, data_end,
                                     counted_before := NULL) AS TABLE
    WITH per_opd AS (
        SELECT * FROM opd_counts(bucket, start_d, end_excl, platforms, opd_kinds, opd_ids, rule,
                                 by_platform, counted_before := counted_before)
    ),
    -- The minimum once per bucket, not once per OPD: activity_minimum as it is defined
    -- (bucket_minimum over judged_end), with the judged end computed once as a column (a
    -- macro's argument is copied wherever the macro uses it, and planning the copies of
    -- judged_end inside bucket_minimum and scaled_count cost more than the whole count).
    cut AS (
        SELECT CAST(start_d AS DATE) AS s, judged_end(start_d, end_excl, data_end) AS j,
               CAST(data_end AS DATE) AS de
    ),
    minima AS (
        SELECT b.period_start,
               bucket_minimum(bucket, c.s, c.j, per_month, per_week, b.period_start, c.de)
                   AS required_posts
        FROM (SELECT DISTINCT period_start FROM per_opd) b, cut c
    )
    SELECT p.period_start, p.opd_id, p.platform, p.posts, p.max_account_posts, p.counted_posts,
           m.required_posts, meets_minimum(p.counted_posts, m.required_posts) AS is_active
    FROM per_opd p
    JOIN minima m USING (period_start);

-- The first day of the bucket a day falls in ('period': the period's own start).
CREATE OR REPLACE MACRO bucket_start(bucket, day_d, start_d) AS
    CASE bucket
        WHEN 'day' THEN CAST(day_d AS DATE)
        WHEN 'week' THEN CAST(date_trunc('week', day_d) AS DATE)
        WHEN 'month' THEN CAST(date_trunc('month', day_d) AS DATE)
        ELSE CAST(start_d AS DATE)
    END;

-- The part of THE coverage rule (opd_coverage_given) for the OPDs with no account in scope,
-- given per bucket (i, period_start) its length in days (relation named lengths: n_days) and
-- per OPD the days its own loads cover on the platforms in scope (waited_days: opd_id, n_days).
-- Such an OPD is complete when it never sent data of its own (a live load naming it, on a
-- platform in scope or none), else on the days its loads cover. Columns as opd_coverage_given's.
-- Read by opd_coverage_given and by q_coverage_bare_opds.sql (the collection checklist).
CREATE OR REPLACE MACRO opd_coverage_bare_given(lengths, waited_days, platforms, opd_kinds,
                                                opd_ids) AS TABLE
    WITH l AS (SELECT i, period_start, n_days FROM query_table(lengths)),
    acc AS (SELECT account_id, opd_id FROM scoped_account_keys(platforms, opd_kinds, opd_ids)),
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
    waited AS (SELECT DISTINCT opd_id FROM sent)
    -- The days of the bucket those loads cover: waited_days.
    SELECT l.i, l.period_start, b.opd_id, 0 AS n_accounts, 0 AS n_accounts_complete,
           0 AS n_accounts_missing,
           w.opd_id IS NULL OR coalesce(d.n_days, 0) = l.n_days AS data_complete,
           w.opd_id IS NOT NULL AND coalesce(d.n_days, 0) = 0 AS data_missing
    FROM l
    CROSS JOIN bare b
    LEFT JOIN waited w ON w.opd_id = b.opd_id
    LEFT JOIN query_table(waited_days) d
      ON d.i = l.i AND d.period_start = l.period_start AND d.opd_id = b.opd_id;

-- THE coverage rule of opd_coverage_of, given per bucket (i, period_start) its length in days
-- (relation named lengths: n_days), per account the days of it some live load covers (covered:
-- account_id, n_days; an account out of scope is not read) and per OPD the days its own loads
-- cover on the platforms in scope (waited_days: opd_id, n_days; read for an OPD with no
-- account in scope: opd_coverage_bare_given). Read by opd_coverage_of (counted from the days)
-- and by opd_judgement_months (from the months kept whole: coverage_month,
-- coverage_opd_month).
CREATE OR REPLACE MACRO opd_coverage_given(lengths, covered, waited_days, platforms, opd_kinds,
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
    )
    SELECT *, n_accounts_complete = n_accounts AS data_complete,
           n_accounts_missing = n_accounts AS data_missing
    FROM per_opd
    UNION ALL BY NAME
    SELECT * FROM opd_coverage_bare_given(lengths, waited_days, platforms, opd_kinds, opd_ids);

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
CREATE OR REPLACE MACRO opd_coverage_of(bucket_days, platforms, opd_kinds, opd_ids) AS TABLE
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
    SELECT * FROM opd_coverage_given('lengths', 'covered', 'waited_days', platforms, opd_kinds,
                                     opd_ids);

-- opd_coverage_of over the buckets of [start_d, end_excl) (bucket_start), without i.
CREATE OR REPLACE MACRO opd_coverage(bucket, start_d, end_excl, platforms, opd_kinds,
                                     opd_ids) AS TABLE
    WITH bounds AS (SELECT CAST(end_excl AS DATE) AS end_d),
    coverage_days AS (
        SELECT 1 AS i, CAST(t.d AS DATE) AS day,
               bucket_start(bucket, CAST(t.d AS DATE), start_d) AS period_start
        FROM bounds, generate_series(CAST(CAST(start_d AS DATE) AS TIMESTAMP),
                                     CAST(bounds.end_d - 1 AS TIMESTAMP),
                                     INTERVAL 1 DAY) AS t(d)
    )
    SELECT * EXCLUDE (i) FROM opd_coverage_of('coverage_days', platforms, opd_kinds, opd_ids);

-- The end (exclusive) of the days counted for a bucket that starts on period_start inside
-- [start_d, end_excl): the bucket's own end (a day, a Monday week, a calendar month; 'period':
-- end_excl), cut at end_excl.
CREATE OR REPLACE MACRO bucket_end(bucket, period_start, end_excl) AS
    least(CASE bucket
              WHEN 'day' THEN CAST(period_start AS DATE) + 1
              WHEN 'week' THEN CAST(period_start AS DATE) + 7
              WHEN 'month' THEN CAST(CAST(period_start AS DATE) + INTERVAL 1 MONTH AS DATE)
              ELSE CAST(end_excl AS DATE)
          END, CAST(end_excl AS DATE));

-- The buckets the judgement judges, for each period i of the lists starts / ends_excl (1-based;
-- start inclusive, end exclusive): the buckets (bucket_start) of the period's days up to its
-- judged end (judged_end: cut at the data end; buckets after it are not judged), each as a
-- span of days: period_start, lo (its first day in the period), hi (exclusive: its judged
-- days are [lo, hi)), count_hi (exclusive: its posts are counted over [lo, count_hi), the
-- period as given: bucket_end), required_posts (activity_minimum of the bucket, bucket_minimum
-- with the period's judged end), judged_through (the period's last day judged). The periods
-- read no row of one another (several periods, one plan: no lateral call).
CREATE OR REPLACE MACRO judged_buckets(bucket, starts, ends_excl, per_month, per_week,
                                       data_end) AS TABLE
    WITH periods AS (
        SELECT i, CAST(starts[i] AS DATE) AS start_d, CAST(ends_excl[i] AS DATE) AS end_excl,
               judged_end(starts[i], ends_excl[i], data_end) AS judged_end_excl
        FROM range(1, len(starts) + 1) t(i)
    ),
    all_days AS (
        SELECT CAST(unnest(generate_series(CAST(min(start_d) AS TIMESTAMP),
                                           CAST(max(judged_end_excl) - 1 AS TIMESTAMP),
                                           INTERVAL 1 DAY)) AS DATE) AS day
        FROM periods
    ),
    spans AS (
        SELECT p.i, bucket_start(bucket, d.day, p.start_d) AS period_start,
               min(d.day) AS lo, max(d.day) + 1 AS hi
        FROM periods p
        JOIN all_days d ON d.day >= p.start_d AND d.day < p.judged_end_excl
        GROUP BY ALL
    )
    SELECT s.i, s.period_start, s.lo, s.hi,
           CASE WHEN s.hi < p.judged_end_excl THEN s.hi
                ELSE bucket_end(bucket, s.period_start, p.end_excl) END AS count_hi,
           span_minimum(bucket, s.lo, s.hi, per_month, per_week, s.period_start)
               AS required_posts,
           p.judged_end_excl - 1 AS judged_through
    FROM spans s
    JOIN periods p USING (i);

-- The buckets the periods' judgement statements judge (q_periods_judgement.sql and its months
-- and mixed forms, written once here): the 'period' bucket of each period i of starts /
-- ends_excl (judged_buckets), and, when `months`, each calendar month of the first period as
-- i = 0. Columns: judged_buckets'.
CREATE OR REPLACE MACRO periods_buckets(starts, ends_excl, months, per_month, per_week,
                                        data_end) AS TABLE
    SELECT * FROM judged_buckets('period', starts, ends_excl, per_month, per_week, data_end)
    UNION ALL
    SELECT 0 AS i, * EXCLUDE (i)
    FROM judged_buckets('month', [starts[1]], [ends_excl[1]], per_month, per_week, data_end)
    WHERE months;

-- The judgement's rows (the relation named judged) with the OPD's name (opd) last, for the
-- OPDs in scope: the periods' judgement statements' rows.
CREATE OR REPLACE MACRO judged_with_names(judged, opd_kinds, opd_ids) AS TABLE
    SELECT j.*, o.opd
    FROM query_table(judged) j
    JOIN scoped_opd_table(opd_kinds, opd_ids) o USING (opd_id);

-- The judgement's rows from what opd_judgement_of and opd_judgement_months count: per bucket
-- and account its posts (the relation named per_account: i, period_start, opd_id, platform,
-- account_key, n; counted by the rule, opd_counted, against the bucket's required_posts),
-- per bucket and OPD its coverage (cov: opd_coverage_given's rows), the buckets (buckets:
-- judged_buckets' columns). Every OPD in scope x every bucket; columns i, then opd_judgement's.
CREATE OR REPLACE MACRO opd_judged(buckets, per_account, cov, opd_kinds, opd_ids, rule) AS TABLE
    WITH bk AS (SELECT * FROM query_table(buckets)),
    act AS (
        SELECT c.*, meets_minimum(c.counted_posts, bk.required_posts) AS is_active
        FROM opd_counted(per_account, rule) c
        JOIN bk USING (i, period_start)
    ),
    judged AS (
        SELECT
            bk.i, bk.period_start, o.opd_id, o.opd_kind, o.expected_to_post,
            coalesce(a.posts, 0) AS posts,
            coalesce(a.max_account_posts, 0) AS max_account_posts,
            coalesce(a.counted_posts, 0) AS counted_posts,
            bk.required_posts,
            coalesce(a.is_active, false) AS is_active,
            coalesce(c.data_complete, true) AS data_complete,
            coalesce(c.n_accounts, 0) AS n_accounts,
            coalesce(c.n_accounts_missing, 0) AS n_accounts_missing,
            coalesce(c.data_missing, false) AS data_missing,
            bk.judged_through
        FROM scoped_opd_table(opd_kinds, opd_ids) o
        CROSS JOIN bk
        LEFT JOIN act a
          ON a.opd_id = o.opd_id AND a.i = bk.i AND a.period_start = bk.period_start
        LEFT JOIN query_table(cov) c
          ON c.opd_id = o.opd_id AND c.i = bk.i AND c.period_start = bk.period_start
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

-- THE judgement of the buckets in the relation named buckets (judged_buckets' columns: i,
-- period_start, lo, hi, count_hi, required_posts, judged_through; buckets of several periods
-- and kinds may stand side by side, each judged on its own rows): every OPD in scope x every
-- bucket. Columns: i, then opd_judgement's. The posts of a bucket are counted over
-- [lo, count_hi) (post_day_count, by the rule: opd_counted), its coverage over [lo, hi)
-- (opd_coverage_of), so one plan judges all of them; opd_judged reads them together.
CREATE OR REPLACE MACRO opd_judgement_of(buckets, platforms, opd_kinds, opd_ids, rule,
                                         counted_before := NULL) AS TABLE
    WITH b AS (SELECT * FROM query_table(buckets)),
    all_days AS (
        SELECT CAST(unnest(generate_series(CAST(min(lo) AS TIMESTAMP),
                                           CAST(max(count_hi) - 1 AS TIMESTAMP),
                                           INTERVAL 1 DAY)) AS DATE) AS day
        FROM b
    ),
    count_days AS (
        SELECT b.i, b.period_start, d.day, d.day < b.hi AS judged
        FROM b JOIN all_days d ON d.day >= b.lo AND d.day < b.count_hi
    ),
    judged_days AS (SELECT i, period_start, day FROM count_days WHERE judged),
    -- posts per bucket and account from the per-day rows (post_day_count, kept equal to posts
    -- at every write: warehouse/day_counts.py), in scope as scoped_posts
    per_account AS (
        SELECT x.i, x.period_start, d.opd_id, NULL AS platform, d.account_key,
               CAST(sum(d.posts) AS BIGINT) AS n
        FROM post_day_count d
        JOIN count_days x ON x.day = d.pub_date
        SEMI JOIN scoped_opd_table(opd_kinds, opd_ids) o USING (opd_id)
        WHERE platform_in_scope(platforms, d.platform)
          AND (counted_before IS NULL OR d.pub_date < whole_day(counted_before))
        GROUP BY ALL
    ),
    cov AS (SELECT * FROM opd_coverage_of('judged_days', platforms, opd_kinds, opd_ids))
    SELECT * FROM opd_judged('b', 'per_account', 'cov', opd_kinds, opd_ids, rule);

-- The same judgement (opd_judgement_of's rows, every column) of buckets that are whole calendar
-- months ([lo, hi) from a month's first day to a later month's first day, posts counted over
-- the same days: count_hi = hi; a bucket that is not is an error, never a wrong count), read
-- from the inputs kept per month (migration 380): posts per account and month
-- (post_month_count), days covered per account and month (coverage_month) and the days an
-- OPD's own loads cover per month (coverage_opd_month, a set of days: counted once over the
-- platforms in scope). The same rules (opd_counted, opd_coverage_given, opd_judged) over the
-- same sums. Read by q_periods_judgement_months.sql (warehouse.queries.judgement: periods of
-- whole months the data end does not cut).
CREATE OR REPLACE MACRO opd_judgement_months(buckets, platforms, opd_kinds, opd_ids,
                                             rule) AS TABLE
    WITH b AS (SELECT * FROM query_table(buckets)),
    months AS (
        SELECT i, period_start,
               CAST(unnest(generate_series(
                   CAST(CASE WHEN day(lo) = 1 AND day(hi) = 1 AND count_hi = hi THEN lo
                             ELSE error('not a bucket of whole months: '
                                        || CAST(lo AS VARCHAR) || ' - '
                                        || CAST(count_hi AS VARCHAR)) END AS TIMESTAMP),
                   CAST(hi AS TIMESTAMP) - INTERVAL 1 DAY, INTERVAL 1 MONTH)) AS DATE)
                   AS month_start
        FROM b
    ),
    per_account AS (
        SELECT x.i, x.period_start, d.opd_id, NULL AS platform, d.account_key,
               CAST(sum(d.posts) AS BIGINT) AS n
        FROM post_month_count d
        JOIN months x USING (month_start)
        SEMI JOIN scoped_opd_table(opd_kinds, opd_ids) o USING (opd_id)
        WHERE platform_in_scope(platforms, d.platform)
        GROUP BY ALL
    ),
    lengths AS (SELECT i, period_start, hi - lo AS n_days FROM b),
    covered AS (
        SELECT x.i, x.period_start, c.account_id, sum(c.n_days) AS n_days
        FROM coverage_month c
        JOIN months x USING (month_start)
        GROUP BY ALL
    ),
    opd_months AS (
        SELECT opd_id, month_start, bit_or(day_bits) AS day_bits
        FROM coverage_opd_month
        WHERE platform IS NULL OR platform_in_scope(platforms, platform)
        GROUP BY ALL
    ),
    waited_days AS (
        SELECT x.i, x.period_start, s.opd_id, sum(bit_count(s.day_bits)) AS n_days
        FROM opd_months s
        JOIN months x USING (month_start)
        GROUP BY ALL
    ),
    cov AS (SELECT * FROM opd_coverage_given('lengths', 'covered', 'waited_days', platforms,
                                             opd_kinds, opd_ids))
    SELECT * FROM opd_judged('b', 'per_account', 'cov', opd_kinds, opd_ids, rule);

-- The same judgement (opd_judgement_of's rows, every column) of any buckets (judged_buckets'
-- columns), each bucket read per calendar month it touches (pieces): the coverage of every
-- such month from the inputs kept per month (days covered per account, coverage_month, and
-- the days an OPD's own loads cover, coverage_opd_month: their day_bits masked to the month's
-- days in [lo, hi)), the posts of its whole months from post_month_count and of the days of a
-- month the period's start, its end or the data end cuts from post_day_count. The pieces hold
-- disjoint days, so their sums are the sums over every day: posts per account over
-- [lo, count_hi), days covered per account and days an OPD's own loads cover over [lo, hi).
-- The same rules (opd_counted, opd_coverage_given, opd_judged) over the same sums. Read by
-- q_periods_judgement_mixed.sql (warehouse.queries.judgement: the KPI tiles' periods that are
-- not all whole months the data end leaves uncut, e.g. the running month's).
CREATE OR REPLACE MACRO opd_judgement_mixed(buckets, platforms, opd_kinds, opd_ids,
                                            rule) AS TABLE
    WITH b AS (SELECT * FROM query_table(buckets)),
    -- every month [lo, count_hi) touches: its counted days [c_lo, c_hi) and the mask of its
    -- judged days [lo, hi) (bit d - 1 for day d, as day_bits; 0 past hi)
    pieces AS (
        SELECT i, period_start, month_start,
               greatest(lo, month_start) AS c_lo,
               least(count_hi, month_end) AS c_hi,
               greatest(lo, month_start) = month_start AND least(count_hi, month_end) = month_end
                   AS whole,
               CASE WHEN least(hi, month_end) > greatest(lo, month_start)
                    THEN (CAST(1 AS BIGINT) << day(least(hi, month_end) - 1))
                         - (CAST(1 AS BIGINT) << (day(greatest(lo, month_start)) - 1))
                    ELSE 0 END AS judged_bits
        FROM (
            SELECT *, CAST(month_start + INTERVAL 1 MONTH AS DATE) AS month_end
            FROM (
                SELECT i, period_start, lo, hi, count_hi,
                       CAST(unnest(generate_series(CAST(date_trunc('month', lo) AS TIMESTAMP),
                                                   CAST(count_hi AS TIMESTAMP) - INTERVAL 1 DAY,
                                                   INTERVAL 1 MONTH)) AS DATE) AS month_start
                FROM b
            )
        )
    ),
    count_days AS (
        SELECT i, period_start,
               CAST(unnest(generate_series(CAST(c_lo AS TIMESTAMP),
                                           CAST(c_hi AS TIMESTAMP) - INTERVAL 1 DAY,
                                           INTERVAL 1 DAY)) AS DATE) AS day
        FROM pieces WHERE NOT whole
    ),
    per_account AS (
        SELECT i, period_start, opd_id, NULL AS platform, account_key,
               CAST(sum(n) AS BIGINT) AS n
        FROM (
            SELECT x.i, x.period_start, d.opd_id, d.account_key, d.posts AS n
            FROM post_month_count d
            JOIN pieces x ON x.month_start = d.month_start AND x.whole
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
    judged_months AS (SELECT * FROM pieces WHERE judged_bits <> 0),
    covered AS (
        SELECT x.i, x.period_start, c.account_id,
               sum(bit_count(CAST(c.day_bits AS BIGINT) & x.judged_bits)) AS n_days
        FROM coverage_month c
        JOIN judged_months x USING (month_start)
        GROUP BY ALL
    ),
    waited_days AS (
        SELECT x.i, x.period_start, s.opd_id,
               sum(bit_count(CAST(s.day_bits AS BIGINT) & x.judged_bits)) AS n_days
        FROM (
            SELECT opd_id, month_start, bit_or(day_bits) AS day_bits
            FROM coverage_opd_month
            WHERE platform IS NULL OR platform_in_scope(platforms, platform)
            GROUP BY ALL
        ) s
        JOIN judged_months x USING (month_start)
        GROUP BY ALL
    ),
    cov AS (SELECT * FROM opd_coverage_given('lengths', 'covered', 'waited_days', platforms,
                                             opd_kinds, opd_ids))
    SELECT * FROM opd_judged('b', 'per_account', 'cov', opd_kinds, opd_ids, rule);

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
-- An OPD without an account in scope: complete as opd_coverage says (nothing to wait for,
-- unless it ever sent a logbook or an export of its own: then those).
-- is_judged = active or inactive (the denominator of a rate). judged_through: the last day
-- judged (the data end when it cuts the period, else the period's last day).
-- Arguments as opd_activity's (data_end: v_data_end's value, see judged_end).
CREATE OR REPLACE MACRO opd_judgement(bucket, start_d, end_excl, platforms, opd_kinds, opd_ids,
                                      per_month, per_week, rule, data_end,
                                      counted_before := NULL) AS TABLE
    WITH buckets AS (
        SELECT * FROM judged_buckets(bucket, [start_d], [end_excl], per_month, per_week,
                                     data_end)
    )
    SELECT * EXCLUDE (i)
    FROM opd_judgement_of('buckets', platforms, opd_kinds, opd_ids, rule,
                          counted_before := counted_before);

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
