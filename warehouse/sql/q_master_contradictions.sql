-- q_master_contradictions: rows of the master list (Daftar Akun Medsos OPD) that contradict
-- themselves or each other, for the analyst to fix at the source. Grain: OPD x problem code.
-- Operator personal data stays out: only whether a name or a phone is recorded.
-- Codes (texts in warehouse.master_checks.PROBLEMS):
--   trained_without_operator  no operator name but "Sudah pelatihan: Ya"
--   phone_without_operator    no operator name but a phone number
--   village_without_kecamatan a desa or kelurahan with no kecamatan above it
--   parent_not_kecamatan      the OPD above a desa or kelurahan is not a kecamatan
--   parent_of_non_village     an OPD that is not a desa or kelurahan has an OPD above it
--   not_expected_with_posts   marked "tidak wajib mengunggah" yet has posts
with
opd_x as (
    select
        o.opd_id, o.name as opd, o.kind as opd_kind, o.master_row, o.parent_opd_id,
        coalesce(trim(o.operator_name) <> '', false) as has_operator,
        coalesce(trim(o.operator_phone) <> '', false) as has_phone,
        o.operator_trained, o.expected_to_post,
        p.kind as parent_kind, p.name as parent_opd
    from opd o
    left join opd p on p.opd_id = o.parent_opd_id
),
posting as (
    select distinct opd_id from v_posts
),
problems as (
    select opd_id, 'trained_without_operator' as code from opd_x
    where not has_operator and operator_trained
    union all
    select opd_id, 'phone_without_operator' from opd_x
    where not has_operator and has_phone
    union all
    select opd_id, 'village_without_kecamatan' from opd_x
    where opd_kind in ('desa', 'kelurahan') and parent_opd_id is null
    union all
    select opd_id, 'parent_not_kecamatan' from opd_x
    where opd_kind in ('desa', 'kelurahan') and parent_opd_id is not null
      and coalesce(parent_kind, '') <> 'kecamatan'
    union all
    select opd_id, 'parent_of_non_village' from opd_x
    where opd_kind not in ('desa', 'kelurahan') and parent_opd_id is not null
    union all
    select opd_id, 'not_expected_with_posts' from opd_x
    semi join posting using (opd_id)
    where not expected_to_post
),
final as (
    select
        x.opd_id, x.opd, x.opd_kind, x.master_row, pr.code,
        x.has_operator, x.has_phone, x.operator_trained, x.expected_to_post, x.parent_opd
    from problems pr
    join opd_x x using (opd_id)
)
select * from final
order by master_row nulls last, opd, code
