-- q_opd_daily_counts: one OPD's posts per day, every day of the period. Grain: day.
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
final as (
    select
        d.day,
        CAST(isodow(d.day) - 1 AS INTEGER) as weekday,
        CAST(date_trunc('week', d.day) AS DATE) as week_start,
        coalesce(c.posts, 0) as posts,
        coalesce(c.kinerja_posts, 0) as kinerja_posts
    from days d
    left join counts c using (day)
)
select * from final
order by day
