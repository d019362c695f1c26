-- v_opd_profile: one row per OPD with what the "why not active" reasons need.
-- Grain: OPD. Operator personal data stays out: only whether one is recorded (has_operator),
-- named (operator_named) and trained.
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
    -- An OPD has an operator when the master list shows one in any way: a name, a phone
    -- number, or "Sudah pelatihan: Ya" (someone was trained). A row with a phone or a training
    -- but no name contradicts itself: q_master_contradictions shows it on Pengaturan; it is
    -- not an OPD without an operator.
    (coalesce(trim(o.operator_name) <> '', false)
     OR coalesce(trim(o.operator_phone) <> '', false)
     OR coalesce(o.operator_trained, false))          AS has_operator,
    coalesce(trim(o.operator_name) <> '', false)      AS operator_named,
    o.operator_trained
FROM opd o
LEFT JOIN acc USING (opd_id);

-- THE fingerprint of the master list as stored (q_data_version.sql's part of the UI's cache
-- key): every row of opd, account, account_alias and opd_alias, so a reload that moves an
-- account or renames an OPD changes it even when every count stays. bit_xor of the rows'
-- hashes: order-free, and no two rows are equal (each has its key).
CREATE OR REPLACE MACRO master_list_fingerprint() AS
    hash((SELECT bit_xor(hash(o)) FROM opd o), (SELECT bit_xor(hash(a)) FROM account a),
         (SELECT bit_xor(hash(x)) FROM account_alias x),
         (SELECT bit_xor(hash(y)) FROM opd_alias y));
