-- q_inactive_opds: expected-to-post OPDs that are not active in the period, with every reason
-- that applies, in priority order (codes; warehouse.metrics.INACTIVE_REASONS has the text).
-- Grain: OPD. Dormant: no post for >= $dormant_days days up to $as_of (or never).
-- An OPD whose data for the period has not all arrived (opd_judgement no_data) is listed with
-- not_received, or not_submitted once $today is past the last month's collection deadline.
with
opds as (
    select * from scoped_opds($opd_kinds, $opd_ids) where expected_to_post
),
in_period as (
    select opd_id, posts, max_account_posts, counted_posts, is_active, activity_status
    from opd_judgement('period', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $activity_rule,
                       counted_before := CAST($as_of AS DATE) + 1)
),
last_post as (
    select opd_id, max(published_at) as last_post_at
    from scoped_posts_all($platforms, $opd_kinds, $opd_ids)
    where published_at < CAST($as_of AS DATE) + 1
    group by opd_id
),
accounts as (
    select opd_id, count(*) as n_accounts
    from scoped_accounts($platforms, $opd_kinds, $opd_ids)
    semi join opds using (opd_id)
    group by opd_id
),
base as (
    select
        o.opd_id, o.opd, o.opd_kind,
        coalesce(a.n_accounts, 0) as n_accounts,
        o.has_operator,
        o.operator_trained,
        coalesce(i.posts, 0) as posts,
        coalesce(i.max_account_posts, 0) as max_account_posts,
        coalesce(i.counted_posts, 0) as counted_posts,
        activity_minimum('period', $start, $end_excl, $min_per_month, $min_per_week)
            as required_posts,
        i.is_active,
        i.activity_status,
        -- Data still missing after the last month's collection deadline: not submitted.
        CAST($today AS DATE) > coverage_due_date(CAST($end_excl AS DATE) - 1, $deadline_day)
            as past_deadline,
        l.last_post_at,
        CAST($as_of AS DATE) - CAST(l.last_post_at AS DATE) as days_since_last_post
    from opds o
    left join accounts a using (opd_id)
    join in_period i using (opd_id)
    left join last_post l using (opd_id)
),
final as (
    select
        *,
        -- No data: only what the master list says; dormancy and the minimum need the data.
        list_filter([
            case when activity_status = 'no_data' and past_deadline then 'not_submitted'
                 when activity_status = 'no_data' then 'not_received' end,
            case when n_accounts = 0 then 'no_account' end,
            case when not has_operator then 'no_operator' end,
            case when has_operator and operator_trained = false then 'untrained_operator' end,
            case when activity_status = 'inactive'
                      and (last_post_at is null or days_since_last_post >= $dormant_days)
                 then 'dormant' end,
            case when activity_status = 'inactive' then 'below_minimum' end
        ], lambda x: x is not null) as reason_codes
    from base
    where not is_active
)
select * from final
order by opd_kind, opd
