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
        -- every row of the master list (views/021_v_opd_profile.sql)
        master_list_fingerprint() as master_hash
),
final as (
    select
        max_load,
        abs(hash(max_load, n_undone, n_overrides, last_override, rules_version, settings_text,
                 n_post_campaign, master_hash) % 1000000007) as version
    from loads_part, override_part, other_part
)
select * from final
