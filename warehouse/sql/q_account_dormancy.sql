-- q_account_dormancy: every official account, also those that never posted. Grain: account.
-- Days since the last post are counted to the account's own data end (data_through: the last
-- day its loads cover, v_coverage_day, or its last post; never past $as_of), not to today: the
-- days after it hold no data, so they are not days without a post.
-- status: not_received (the account's data stops a month or more before data_end, the newest
-- data of any account, or never came: its silence is no data, not dormancy;
-- days_since_last_post null then), belum_pernah (its data is in, no post ever), dorman
-- (>= $dormant_days days without a post up to data_through), aktif.
with
accounts as (
    select * from scoped_accounts($platforms, $opd_kinds, $opd_ids)
),
bounds as (
    -- the data end ($data_end: v_data_end's value, the one definition), at most as_of
    select least(CAST($as_of AS DATE), CAST($data_end AS DATE)) as data_end
),
-- Each account's last post and its posts in the period from the per-day rows (post_day_count:
-- posts and last_posted_at per account and day, kept equal to posts at every write), in scope
-- as scoped_posts_all (the OPDs as scoped_opd_table: the same OPDs as scoped_opds, without
-- v_opd_profile's aggregate to plan); the period's bounds are whole days. Neither this nor
-- account_data is cut to `accounts`: joined keeps accounts' rows only (a semi join to them made
-- DuckDB materialize accounts and plan two more joins, about a third of this statement's CPU).
account_posts as (
    select
        d.account_id,
        max(d.last_posted_at) as last_post_at,
        CAST(coalesce(sum(d.posts) filter (where d.pub_date >= whole_day($start)
                                             and d.pub_date < whole_day($end_excl)), 0)
             AS BIGINT) as posts_in_period
    from post_day_count d
    semi join scoped_opd_table($opd_kinds, $opd_ids) o using (opd_id)
    where platform_in_scope($platforms, d.platform)
      and d.pub_date < CAST($as_of AS DATE) + 1
    group by d.account_id
),
account_data as (
    select c.account_id, max(c.day) as covered_through
    from v_coverage_day c
    where c.day <= CAST($as_of AS DATE)
    group by c.account_id
),
joined as (
    select
        a.account_id, a.opd_id, a.opd, a.opd_kind, a.platform, a.handle,
        account_link(a.platform, a.handle, a.url) as url,
        coalesce(p.posts_in_period, 0) as posts_in_period,
        p.last_post_at,
        b.data_end,
        -- (least() skips a null: an account without any data has no data_through)
        case when d.covered_through is not null or p.last_post_at is not null
             then least(CAST($as_of AS DATE),
                        greatest(d.covered_through, CAST(p.last_post_at AS DATE))) end
            as data_through,
        greatest(d.covered_through, CAST(p.last_post_at AS DATE))
            > CAST(b.data_end - INTERVAL 1 MONTH AS DATE) as data_current
    from accounts a
    cross join bounds b
    left join account_posts p using (account_id)
    left join account_data d using (account_id)
),
final as (
    select
        account_id, opd_id, opd, opd_kind, platform, handle, url, posts_in_period,
        last_post_at,
        case when coalesce(data_current, false)
             then data_through - CAST(last_post_at AS DATE) end as days_since_last_post,
        case
            when not coalesce(data_current, false) then 'not_received'
            when last_post_at is null then 'belum_pernah'
            when data_through - CAST(last_post_at AS DATE) >= $dormant_days then 'dorman'
            else 'aktif'
        end as status,
        data_through,
        data_end
    from joined
)
select * from final
order by days_since_last_post desc nulls first, opd, platform
