-- q_audit_log: the audit trail, newest first, for the admin page (access/audit.py).
-- $start / $end_excl: dates (NULL = open); $username: one account (NULL = all);
-- $actions: list (empty = all). Grain: audit row.
with final as (
    select
        cast(audit_id as bigint) as audit_id, at_wib as at, username, role, action, target,
        cast(before as varchar) as before, cast(after as varchar) as after, detail
    from audit_log
    where ($start is null or at_wib >= cast($start as date))
      and ($end_excl is null or at_wib < cast($end_excl as date))
      and ($username is null or username = $username)
      and (len($actions) = 0 or list_contains($actions, action))
    order by at_wib desc, audit_id desc
    limit $limit
)
select * from final
