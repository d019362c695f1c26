-- q_data_version: a cache key that changes when a load, an undo, a label override, a rule set,
-- a campaign tag, any row of the master list or a setting changes. Grain: one row.
with
loads_part as (
    select coalesce(max(load_id), 0) as max_load, count(*) filter (where status = 'undone') as n_undone
    from loads
),
override_part as (
    select count(*) as n_overrides, max(overridden_at) as last_override from label_override
),
other_part as (
    select
        (select coalesce(max(version), 0) from rule_set) as rules_version,
        (select string_agg(key || '=' || CAST(value AS VARCHAR), '|' order by key) from app_setting) as settings_text,
        (select count(*) from post_campaign) as n_post_campaign,
        -- The master list's every row (OPDs, accounts, aliases): a reload that moves an
        -- account or renames an OPD keeps the counts but changes a row. bit_xor of the rows'
        -- hashes: order-free, and no two rows are equal (each has its key).
        hash((select bit_xor(hash(o)) from opd o), (select bit_xor(hash(a)) from account a),
             (select bit_xor(hash(x)) from account_alias x),
             (select bit_xor(hash(y)) from opd_alias y)) as master_hash
),
final as (
    select
        max_load,
        abs(hash(max_load, n_undone, n_overrides, last_override, rules_version, settings_text,
                 n_post_campaign, master_hash) % 1000000007) as version
    from loads_part, override_part, other_part
)
select * from final
