-- THE compared set of a comparison, defined once (warehouse.compare.restrict reads it through
-- q_compared_opds.sql): which OPDs in scope have complete data on both compared spans, so a
-- change on a card compares like with like (an OPD whose export for one side is missing would
-- put part of its posts on one side only: an artefact, not a change).
--
-- compared_opds(cur_start, cur_end_excl, oth_start, oth_end_excl, platforms, opd_kinds,
-- opd_ids): every OPD in scope (scoped_opds). Spans [start, end_excl), dates; the filter
-- arguments as the sidebar binds them (views/030_scope_and_activity.sql).
-- The unit is the OPD, as the activity rule judges it (opd_judgement: an OPD is judged on all
-- its accounts together, its busiest account or their total): an OPD is complete on a span
-- when every one of its accounts in scope is covered on every day of it by live loads
-- (v_coverage_island, the merged runs of v_coverage_day: a logbook row covers every account of
-- its OPD). An OPD with no account in scope has no account to check: complete when live loads
-- naming the OPD (a logbook, or an export of a platform in scope) cover every day; a zero that
-- nothing sent is not compared. Coverage only: a post proves its day arrived, not the day's
-- other posts.
-- Grain: OPD. Columns: opd_id, opd, opd_kind, expected_to_post, n_accounts (in scope),
-- complete_current, complete_other, compared (both).
CREATE OR REPLACE MACRO compared_opds(cur_start, cur_end_excl, oth_start, oth_end_excl,
                                      platforms, opd_kinds, opd_ids) AS TABLE
WITH spans AS (
    SELECT 'current' AS side, CAST(cur_start AS DATE) AS a, CAST(cur_end_excl AS DATE) - 1 AS b
    UNION ALL
    SELECT 'other' AS side, CAST(oth_start AS DATE) AS a, CAST(oth_end_excl AS DATE) - 1 AS b
),
opds AS (
    SELECT opd_id, opd, opd_kind, expected_to_post FROM scoped_opds(opd_kinds, opd_ids)
),
acc AS (
    SELECT account_id, opd_id FROM scoped_accounts(platforms, opd_kinds, opd_ids)
),
-- Runs of one account are disjoint and never adjacent: a span is covered whole when one run
-- holds it.
acc_whole AS (
    SELECT DISTINCT s.side, i.account_id
    FROM spans s
    JOIN v_coverage_island i ON i.a <= s.a AND i.b >= s.b
    SEMI JOIN acc USING (account_id)
),
per_opd_acc AS (
    SELECT s.side, a.opd_id, count(*) AS n_accounts, count(w.account_id) AS n_whole
    FROM spans s
    CROSS JOIN acc a
    LEFT JOIN acc_whole w ON w.side = s.side AND w.account_id = a.account_id
    GROUP BY s.side, a.opd_id
),
bare AS (
    SELECT opd_id FROM opds ANTI JOIN acc USING (opd_id)
),
bare_days AS (
    SELECT side, opd_id, count(DISTINCT day) AS n_days
    FROM (
        SELECT s.side, c.opd_id,
               unnest(generate_series(greatest(c.period_start, s.a), least(c.period_end, s.b),
                                      INTERVAL 1 DAY)) AS day
        FROM spans s
        JOIN load_coverage c ON c.period_start <= s.b AND c.period_end >= s.a
        JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
        SEMI JOIN bare b ON b.opd_id = c.opd_id
        WHERE c.platform IS NULL OR platform_in_scope(platforms, c.platform)
    )
    GROUP BY side, opd_id
),
per_side AS (
    SELECT s.side, o.opd_id, coalesce(p.n_accounts, 0) AS n_accounts,
           CASE WHEN p.opd_id IS NOT NULL THEN p.n_whole = p.n_accounts
                ELSE coalesce(d.n_days, 0) = s.b - s.a + 1 END AS complete
    FROM spans s
    CROSS JOIN opds o
    LEFT JOIN per_opd_acc p ON p.side = s.side AND p.opd_id = o.opd_id
    LEFT JOIN bare_days d ON d.side = s.side AND d.opd_id = o.opd_id
)
SELECT o.opd_id, o.opd, o.opd_kind, o.expected_to_post, c.n_accounts,
       c.complete AS complete_current, p.complete AS complete_other,
       c.complete AND p.complete AS compared
FROM opds o
JOIN per_side c ON c.opd_id = o.opd_id AND c.side = 'current'
JOIN per_side p ON p.opd_id = o.opd_id AND p.side = 'other';
