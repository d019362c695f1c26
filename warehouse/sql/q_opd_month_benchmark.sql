-- q_opd_month_benchmark: per calendar month, what a typical OPD in scope posted: the median and
-- the mean of the posts of the expected-to-post OPDs whose month was judged (active, or all
-- its data arrived); an OPD whose month's data did not arrive is left out, never counted as 0.
-- Grain: calendar month.
with
judged as (
    select period_start as month, opd_id, posts
    from opd_judgement('month', $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                       $min_per_month, $min_per_week, $activity_rule, $data_end)
    where expected_to_post and is_judged
),
final as (
    select
        month,
        CAST(median(posts) AS DOUBLE) as median_posts,
        CAST(avg(posts) AS DOUBLE) as mean_posts,
        count(*) as judged_opds
    from judged
    group by month
)
select * from final
order by month
