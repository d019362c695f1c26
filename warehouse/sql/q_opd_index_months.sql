-- q_opd_index_months: q_opd_index.sql's rows (every column, type and order) for a period of
-- whole calendar months ($start a month's first day, $end_excl a later month's first day), the
-- index (opd_index_given, views/087_keaktifan.sql) read from the tables kept per month: the
-- posts per OPD and content_type from post_content_month (as content_counts reads whole
-- months) and the platforms with a post from post_month_count (the months of post_day_count),
-- both kept equal to posts at every write; content_counts' branch for days outside whole
-- months and its bounds are not planned. Chosen by warehouse.queries.activity.opd_index
-- (judgement.calendar_months); any other period runs q_opd_index.sql. Grain: OPD.
with
content as (
    select m.opd_id, m.content_type, m.posts, m.interaction_posts, m.interaction_engagement
    from post_content_month m
    where platform_in_scope($platforms, m.platform)
      and m.month_start >= CAST($start AS DATE) and m.month_start < CAST($end_excl AS DATE)
),
posted as (
    select m.opd_id, m.platform
    from post_month_count m
    where platform_in_scope($platforms, m.platform)
      and m.month_start >= CAST($start AS DATE) and m.month_start < CAST($end_excl AS DATE)
),
final as (
    select *
    from opd_index_given('content', 'posted', $start, $end_excl, $platforms, $opd_kinds,
                         $opd_ids, $expected_only, $judged, $target_per_month,
                         $w_frequency, $w_consistency, $w_kinerja, $w_platform, $w_engagement,
                         $grade_very_good, $grade_good, $grade_fair, $data_end)
)
select * from final
order by rank nulls last, opd
