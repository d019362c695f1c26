-- q_busiest_account: each OPD's account with the most posts in the period (the one the
-- activity rule judges), for the "not active" explanation. Grain: OPD (only OPDs with a post).
-- Ties: the first by platform then account name; tied_accounts says how many share the top.
with
per_account as (
    select
        p.opd_id, p.account_key, p.platform,
        coalesce(a.handle, max(p.account_handle)) as account,
        count(*) as n
    from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids) p
    left join scoped_accounts($platforms, $opd_kinds, $opd_ids) a
      on a.account_id = p.account_id
    group by p.opd_id, p.account_key, p.platform, a.handle
),
ranked as (
    select
        *,
        row_number() over (partition by opd_id order by n desc, platform, account) as pos,
        count(*) filter (where true) over (partition by opd_id, n) as same_n,
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
