-- Format counts: posts per bucket, OPD, platform, post format and logbook origin, the one
-- source of Jenis Konten's format figures (q_content_figures.sql).

-- post_format_month as counted from posts now (v_post_facts; from_logbook: the post's row
-- came from a load whose format is 'logbook'), for the OPDs only_opd_ids (NULL: all). Grain
-- and columns: the table's (migrations/180_post_format_month.sql), in its column order.
CREATE OR REPLACE MACRO post_format_month_recount(only_opd_ids) AS TABLE
    SELECT p.opd_id, p.platform, p.month_start, p.post_format,
           coalesce(l.format = 'logbook', false) AS from_logbook, count(*) AS posts
    FROM v_post_facts p
    LEFT JOIN loads l ON l.load_id = p.load_id
    WHERE only_opd_ids IS NULL OR list_contains(only_opd_ids, p.opd_id)
    GROUP BY ALL;

-- Posts in scope published in [start_d, end_excl) counted per bucket ('day', 'week', 'month'
-- as bucket_start; 'period': one bucket starting at start_d), OPD, platform, post_format
-- (v_posts's, NULL when unknown) and from_logbook (as post_format_month's). Columns:
-- period_start, opd_id, opd, opd_short, opd_kind, platform, post_format, from_logbook,
-- posts (BIGINT). Rows to be summed: a key may come more than once (a month's row, a post's
-- row with posts 1). As content_counts (views/140_content_counts.sql): the whole months
-- [content_months_lo, content_months_hi) come from post_format_month (kept equal to a recount
-- at every write: warehouse/format_counts.py), the other days from the posts; bounds are
-- whole days (whole_day refuses others).
CREATE OR REPLACE MACRO format_counts(grain, start_d, end_excl, platforms, opd_kinds,
                                      opd_ids) AS TABLE
    WITH from_table AS (
        SELECT
            CASE WHEN grain = 'month' THEN m.month_start ELSE whole_day(start_d) END
                AS period_start,
            m.opd_id, o.name AS opd, o.short_name AS opd_short, o.kind AS opd_kind, m.platform,
            m.post_format, m.from_logbook, m.posts
        FROM post_format_month m
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
            p.opd_id, p.opd, p.opd_short, p.opd_kind, p.platform, p.post_format,
            coalesce(l.format = 'logbook', false) AS from_logbook, CAST(1 AS BIGINT) AS posts
        FROM v_post_facts p
        LEFT JOIN loads l ON l.load_id = p.load_id
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
