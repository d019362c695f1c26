CREATE OR REPLACE MACRO opd_index_before_160(start_d, end_excl, platforms, opd_kinds, opd_ids,
                                  expected_only, per_month, per_week, judged, target_per_month,
                                  wt_frequency, wt_consistency, wt_kinerja, wt_platform,
                                  wt_engagement, grade_very_good_min, grade_good_min,
                                  grade_fair_min, data_end) AS TABLE
    with
    opds as (
        select * from scoped_opds(opd_kinds, opd_ids)
        where not expected_only or expected_to_post
    ),
    period_posts as (
        select opd_id, platform, week_start, is_kinerja, engagement, has_interaction
        from scoped_posts(start_d, end_excl, platforms, opd_kinds, opd_ids)
        semi join opds using (opd_id)
    ),
    weeks as (
        select count(*) as weeks_in_period
        from (select judged_end(start_d, end_excl, data_end) as e) cut,
             generate_series(CAST(date_trunc('week', CAST(start_d AS DATE)) AS TIMESTAMP),
                             CAST(date_trunc('week', cut.e - 1) AS TIMESTAMP),
                             interval 7 day) as t(w)
    ),
    busiest as (
        select opd_id, max_account_posts, counted_posts, is_active, activity_status, data_complete,
               data_state, judgement
        from query_table(judged)
    ),
    per_opd as (
        select
            opd_id,
            count(*) as posts,
            count(distinct week_start) as weeks_with_post,
            count_if(is_kinerja) as kinerja_posts,
            sum(engagement) as engagement,
            count_if(has_interaction) as interaction_posts,
            sum(engagement) filter (where has_interaction) as interaction_engagement,
            count(distinct platform) as platforms_posted
        from period_posts
        group by opd_id
    ),
    platform_union as (
        select opd_id, count(distinct platform) as platforms_total
        from (
            select opd_id, platform from scoped_accounts(platforms, opd_kinds, opd_ids)
            semi join opds using (opd_id)
            union
            select opd_id, platform from period_posts
        )
        group by opd_id
    ),
    base as (
        select
            o.opd_id, o.opd, o.opd_short, o.opd_kind, o.expected_to_post,
            coalesce(p.posts, 0) as posts,
            coalesce(b.max_account_posts, 0) as max_account_posts,
            coalesce(b.counted_posts, 0) as counted_posts,
            activity_minimum('period', start_d, end_excl, per_month, per_week, data_end)
                as required_posts,
            b.is_active,
            b.activity_status,
            b.data_complete,
            b.data_state,
            b.judgement,
            scaled_count(target_per_month, start_d, judged_end(start_d, end_excl, data_end))
                as target_posts,
            coalesce(p.weeks_with_post, 0) as weeks_with_post,
            w.weeks_in_period,
            coalesce(p.kinerja_posts, 0) as kinerja_posts,
            p.kinerja_posts / nullif(p.posts, 0) as kinerja_share,
            coalesce(p.platforms_posted, 0) as platforms_posted,
            coalesce(u.platforms_total, 0) as platforms_total,
            coalesce(p.engagement, 0) as engagement,
            p.engagement / nullif(p.posts, 0) as engagement_per_post,
            coalesce(p.interaction_posts, 0) as interaction_posts,
            p.interaction_engagement / nullif(p.interaction_posts, 0) as interaction_per_post
        from opds o
        cross join weeks w
        left join per_opd p using (opd_id)
        join busiest b using (opd_id)
        left join platform_union u using (opd_id)
    ),
    engagement_rank as (
        select
            opd_id,
            case when count(*) over () = 1 then 1.0
                 else percent_rank() over (order by interaction_per_post) end as engagement_pct
        from base
        where interaction_posts > 0
    ),
    scored as (
        select
            b.*,
            least(100.0, 100.0 * b.posts / b.target_posts) as score_frequency,
            100.0 * b.weeks_with_post / b.weeks_in_period as score_consistency,
            coalesce(100.0 * b.kinerja_share, 0.0) as score_kinerja,
            coalesce(100.0 * b.platforms_posted / nullif(b.platforms_total, 0), 0.0) as score_platform,
            case when b.posts = 0 then 0.0
                 when b.interaction_posts = 0 then null
                 else 100.0 * e.engagement_pct end as score_engagement,
            CAST(wt_frequency AS DOUBLE) as w_frequency,
            CAST(wt_consistency AS DOUBLE) as w_consistency,
            CAST(wt_kinerja AS DOUBLE) as w_kinerja,
            CAST(wt_platform AS DOUBLE) as w_platform,
            CAST(wt_engagement AS DOUBLE) as w_engagement
        from base b
        left join engagement_rank e using (opd_id)
    ),
    indexed as (
        select
            *,
            case when activity_status = 'no_data' then null else
            (w_frequency * score_frequency + w_consistency * score_consistency
             + w_kinerja * score_kinerja + w_platform * score_platform
             + coalesce(w_engagement * score_engagement, 0))
            / nullif(w_frequency + w_consistency + w_kinerja + w_platform
                     + case when score_engagement is null then 0 else w_engagement end, 0)
            end as index_score
        from scored
    ),
    final as (
        select
            CAST(case when index_score is not null
                      then rank() over (order by index_score desc nulls last) end AS INTEGER) as rank,
            opd_id, opd, opd_short, opd_kind, expected_to_post, posts, max_account_posts,
            counted_posts, required_posts, is_active, activity_status, data_complete, data_state,
            judgement, target_posts,
            weeks_with_post, weeks_in_period, kinerja_posts, kinerja_share, platforms_posted,
            platforms_total, engagement, engagement_per_post, interaction_posts, score_frequency,
            score_consistency, score_kinerja, score_platform,
            score_engagement, w_frequency, w_consistency, w_kinerja, w_platform, w_engagement,
            index_score,
            index_grade(index_score, grade_very_good_min, grade_good_min, grade_fair_min) as grade
        from indexed
    )
    select * from final;
