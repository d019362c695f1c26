-- warehouse/sql/views/170_compared_opds.sql's macro as it was when the KPI tiles read it through
-- q_compared_opds.sql (before warehouse/queries/compared.py read the compared set from the
-- periods' judgement), word for word but renamed compared_opds_before_260: the reference
-- tests/warehouse/test_compared_from_judgement.py compares the new path with.
CREATE OR REPLACE MACRO compared_opds_before_260(cur_start, cur_end_excl, oth_start, oth_end_excl,
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
