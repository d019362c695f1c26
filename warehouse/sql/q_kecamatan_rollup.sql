-- q_kecamatan_rollup: each kecamatan with the desa and kelurahan under it (opd.parent_opd_id,
-- from the master list), with how many of them are active in the period (the same activity
-- rule as q_kpi: busiest account >= $required_posts). Grain: kecamatan.
-- Members: the kecamatan office itself plus its desa/kelurahan, expected-to-post OPDs in the
-- filters only; a kecamatan none of whose members is in the filters is left out.
with
opds as (
    select * from v_opd_profile
    where expected_to_post
      and (len($opd_kinds) = 0 or list_contains($opd_kinds, opd_kind))
      and (len($opd_ids) = 0 or list_contains($opd_ids, opd_id))
),
kecamatan as (
    select opd_id as kecamatan_id, opd as kecamatan, opd_short as kecamatan_short
    from v_opd_profile where opd_kind = 'kecamatan'
),
members as (
    select
        k.kecamatan_id, o.opd_id, o.opd_kind,
        o.opd_id = k.kecamatan_id as is_office
    from opds o
    join kecamatan k
      on k.kecamatan_id = o.opd_id
      or (o.opd_kind in ('desa', 'kelurahan') and o.parent_opd_id = k.kecamatan_id)
),
period_posts as (
    select p.opd_id, p.account_key from v_post_facts p
    semi join members using (opd_id)
    where p.published_at >= $start and p.published_at < $end_excl
      and (len($platforms) = 0 or list_contains($platforms, p.platform))
),
per_account as (
    select opd_id, account_key, count(*) as n from period_posts group by opd_id, account_key
),
per_opd as (
    select opd_id, sum(n) as posts, max(n) as max_account_posts from per_account group by opd_id
),
final as (
    select
        k.kecamatan_id, k.kecamatan, k.kecamatan_short,
        count(*) as members,
        count_if(not m.is_office) as villages,
        count_if(m.opd_kind = 'desa') as desa,
        count_if(m.opd_kind = 'kelurahan') as kelurahan,
        count_if(coalesce(a.max_account_posts, 0) >= $required_posts) as active_members,
        count_if(not m.is_office and coalesce(a.max_account_posts, 0) >= $required_posts)
            as active_villages,
        bool_or(m.is_office) as office_in_scope,
        coalesce(bool_or(m.is_office and coalesce(a.max_account_posts, 0) >= $required_posts),
                 false) as office_active,
        coalesce(sum(a.posts), 0) as posts,
        CAST($required_posts AS INTEGER) as required_posts
    from members m
    join kecamatan k using (kecamatan_id)
    left join per_opd a using (opd_id)
    group by k.kecamatan_id, k.kecamatan, k.kecamatan_short
)
select * from final
order by kecamatan
