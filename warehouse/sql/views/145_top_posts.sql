-- The top posts (Tren's list, q_top_posts.sql) kept per OPD, platform and month: post_top_month
-- (migrations/370_post_top_month.sql).

-- How many posts post_top_month keeps per OPD, platform and month: the longest list read from it
-- (Tren shows 10). A longer list is read from the posts (q_top_posts.sql).
CREATE OR REPLACE MACRO top_posts_kept() AS 10;

-- post_top_month as taken from posts now (v_post_facts: engagement and the label users read, an
-- override winning), for the OPDs only_opd_ids (NULL: all) and posts published in
-- [from_d, to_excl) (NULL: unbounded; whole months, so that each month's posts are all read).
-- Per OPD x platform x month, its first top_posts_kept() posts in the top posts' order
-- (engagement descending, published_at descending, post_key). Grain and columns: the table's,
-- in its column order.
CREATE OR REPLACE MACRO post_top_month_recount(only_opd_ids, from_d, to_excl) AS TABLE
    SELECT opd_id, platform, month_start, post_key, published_at,
           CAST(engagement AS BIGINT) AS engagement, caption, content_type, reactions, comments,
           shares, reach, permalink
    FROM v_post_facts
    WHERE (only_opd_ids IS NULL OR list_contains(only_opd_ids, opd_id))
      AND (from_d IS NULL OR published_at >= from_d)
      AND (to_excl IS NULL OR published_at < to_excl)
    QUALIFY row_number() OVER (PARTITION BY opd_id, platform, month_start
                               ORDER BY engagement DESC, published_at DESC, post_key)
            <= top_posts_kept();

-- post_top_month's rows (the table's columns, then opd: the OPD's name) of the OPDs in scope
-- (opd_in_scope), the chosen platforms (platform_in_scope) and, when viewer_opd is not NULL,
-- that OPD only (as visible_posts), in the months [months_lo, months_hi) (first days of
-- months). Read by the top posts of a period of whole months (q_top_posts_months.sql).
CREATE OR REPLACE MACRO top_month_rows(months_lo, months_hi, platforms, opd_kinds, opd_ids,
                                       viewer_opd) AS TABLE
    SELECT t.*, o.name AS opd
    FROM post_top_month t
    JOIN opd o USING (opd_id)
    WHERE opd_in_scope(opd_kinds, opd_ids, o.kind, o.opd_id)
      AND platform_in_scope(platforms, t.platform)
      AND (viewer_opd IS NULL OR t.opd_id = viewer_opd)
      AND t.month_start >= months_lo
      AND t.month_start < months_hi;
