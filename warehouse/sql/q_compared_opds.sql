-- q_compared_opds: for each comparison i of the lists $cur_starts / $cur_ends_excl (the part
-- of the chosen period compared) and $oth_starts / $oth_ends_excl (the period it is compared
-- with; 1-based, inclusive start, exclusive end), every OPD in scope and whether its data is
-- complete on each side: THE compared set (macro compared_opds, views/170_compared_opds.sql),
-- read by warehouse.compare.restrict. Grain: comparison i x OPD in scope; columns: i, then
-- compared_opds's.
with
comparisons as (
    select i,
           $cur_starts[i] as cur_start, $cur_ends_excl[i] as cur_end_excl,
           $oth_starts[i] as oth_start, $oth_ends_excl[i] as oth_end_excl
    from range(1, len($cur_starts) + 1) t(i)
),
final as (
    select c.i, x.*
    from comparisons c,
    lateral compared_opds(c.cur_start, c.cur_end_excl, c.oth_start, c.oth_end_excl,
                          $platforms, $opd_kinds, $opd_ids) x
)
select * from final
order by i, opd_id
