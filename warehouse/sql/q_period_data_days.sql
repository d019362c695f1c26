-- q_period_data_days: how many days of each compared period hold data for the OPDs and
-- platforms in scope, so a change is never computed against days nobody sent
-- (warehouse.compare.require_data). A day holds data when a live load covers it for an OPD in
-- scope (load_coverage, views/025_v_coverage.sql: "no data" is not "zero posts"; a logbook row
-- covers every platform of its OPD) or when a post of the scope was published on it (a post
-- proves its day). Grain: one row per period i of the lists $starts / $ends_excl (1-based,
-- inclusive start, exclusive end); days: the period's length, data_days: its days with data.
with
periods as (
    select i, $starts[i] as start_d, $ends_excl[i] as end_excl
    from range(1, len($starts) + 1) t(i)
),
opds as (
    select opd_id from scoped_opds($opd_kinds, $opd_ids)
),
spans as (
    select c.period_start, c.period_end
    from load_coverage c
    join loads l on l.load_id = c.load_id and l.status = 'loaded'
    semi join opds o on o.opd_id = c.opd_id
    where c.platform is null or platform_in_scope($platforms, c.platform)
),
covered as (
    select p.i,
           cast(unnest(generate_series(greatest(s.period_start, p.start_d),
                                       least(s.period_end, p.end_excl - 1),
                                       interval 1 day)) as date) as day
    from periods p
    join spans s on s.period_start < p.end_excl and s.period_end >= p.start_d
),
posted as (
    select p.i, d.pub_date as day
    from periods p
    join v_post_day_count d on d.pub_date >= p.start_d and d.pub_date < p.end_excl
    semi join opds o on o.opd_id = d.opd_id
    where platform_in_scope($platforms, d.platform)
),
days as (
    select i, day from covered
    union
    select i, day from posted
),
final as (
    select p.i, p.start_d as period_start, p.end_excl - 1 as period_end,
           p.end_excl - p.start_d as days,
           count(d.day) as data_days
    from periods p
    left join days d using (i)
    group by p.i, p.start_d, p.end_excl
    order by p.i
)
select * from final
