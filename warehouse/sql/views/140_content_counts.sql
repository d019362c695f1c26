-- Content counts: posts per bucket, OPD, platform, content label and figure flag, the one
-- source of the content-label figures (q_content_mix, q_content_figures).

-- post_content_month as counted from posts now (v_post_facts: the label users read, an override
-- winning; engagement and has_interaction as every figure reads them), for the OPDs
-- only_opd_ids (NULL: all) and posts published in [from_d, to_excl) (NULL: unbounded).
-- Grain and columns: the table's (migrations/140_post_content_month.sql,
-- 160_post_content_month_metrics.sql and 310_post_content_month_last_post.sql), in its column
-- order.
CREATE OR REPLACE MACRO post_content_month_recount(only_opd_ids, from_d, to_excl) AS TABLE
    SELECT opd_id, platform, month_start, content_type, is_figure_centric, count(*) AS posts,
           count(*) FILTER (WHERE has_interaction) AS interaction_posts,
           CAST(sum(engagement) FILTER (WHERE has_interaction) AS BIGINT)
               AS interaction_engagement,
           count(*) FILTER (WHERE reach > 0) AS reach_posts,
           CAST(sum(engagement) FILTER (WHERE reach > 0) AS BIGINT) AS reach_engagement,
           CAST(sum(reach) FILTER (WHERE reach > 0) AS BIGINT) AS reach,
           max(published_at) AS last_posted_at
    FROM v_post_facts
    WHERE (only_opd_ids IS NULL OR list_contains(only_opd_ids, opd_id))
      AND (from_d IS NULL OR published_at >= from_d)
      AND (to_excl IS NULL OR published_at < to_excl)
    GROUP BY opd_id, platform, month_start, content_type, is_figure_centric;

-- post_content_day as counted from posts now (v_post_facts: the label users read, an override
-- winning; is_kinerja, is_ucapan, is_figure, engagement and has_interaction as every figure
-- reads them), for the OPDs only_opd_ids (NULL: all) and posts published in [from_d, to_excl)
-- (NULL: unbounded). Grain and columns: the table's (migrations/420_post_content_day.sql), in
-- its column order.
CREATE OR REPLACE MACRO post_content_day_recount(only_opd_ids, from_d, to_excl) AS TABLE
    SELECT opd_id, platform, pub_date, count(*) AS posts,
           count(*) FILTER (WHERE is_kinerja) AS kinerja_posts,
           count(*) FILTER (WHERE is_ucapan) AS ucapan_posts,
           count(*) FILTER (WHERE is_figure) AS figure_posts,
           count(*) FILTER (WHERE has_interaction) AS interaction_posts,
           CAST(sum(engagement) FILTER (WHERE has_interaction) AS BIGINT)
               AS interaction_engagement,
           CAST(sum(engagement) FILTER (WHERE reach > 0) AS BIGINT) AS reach_engagement,
           CAST(sum(reach) FILTER (WHERE reach > 0) AS BIGINT) AS reach
    FROM v_post_facts
    WHERE (only_opd_ids IS NULL OR list_contains(only_opd_ids, opd_id))
      AND (from_d IS NULL OR published_at >= from_d)
      AND (to_excl IS NULL OR published_at < to_excl)
    GROUP BY opd_id, platform, pub_date;

-- [content_months_lo, content_months_hi): the whole calendar months inside [start_d, end_excl)
-- that content_counts reads from post_content_month: only when the buckets are months or the
-- period (a month bucket is then whole); otherwise, or when no whole month fits, the empty
-- range [start_d, start_d). Plain expressions of the arguments, so DuckDB folds them to
-- constants and drops a branch that reads nothing.
CREATE OR REPLACE MACRO content_months_lo(grain, start_d, end_excl) AS
    CASE WHEN grain IN ('month', 'period')
              AND CAST(date_trunc('month', whole_day(start_d) - 1) + INTERVAL 1 MONTH AS DATE)
                  < CAST(date_trunc('month', whole_day(end_excl)) AS DATE)
         THEN CAST(date_trunc('month', whole_day(start_d) - 1) + INTERVAL 1 MONTH AS DATE)
         ELSE whole_day(start_d) END;

CREATE OR REPLACE MACRO content_months_hi(grain, start_d, end_excl) AS
    CASE WHEN grain IN ('month', 'period')
              AND CAST(date_trunc('month', whole_day(start_d) - 1) + INTERVAL 1 MONTH AS DATE)
                  < CAST(date_trunc('month', whole_day(end_excl)) AS DATE)
         THEN CAST(date_trunc('month', whole_day(end_excl)) AS DATE)
         ELSE whole_day(start_d) END;

-- Posts in scope published in [start_d, end_excl) counted per bucket ('day', 'week', 'month'
-- as bucket_start; 'period': one bucket starting at start_d), OPD, platform, content_type,
-- and is_figure_centric (v_posts's values). Columns: period_start, opd_id, opd, opd_short,
-- opd_kind, platform, content_type, is_figure_centric, posts (BIGINT), and over those posts
-- (v_post_facts's engagement and has_interaction): interaction_posts (BIGINT: posts carrying
-- interaction counts), interaction_engagement (their engagement), reach_posts (BIGINT: posts
-- with reach > 0), reach_engagement and reach (their engagement and reach); interaction_
-- engagement, reach_engagement and reach BIGINT, NULL for none.
-- Rows to be summed: a key may come more than once (a month's row, a post's row with posts 1),
-- so each figure groups by only what it shows and pays for no finer grouping.
-- The whole months [content_months_lo, content_months_hi) come from post_content_month; the
-- other days are counted from the posts (v_post_facts, in scope by opd_in_scope and
-- platform_in_scope as scoped_posts: planned faster than through scoped_opds). Both give the same
-- counts: the table equals a recount at every write (warehouse/label_counts.py). Bounds are
-- whole days (whole_day refuses others).
CREATE OR REPLACE MACRO content_counts(grain, start_d, end_excl, platforms, opd_kinds,
                                       opd_ids) AS TABLE
    WITH from_table AS (
        SELECT
            CASE WHEN grain = 'month' THEN m.month_start ELSE whole_day(start_d) END
                AS period_start,
            m.opd_id, o.name AS opd, o.short_name AS opd_short, o.kind AS opd_kind, m.platform,
            m.content_type, m.is_figure_centric, m.posts, m.interaction_posts,
            m.interaction_engagement, m.reach_posts, m.reach_engagement, m.reach
        FROM post_content_month m
        JOIN opd o USING (opd_id)
        -- The first condition is a constant: false when no whole month is read from the table.
        WHERE content_months_lo(grain, start_d, end_excl)
                  < content_months_hi(grain, start_d, end_excl)
          AND opd_in_scope(opd_kinds, opd_ids, o.kind, o.opd_id)
          AND platform_in_scope(platforms, m.platform)
          AND m.month_start >= content_months_lo(grain, start_d, end_excl)
          AND m.month_start < content_months_hi(grain, start_d, end_excl)
    ),
    from_posts AS (
        SELECT
            bucket_start(grain, p.published_at, start_d) AS period_start,
            p.opd_id, p.opd, p.opd_short, p.opd_kind, p.platform, p.content_type,
            p.is_figure_centric, CAST(1 AS BIGINT) AS posts,
            CAST(p.has_interaction AS BIGINT) AS interaction_posts,
            CASE WHEN p.has_interaction THEN CAST(p.engagement AS BIGINT) END
                AS interaction_engagement,
            CAST(coalesce(p.reach > 0, false) AS BIGINT) AS reach_posts,
            CASE WHEN p.reach > 0 THEN CAST(p.engagement AS BIGINT) END AS reach_engagement,
            CASE WHEN p.reach > 0 THEN CAST(p.reach AS BIGINT) END AS reach
        FROM v_post_facts p
        -- The first condition is a constant: false when the table covers the whole period.
        WHERE p.published_at >= start_d AND p.published_at < end_excl
          AND opd_in_scope(opd_kinds, opd_ids, p.opd_kind, p.opd_id)
          AND platform_in_scope(platforms, p.platform)
          AND (content_months_lo(grain, start_d, end_excl) > whole_day(start_d)
               OR content_months_hi(grain, start_d, end_excl) < whole_day(end_excl))
          AND NOT (p.published_at >= content_months_lo(grain, start_d, end_excl)
                   AND p.published_at < content_months_hi(grain, start_d, end_excl))
    )
    SELECT * FROM from_table
    UNION ALL
    SELECT * FROM from_posts;

-- post_content_month's rows of the OPDs in scope (opd_in_scope), the chosen platforms
-- (platform_in_scope) and, when viewer_opd is not NULL, that OPD only (as visible_posts), in the
-- whole calendar months of [start_d, end_excl) (content_months_lo/hi of 'period'; none when no
-- whole month fits): every post they count lies in the period. The table's columns. Read by the
-- bound of the newest posts a list shows (q_example_posts_bound.sql).
CREATE OR REPLACE MACRO content_month_rows(start_d, end_excl, platforms, opd_kinds, opd_ids,
                                           viewer_opd) AS TABLE
    SELECT m.*
    FROM post_content_month m
    JOIN opd o USING (opd_id)
    WHERE opd_in_scope(opd_kinds, opd_ids, o.kind, o.opd_id)
      AND platform_in_scope(platforms, m.platform)
      AND (viewer_opd IS NULL OR m.opd_id = viewer_opd)
      AND m.month_start >= content_months_lo('period', start_d, end_excl)
      AND m.month_start < content_months_hi('period', start_d, end_excl);
