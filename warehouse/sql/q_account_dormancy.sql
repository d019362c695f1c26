-- q_account_dormancy: every official account, also those that never posted. Grain: account.
-- Only posts up to $as_of count; status: belum_pernah (never), dorman (>= $dormant_days days),
-- aktif.
with
accounts as (
    select * from scoped_accounts($platforms, $opd_kinds, $opd_ids)
),
account_posts as (
    select
        p.account_id,
        max(p.published_at) as last_post_at,
        count(*) filter (where p.published_at >= $start and p.published_at < $end_excl)
            as posts_in_period
    from scoped_posts_all($platforms, $opd_kinds, $opd_ids) p
    semi join accounts a using (account_id)
    where p.published_at < CAST($as_of AS DATE) + 1
    group by p.account_id
),
final as (
    select
        a.account_id, a.opd_id, a.opd, a.opd_kind, a.platform, a.handle, a.url,
        coalesce(p.posts_in_period, 0) as posts_in_period,
        p.last_post_at,
        CAST($as_of AS DATE) - CAST(p.last_post_at AS DATE) as days_since_last_post,
        case
            when p.last_post_at is null then 'belum_pernah'
            when CAST($as_of AS DATE) - CAST(p.last_post_at AS DATE) >= $dormant_days then 'dorman'
            else 'aktif'
        end as status
    from accounts a
    left join account_posts p using (account_id)
)
select * from final
order by days_since_last_post desc nulls first, opd, platform
