-- q_inactive_opds: expected-to-post OPDs that are not active in the period, with every reason
-- that applies, in priority order (codes; warehouse.metrics.INACTIVE_REASONS has the text).
-- Grain: OPD. Dormant: no post for >= $dormant_days days up to $as_of (or never).
with
opds as (
    select * from v_opd_profile
    where expected_to_post
      and (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
known_posts as (
    select p.opd_id, p.account_key, p.published_at from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at < CAST($as_of AS DATE) + 1
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
per_account as (
    select opd_id, account_key, count(*) as n from known_posts
    where published_at >= $start and published_at < $end_excl
    group by opd_id, account_key
),
in_period as (
    select opd_id, sum(n) as posts, max(n) as max_account_posts from per_account group by opd_id
),
last_post as (
    select opd_id, max(published_at) as last_post_at from known_posts group by opd_id
),
accounts as (
    select a.opd_id, count(*) as n_accounts from account a
    semi join opds using (opd_id)
    where len($platforms) = 0 or list_contains($platforms, a.platform)
    group by a.opd_id
),
base as (
    select
        o.opd_id, o.opd, o.opd_kind,
        coalesce(a.n_accounts, 0) as n_accounts,
        o.has_operator,
        o.operator_trained,
        coalesce(i.posts, 0) as posts,
        coalesce(i.max_account_posts, 0) as max_account_posts,
        CAST($required_posts AS INTEGER) as required_posts,
        l.last_post_at,
        CAST($as_of AS DATE) - CAST(l.last_post_at AS DATE) as days_since_last_post
    from opds o
    left join accounts a using (opd_id)
    left join in_period i using (opd_id)
    left join last_post l using (opd_id)
),
final as (
    select
        *,
        list_filter([
            case when n_accounts = 0 then 'no_account' end,
            case when not has_operator then 'no_operator' end,
            case when has_operator and operator_trained = false then 'untrained_operator' end,
            case when last_post_at is null or days_since_last_post >= $dormant_days
                 then 'dormant' end,
            'below_minimum'
        ], lambda x: x is not null) as reason_codes
    from base
    where max_account_posts < required_posts
)
select * from final
order by opd_kind, opd
