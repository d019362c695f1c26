-- load/dropped_accounts (read by etl.unregistered at load time, not by a page): the accounts a
-- master list dropped after data was loaded for them (account.opd_id NULL: etl.account_moves),
-- with the ids at the end of the names of the live exports that covered them ($file_platforms: the
-- file's platforms). An export naming one of these handles, or carrying one of these ids, is
-- that dropped account's, not the OPD's remaining account's. Grain: account x name id.
with
dropped as (
    select account_id, platform, handle, handle_norm
    from account
    where opd_id is null and list_contains($file_platforms, platform)
),
seen as (
    select distinct c.account_id, l.file_name
    from load_coverage c
    join loads l on l.load_id = c.load_id and l.status = 'loaded'
    semi join dropped d on d.account_id = c.account_id
),
final as (
    select d.platform, d.handle, d.handle_norm, s.file_name
    from dropped d
    left join seen s on s.account_id = d.account_id
)
select * from final
