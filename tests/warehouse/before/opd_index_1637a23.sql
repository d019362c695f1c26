-- The macro opd_index as it was at 1637a23 (warehouse/sql/views/087_keaktifan.sql), word for
-- word but for its name: tests/warehouse/test_keaktifan_1637a23.py compares it with today's.

-- opd_index: Indeks Medsos OPD with every component score and weight.
-- Grain: OPD. Scores are 0..100; index = sum(weight x score) / sum(weights).
-- frequency = min(100, 100 x posts / target_posts, the monthly target scaled to the period);
-- consistency = 100 x weeks with a post / weeks in period (Monday weeks touching the period);
-- kinerja = 100 x kinerja share;
-- platform = 100 x platforms posted / platforms with an account or a post; engagement =
-- 100 x percent_rank of engagement per post among OPDs whose posts carry interaction counts
-- (lowest 0, highest 100, a lone OPD 100; 0 when it posted nothing). An OPD whose posts carry
-- no interaction counts at all (logbook rows) has no engagement score (null, shown "-"): its
-- index is the weighted mean of the parts it has, i.e. that weight is spread over the others.
-- An OPD whose data for the period has not arrived and that is not active (opd_judgement
-- no_data) gets no index, rank or grade: no data is not a low score. An active OPD with part of
-- its data missing is scored on what arrived (data_complete = false says so).
-- Settings: target_per_month, wt_* (index weights), grade_*_min (lower bounds of the grades);
-- expected_only: only OPDs expected to post. Grain: OPD (rank, index_score, grade, ...).
CREATE OR REPLACE MACRO opd_index_before_1637a23(start_d, end_excl, platforms, opd_kinds, opd_ids,
                                  expected_only, per_month, per_week, judged, target_per_month,
                                  wt_frequency, wt_consistency, wt_kinerja, wt_platform,
                                  wt_engagement, grade_very_good_min, grade_good_min,
                                  grade_fair_min, data_end) AS TABLE
    with
    -- The opd table's own columns are all the index shows of an OPD (scoped_opd_table).
    opds as (
        select * from scoped_opd_table(opd_kinds, opd_ids)
        where not expected_only or expected_to_post
    ),
    -- The period's posts counted, not read one by one: per OPD from content_counts (whole
    -- months from post_content_month, views/140_content_counts.sql) and the weeks and
    -- platforms with a post from post_day_count (both kept equal to posts at every write).
    -- A post with no interaction counts has engagement 0: the sum over the posts carrying
    -- them is the sum over all (0 when none carries them).
    period_counts as (
        select
            c.opd_id,
            sum(c.posts) as posts,
            coalesce(sum(c.posts) filter (where coalesce(l.is_kinerja, false)), 0)
                as kinerja_posts,
            coalesce(sum(c.interaction_engagement), 0) as engagement,
            sum(c.interaction_posts) as interaction_posts,
            sum(c.interaction_engagement) as interaction_engagement
        from content_counts('period', start_d, end_excl, platforms, opd_kinds, opd_ids) c
        left join content_type_label l on l.content_type = c.content_type
        semi join opds using (opd_id)
        group by c.opd_id
    ),
    period_days as (
        select d.opd_id, d.platform, CAST(date_trunc('week', d.pub_date) AS DATE) as week_start
        from post_day_count d
        semi join opds using (opd_id)
        where platform_in_scope(platforms, d.platform)
          and d.pub_date >= whole_day(start_d) and d.pub_date < whole_day(end_excl)
    ),
    -- The period's bounds computed once as columns: the minimum and the target read them
    -- (a macro's argument is copied wherever the macro uses it: judged_end written inside
    -- activity_minimum and scaled_count planned many times over).
    cut as (
        select CAST(start_d AS DATE) as s, judged_end(start_d, end_excl, data_end) as e,
               CAST(data_end AS DATE) as de
    ),
    weeks as (
        select count(*) as weeks_in_period
        from cut,
             generate_series(CAST(date_trunc('week', cut.s) AS TIMESTAMP),
                             CAST(date_trunc('week', cut.e - 1) AS TIMESTAMP),
                             interval 7 day) as t(w)
    ),
    -- activity_minimum('period', ...) as it is defined (bucket_minimum over the judged end),
    -- and the target: the monthly target scaled to the judged period.
    period_figures as (
        select bucket_minimum('period', s, e, per_month, per_week, NULL, de) as required_posts,
               scaled_count(target_per_month, s, e) as target_posts
        from cut
    ),
    busiest as (
        select opd_id, max_account_posts, counted_posts, is_active, activity_status, data_complete,
               data_state, judgement
        from query_table(judged)
    ),
    per_opd as (
        select
            c.opd_id,
            CAST(c.posts AS BIGINT) as posts,
            w.weeks_with_post,
            CAST(c.kinerja_posts AS BIGINT) as kinerja_posts,
            c.engagement,
            CAST(c.interaction_posts AS BIGINT) as interaction_posts,
            c.interaction_engagement,
            w.platforms_posted
        from period_counts c
        join (
            select opd_id, count(distinct week_start) as weeks_with_post,
                   count(distinct platform) as platforms_posted
            from period_days
            group by opd_id
        ) w using (opd_id)
    ),
    platform_union as (
        select opd_id, count(distinct platform) as platforms_total
        from (
            select opd_id, platform from scoped_account_keys(platforms, opd_kinds, opd_ids)
            semi join opds using (opd_id)
            union
            select opd_id, platform from period_days
        )
        group by opd_id
    ),
    base as (
        select
            o.opd_id, o.opd, o.opd_short, o.opd_kind, o.expected_to_post,
            coalesce(p.posts, 0) as posts,
            coalesce(b.max_account_posts, 0) as max_account_posts,
            coalesce(b.counted_posts, 0) as counted_posts,
            m.required_posts,
            b.is_active,
            b.activity_status,
            b.data_complete,
            b.data_state,
            b.judgement,
            m.target_posts,
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
        cross join period_figures m
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
