-- q_activity_by_kind: activity over the whole period per OPD kind. Grain: OPD kind.
with
opds as (
    select * from v_opd_profile
    where expected_to_post
      and (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
period_posts as (
    select p.opd_id, p.account_key from v_post_facts p
    semi join opds using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
per_account as (
    select opd_id, account_key, count(*) as n from period_posts group by opd_id, account_key
),
per_opd as (
    select opd_id, max(n) as max_account_posts from per_account group by opd_id
),
final as (
    select
        o.opd_kind,
        count(*) as expected_opds,
        count_if(coalesce(a.max_account_posts, 0) >= $required_posts) as active_opds,
        count_if(coalesce(a.max_account_posts, 0) >= $required_posts) / count(*) as activity_rate,
        CAST($required_posts AS INTEGER) as required_posts
    from opds o
    left join per_opd a using (opd_id)
    group by o.opd_kind
)
select * from final
order by opd_kind
