-- THE compared set of a comparison, defined once (warehouse.compare.restrict reads it through
-- q_compared_opds.sql, or, for spans the data end does not cut, as the same opd_coverage read
-- by the judgement of the periods the KPI tiles measure: warehouse/queries/compared.py, no
-- statement of its own): which OPDs in scope have complete data on both compared spans, so a
-- change on a card compares like with like (an OPD whose export for one side is missing would
-- put part of its posts on one side only: an artefact, not a change).
--
-- compared_opds(cur_start, cur_end_excl, oth_start, oth_end_excl, platforms, opd_kinds,
-- opd_ids): every OPD in scope (scoped_opds). Spans [start, end_excl), dates; the filter
-- arguments as the sidebar binds them (views/030_scope_and_activity.sql).
-- The unit is the OPD, as the activity rule judges it, and "complete" is the judgement's own:
-- opd_coverage over each span as one bucket (every account in scope covered on every day; an
-- OPD with no account in scope complete, unless it ever sent a logbook or an export of its
-- own and those do not cover the span). So an OPD the period's rate counts as judged inactive is
-- never left out of its comparison as "data tidak lengkap". Coverage only: a post proves its
-- day arrived, not the day's other posts.
-- Grain: OPD. Columns: opd_id, opd, opd_kind, expected_to_post, n_accounts (in scope),
-- complete_current, complete_other, compared (both).
CREATE OR REPLACE MACRO compared_opds(cur_start, cur_end_excl, oth_start, oth_end_excl,
                                      platforms, opd_kinds, opd_ids) AS TABLE
WITH cur AS (
    SELECT opd_id, n_accounts, data_complete
    FROM opd_coverage('period', cur_start, cur_end_excl, platforms, opd_kinds, opd_ids)
),
oth AS (
    SELECT opd_id, data_complete
    FROM opd_coverage('period', oth_start, oth_end_excl, platforms, opd_kinds, opd_ids)
)
SELECT o.opd_id, o.opd, o.opd_kind, o.expected_to_post, c.n_accounts,
       c.data_complete AS complete_current, p.data_complete AS complete_other,
       c.data_complete AND p.data_complete AS compared
FROM scoped_opd_table(opd_kinds, opd_ids) o
JOIN cur c ON c.opd_id = o.opd_id
JOIN oth p ON p.opd_id = o.opd_id;
