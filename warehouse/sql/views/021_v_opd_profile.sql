-- v_opd_profile: one row per OPD with what the "why not active" reasons need.
-- Grain: OPD. Operator personal data stays out: only whether one is recorded and trained.
CREATE OR REPLACE VIEW v_opd_profile AS
WITH acc AS (
    SELECT opd_id, count(*) AS n_accounts, list(DISTINCT platform ORDER BY platform) AS account_platforms
    FROM account
    GROUP BY opd_id
)
SELECT
    o.opd_id,
    o.name                                            AS opd,
    o.short_name                                      AS opd_short,
    o.kind                                            AS opd_kind,
    o.parent_opd_id,
    o.expected_to_post,
    coalesce(acc.n_accounts, 0)                       AS n_accounts,
    coalesce(acc.account_platforms, [])               AS account_platforms,
    coalesce(trim(o.operator_name) <> '', false)      AS has_operator,
    o.operator_trained
FROM opd o
LEFT JOIN acc USING (opd_id);
