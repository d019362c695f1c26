-- v_opd_operator: each OPD's social-media operator as the master list names them. Grain: OPD.
-- Personal data: only pages that may show it read this view (v_opd_profile keeps it out).
CREATE OR REPLACE VIEW v_opd_operator AS
SELECT opd_id, operator_name, operator_trained
FROM opd;
