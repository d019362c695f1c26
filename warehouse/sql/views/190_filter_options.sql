-- The sidebar's option lists, read from the master tables themselves: the same kinds and
-- platforms v_opd_profile lists per OPD, without planning its aggregate and operator columns
-- (which cost more to plan than these lists read). q_opd_kinds.sql and q_platforms.sql read them.

-- v_opd_kinds: every OPD kind in the master list. Grain: kind.
CREATE OR REPLACE VIEW v_opd_kinds AS
SELECT DISTINCT kind AS opd_kind FROM opd;

-- v_account_platforms: the platform of every account of an OPD on the list. Grain: account.
CREATE OR REPLACE VIEW v_account_platforms AS
SELECT a.platform FROM account a SEMI JOIN opd o USING (opd_id);
