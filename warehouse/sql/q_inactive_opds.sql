-- q_inactive_opds: expected-to-post OPDs that are not active in the period, with every reason
-- that applies, in priority order (codes; warehouse.vocabulary.INACTIVE_REASONS has the text),
-- and each one's busiest account (the one the activity rule judges), for the "not active"
-- explanation. Defined once in inactive_opds (views/087_keaktifan.sql). Grain: OPD.
-- One statement for both: the busiest accounts are counted for the listed OPDs only (a
-- statement of their own counted every OPD's, and planned once more).
with
listed as (
    select *
    from inactive_opds($start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $judged_as_of,
                       $as_of, $today, $deadline_day, $dormant_days, $data_end)
),
-- Each listed OPD's account with the most posts in the period. Ties: the first by platform
-- then account name; tied_accounts says how many share the top. Counted from the per-day
-- counts (post_day_count: per account key and day, kept equal to posts at every write), not
-- from every post; only a key with no account handle in scope (posts tied to no account)
-- reads its posts, for the handle written on them. OPDs without a post get none.
per_key as (
    select d.opd_id, d.account_key, d.platform, any_value(d.account_id) as account_id,
           cast(sum(d.posts) as bigint) as n
    from post_day_count d
    semi join listed o using (opd_id)
    where platform_in_scope($platforms, d.platform)
      and d.pub_date >= whole_day($start) and d.pub_date < whole_day($end_excl)
    group by d.opd_id, d.account_key, d.platform
),
named as (
    select k.*, a.handle
    from per_key k
    left join scoped_accounts($platforms, $opd_kinds, $opd_ids) a on a.account_id = k.account_id
),
unnamed as (
    select p.opd_id, p.account_key, p.platform, max(p.account_handle) as handle
    from scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids) p
    semi join (select opd_id, account_key, platform from named where handle is null) x
      using (opd_id, account_key, platform)
    group by p.opd_id, p.account_key, p.platform
),
per_account as (
    select n.opd_id, n.account_key, n.platform, coalesce(n.handle, u.handle) as account, n.n
    from named n
    left join unnamed u using (opd_id, account_key, platform)
),
ranked as (
    select
        *,
        row_number() over (partition by opd_id order by n desc, platform, account) as pos,
        count(*) filter (where true) over (partition by opd_id, n) as same_n,
        count(*) over (partition by opd_id) as n_accounts_posting
    from per_account
),
busiest as (
    select
        opd_id,
        platform as busiest_platform,
        account as busiest_account,
        n as busiest_posts,
        same_n as tied_accounts,
        n_accounts_posting
    from ranked
    where pos = 1
),
final as (
    select l.*, b.* exclude (opd_id)
    from listed l
    left join busiest b using (opd_id)
)
select * from final
order by opd_kind, opd
