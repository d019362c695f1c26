-- q_audit_log: the audit trail, newest first, for the admin page (access/audit.py).
-- $start / $end_excl: dates (NULL = open); $username: one account (NULL = all);
-- $actions: list (empty = all). Grain: audit row.
SELECT
    CAST(audit_id AS BIGINT) AS audit_id, at_wib AS at, username, role, action, target,
    CAST(before AS VARCHAR) AS before, CAST(after AS VARCHAR) AS after, detail
FROM audit_log
WHERE ($start IS NULL OR at_wib >= CAST($start AS DATE))
  AND ($end_excl IS NULL OR at_wib < CAST($end_excl AS DATE))
  AND ($username IS NULL OR username = $username)
  AND (len($actions) = 0 OR list_contains($actions, action))
ORDER BY at_wib DESC, audit_id DESC
LIMIT $limit
