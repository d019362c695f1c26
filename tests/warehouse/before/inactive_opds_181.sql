-- The not-active list as it was at 206acfe (views/087_keaktifan.sql), renamed: the reference for
-- tests/warehouse/test_last_post_from_days.py.
-- One rule changed since, in both (2 Dec 2026): the reasons no_account_platform and dormant
-- (an OPD with no account in scope is never dormant); the rest word for word.
-- inactive_opds: expected-to-post OPDs that are not active in the period, with every reason
-- that applies, in priority order (codes; warehouse.vocabulary.INACTIVE_REASONS has the text).
-- Grain: OPD. Dormant: no post for >= dormant_after days up to as_of_d (or never).
-- An OPD whose data for the period has not all arrived (opd_judgement no_data) is listed with
-- not_received (none of it arrived) or partly_received (part of it: a month still running),
-- or not_submitted once today_d is past the last month's collection deadline. Such an OPD is
-- not judged: it is listed here with its reason but never counted as inactive
-- (q_keaktifan_figures).
-- Settings: dormant_after (days), deadline_d (collection deadline day); as_of_d: posts up to
-- this day count; today_d: what "past the deadline" is measured against. Grain: OPD.
CREATE OR REPLACE MACRO inactive_opds_before_181(start_d, end_excl, platforms, opd_kinds, opd_ids,
                                      per_month, per_week, judged, as_of_d, today_d,
                                      deadline_d, dormant_after, data_end) AS TABLE
    with
    opds as (
        select * from scoped_opds(opd_kinds, opd_ids) where expected_to_post
    ),
    in_period as (
        select opd_id, posts, max_account_posts, counted_posts, is_active, activity_status,
               data_state
        -- judged: opd_judgement with counted_before := as_of_d + 1 (the same as without
        -- it when as_of_d is the period's last day or later)
        from query_table(judged)
    ),
    last_post as (
        select opd_id, max(published_at) as last_post_at
        from scoped_posts_all(platforms, opd_kinds, opd_ids)
        where published_at < CAST(as_of_d AS DATE) + 1
        group by opd_id
    ),
    accounts as (
        select opd_id, count(*) filter (where platform_in_scope(platforms, platform))
                   as n_accounts,
               count(*) as n_all_accounts
        from scoped_accounts([], opd_kinds, opd_ids)
        semi join opds using (opd_id)
        group by opd_id
    ),
    base as (
        select
            o.opd_id, o.opd, o.opd_kind,
            coalesce(a.n_accounts, 0) as n_accounts,
            coalesce(a.n_all_accounts, 0) as n_all_accounts,
            o.has_operator,
            o.operator_trained,
            coalesce(i.posts, 0) as posts,
            coalesce(i.max_account_posts, 0) as max_account_posts,
            coalesce(i.counted_posts, 0) as counted_posts,
            activity_minimum('period', start_d, end_excl, per_month, per_week, data_end)
                as required_posts,
            i.is_active,
            i.activity_status,
            i.data_state,
            -- Data still missing after the last month's collection deadline: not submitted.
            CAST(today_d AS DATE) > coverage_due_date(CAST(end_excl AS DATE) - 1, deadline_d)
                as past_deadline,
            l.last_post_at,
            -- counted to the data end (v_data_end) when as_of_d lies past it: the days after
            -- it hold no data, so they are not days without a post
            least(CAST(as_of_d AS DATE), coalesce(CAST(data_end AS DATE), CAST(as_of_d AS DATE)))
                - CAST(l.last_post_at AS DATE) as days_since_last_post
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
                     when activity_status = 'no_data' and data_state = 'partial'
                     then 'partly_received'
                     when activity_status = 'no_data' then 'not_received' end,
                case when n_all_accounts = 0 then 'no_account'
                     when n_accounts = 0 then 'no_account_platform' end,
                case when not has_operator then 'no_operator' end,
                case when has_operator and operator_trained = false then 'untrained_operator' end,
                case when activity_status = 'inactive' and n_accounts > 0
                          and (last_post_at is null or days_since_last_post >= dormant_after)
                     then 'dormant' end,
                case when activity_status = 'inactive' then 'below_minimum' end
            ], lambda x: x is not null) as reason_codes
        from base
        where not is_active
    )
    select * from final;
