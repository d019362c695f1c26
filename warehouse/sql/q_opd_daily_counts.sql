-- q_opd_daily_counts: one OPD's posts per day, every day of the period. Grain: day.
-- has_data: the day's data is in (every account of the OPD in scope is covered that day,
-- v_coverage_day; an OPD without an account in scope has nothing to wait for), or the day has
-- a post. A day after the data's cut-off is no data, never 0 posts.
with
days as (
    select CAST(d AS DATE) as day
    from generate_series(CAST(CAST($start AS DATE) AS TIMESTAMP),
                         CAST(CAST($end_excl AS DATE) - 1 AS TIMESTAMP), interval 1 day) as t(d)
),
counts as (
    select pub_date as day, count(*) as posts, count_if(is_kinerja) as kinerja_posts
    from scoped_posts($start, $end_excl, $platforms, [], [$opd_id])
    group by pub_date
),
acc as (
    select account_id from scoped_accounts($platforms, [], [$opd_id])
),
covered as (
    select c.day, count(distinct c.account_id) as n_covered
    from v_coverage_day c
    semi join acc using (account_id)
    where c.day >= CAST($start AS DATE) and c.day < CAST($end_excl AS DATE)
    group by c.day
),
final as (
    select
        d.day,
        CAST(isodow(d.day) - 1 AS INTEGER) as weekday,
        CAST(date_trunc('week', d.day) AS DATE) as week_start,
        coalesce(c.posts, 0) as posts,
        coalesce(c.kinerja_posts, 0) as kinerja_posts,
        coalesce(c.posts, 0) > 0
            or coalesce(v.n_covered, 0) = (select count(*) from acc) as has_data
    from days d
    left join counts c using (day)
    left join covered v using (day)
)
select * from final
order by day
