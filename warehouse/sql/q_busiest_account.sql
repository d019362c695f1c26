-- q_busiest_account: each OPD's account with the most posts in the period (the one the
-- activity rule judges), for the "not active" explanation. Grain: OPD (only OPDs with a post).
-- Ties: the first by platform then account name; tied_accounts says how many share the top.
with
opds as (
    select * from v_opd_profile
    where (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
per_account as (
    select
        p.opd_id, p.account_key, p.platform,
        coalesce(a.handle, max(p.account_handle)) as account,
        count(*) as n
    from v_post_facts p
    semi join opds using (opd_id)
    left join account a on a.account_id = p.account_id
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
    group by p.opd_id, p.account_key, p.platform, a.handle
),
ranked as (
    select
        *,
        row_number() over (partition by opd_id order by n desc, platform, account) as pos,
        count(*) filter (where true) over (partition by opd_id, n) as same_n,
        max(n) over (partition by opd_id) as top_n,
        count(*) over (partition by opd_id) as n_accounts_posting
    from per_account
),
final as (
    select
        opd_id,
        platform as busiest_platform,
        account as busiest_account,
        n as busiest_posts,
        same_n as tied_accounts,
        n_accounts_posting
    from ranked
    where pos = 1
)
select * from final
order by opd_id
