-- The Keaktifan figures, each defined once so that a list and a count of it cannot drift:
-- the Indeks Medsos OPD of every OPD in scope and the OPDs not active with their reasons.
-- q_opd_index / q_inactive_opds list them, q_keaktifan_figures and q_inactive_reason_counts
-- count them. Arguments as opd_judgement's (views/030_scope_and_activity.sql), plus the
-- settings named below (warehouse.analyst_settings.Settings) and data_end: the value of
-- v_data_end (views/025_v_coverage.sql), passed in as opd_judgement takes it.
-- judged: the name of a relation holding opd_judgement('period', ...) of these very arguments
-- (q_period_judgement.sql; warehouse.queries.judgement registers it on the query's cursor):
-- the judgement is computed once and shared by the index, the not-active list and the counts
-- of both, never judged again here.

-- index_grade: the grade of a 0..100 index score by the lower bounds set in Pengaturan
-- (warehouse.analyst_settings.Settings grade_*; the words are vocabulary.GRADES_EN's keys); null for null.
CREATE OR REPLACE MACRO index_grade(score, very_good_min, good_min, fair_min) AS
    case
        when score is null then null
        when score >= very_good_min then 'Sangat Baik'
        when score >= good_min then 'Baik'
        when score >= fair_min then 'Cukup'
        else 'Kurang'
    end;

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
-- opd_index_given is the index from the period's posts read by its callers: content (the name of
-- a relation of rows to be summed, per OPD and content_type: opd_id, content_type, posts,
-- interaction_posts, interaction_engagement: content_counts' columns) and posted (the name of a
-- relation of the OPD x platform pairs with a post in the period, duplicates allowed). Both in
-- scope of the platforms; the OPDs are cut to opds here. Read by opd_index (from content_counts
-- and post_day_count, any period) and q_opd_index_months.sql (a period of whole calendar months:
-- from post_content_month and post_month_count, kept equal to posts at every write).
-- The minimum is the judgement's own (required_posts of judged: activity_minimum('period',
-- ...)), not planned again here.
CREATE OR REPLACE MACRO opd_index_given(content, posted, start_d, end_excl, platforms, opd_kinds,
                                        opd_ids, expected_only, judged, target_per_month,
                                        wt_frequency, wt_consistency, wt_kinerja, wt_platform,
                                        wt_engagement, grade_very_good_min, grade_good_min,
                                        grade_fair_min, data_end) AS TABLE
    with
    -- The opd table's own columns are all the index shows of an OPD (scoped_opd_table).
    opds as (
        select * from scoped_opd_table(opd_kinds, opd_ids)
        where not expected_only or expected_to_post
    ),
    -- Counts below are per OPD of the scope, not of opds: base keeps opds' rows only (every
    -- part is left-joined to opds there), and a semi join to opds in each part made DuckDB
    -- materialize opds and plan three more joins (q_opd_index ~15% more CPU at 1M posts).
    -- The period's posts counted, not read one by one: per OPD from content (content_counts
    -- or post_content_month), the platforms with a post from posted and the weeks with a post
    -- from post_day_count (all kept equal to posts at every write).
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
        from query_table(content) c
        left join content_type_label l on l.content_type = c.content_type
        group by c.opd_id
    ),
    period_weeks as (
        select d.opd_id, CAST(date_trunc('week', d.pub_date) AS DATE) as week_start
        from post_day_count d
        where platform_in_scope(platforms, d.platform)
          and d.pub_date >= whole_day(start_d) and d.pub_date < whole_day(end_excl)
    ),
    -- The period's bounds computed once as columns: the weeks and the target read them
    -- (a macro's argument is copied wherever the macro uses it: judged_end written inside
    -- scaled_count planned many times over).
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
    -- The target: the monthly target scaled to the judged period.
    period_figures as (
        select scaled_count(target_per_month, s, e) as target_posts
        from cut
    ),
    -- required_posts: activity_minimum('period', ...) as the judgement holds it (one bucket).
    busiest as (
        select opd_id, max_account_posts, counted_posts, required_posts, is_active,
               activity_status, data_complete, data_state, judgement
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
            pp.platforms_posted
        from period_counts c
        join (
            select opd_id, count(distinct week_start) as weeks_with_post
            from period_weeks
            group by opd_id
        ) w using (opd_id)
        join (
            select opd_id, count(distinct platform) as platforms_posted
            from query_table(posted)
            group by opd_id
        ) pp using (opd_id)
    ),
    platform_union as (
        select opd_id, count(distinct platform) as platforms_total
        from (
            select opd_id, platform from scoped_account_keys(platforms, opd_kinds, opd_ids)
            union
            select opd_id, platform from query_table(posted)
        )
        group by opd_id
    ),
    base as (
        select
            o.opd_id, o.opd, o.opd_short, o.opd_kind, o.expected_to_post,
            coalesce(p.posts, 0) as posts,
            coalesce(b.max_account_posts, 0) as max_account_posts,
            coalesce(b.counted_posts, 0) as counted_posts,
            b.required_posts,
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

-- THE Indeks Medsos of any period: opd_index_given over the period's posts counted by
-- content_counts (whole months from post_content_month, the other days from the posts) and the
-- platforms with a post from post_day_count. per_month, per_week: the minimum's settings, read
-- by the judgement (judged), not here.
CREATE OR REPLACE MACRO opd_index(start_d, end_excl, platforms, opd_kinds, opd_ids,
                                  expected_only, per_month, per_week, judged, target_per_month,
                                  wt_frequency, wt_consistency, wt_kinerja, wt_platform,
                                  wt_engagement, grade_very_good_min, grade_good_min,
                                  grade_fair_min, data_end) AS TABLE
    with
    content as (
        select opd_id, content_type, posts, interaction_posts, interaction_engagement
        from content_counts('period', start_d, end_excl, platforms, opd_kinds, opd_ids)
    ),
    posted as (
        select d.opd_id, d.platform
        from post_day_count d
        where platform_in_scope(platforms, d.platform)
          and d.pub_date >= whole_day(start_d) and d.pub_date < whole_day(end_excl)
    )
    select *
    from opd_index_given('content', 'posted', start_d, end_excl, platforms, opd_kinds, opd_ids,
                         expected_only, judged, target_per_month, wt_frequency, wt_consistency,
                         wt_kinerja, wt_platform, wt_engagement, grade_very_good_min,
                         grade_good_min, grade_fair_min, data_end);

-- inactive_opds: expected-to-post OPDs that are not active in the period, with every reason
-- that applies, in priority order (codes; warehouse.vocabulary.INACTIVE_REASONS has the text).
-- Grain: OPD. Dormant: no post for >= dormant_after days up to as_of_d (or never).
-- An OPD whose data for the period has not all arrived (opd_judgement no_data) is listed with
-- not_received (none of it arrived) or partly_received (part of it: a month still running),
-- or not_submitted once today_d is past the last month's collection deadline. Such an OPD is
-- not judged: it is listed here with its reason but never counted as inactive
-- (q_keaktifan_figures).
-- Settings: dormant_after (days), deadline_d (collection deadline day); as_of_d: posts up to
-- this day count; today_d: what "past the deadline" is measured against. Grain: OPD.
CREATE OR REPLACE MACRO inactive_opds(start_d, end_excl, platforms, opd_kinds, opd_ids,
                                      per_month, per_week, judged, as_of_d, today_d,
                                      deadline_d, dormant_after, data_end) AS TABLE
    with
    opds as (
        select * from scoped_opds(opd_kinds, opd_ids) where expected_to_post
    ),
    in_period as (
        select opd_id, posts, max_account_posts, counted_posts, required_posts, is_active,
               activity_status, data_state
        -- judged: opd_judgement with counted_before := as_of_d + 1 (the same as without
        -- it when as_of_d is the period's last day or later); required_posts: the period's
        -- minimum (activity_minimum('period', ...)) as the judgement holds it
        from query_table(judged)
    ),
    -- The last post up to as_of_d from the per-day rows (post_day_count.last_posted_at: the
    -- day's last published_at, kept equal to posts at every write), not from every post.
    last_post as (
        select d.opd_id, max(d.last_posted_at) as last_post_at
        from post_day_count d
        semi join scoped_opd_table(opd_kinds, opd_ids) o using (opd_id)
        where platform_in_scope(platforms, d.platform)
          and d.pub_date < CAST(as_of_d AS DATE) + 1
        group by d.opd_id
    ),
    -- n_accounts: on the chosen platforms; n_all_accounts: on any platform, so that an OPD
    -- with accounts elsewhere is not told it has no official account at all.
    accounts as (
        select opd_id, count(*) filter (where platform_in_scope(platforms, platform))
                   as n_accounts,
               count(*) as n_all_accounts
        from scoped_account_keys([], opd_kinds, opd_ids)
        semi join opds using (opd_id)
        group by opd_id
    ),
    base as (
        select
            o.opd_id, o.opd, o.opd_kind,
            coalesce(a.n_accounts, 0) as n_accounts,
            coalesce(a.n_all_accounts, 0) as n_all_accounts,
            o.has_operator,
            o.operator_trained,
            coalesce(i.posts, 0) as posts,
            coalesce(i.max_account_posts, 0) as max_account_posts,
            coalesce(i.counted_posts, 0) as counted_posts,
            i.required_posts,
            i.is_active,
            i.activity_status,
            i.data_state,
            -- Data still missing after the last month's collection deadline: not submitted.
            CAST(today_d AS DATE) > coverage_due_date(CAST(end_excl AS DATE) - 1, deadline_d)
                as past_deadline,
            l.last_post_at,
            -- counted to the data end (v_data_end) when as_of_d lies past it: the days after
            -- it hold no data, so they are not days without a post
            least(CAST(as_of_d AS DATE), coalesce(CAST(data_end AS DATE), CAST(as_of_d AS DATE)))
                - CAST(l.last_post_at AS DATE) as days_since_last_post
        from opds o
        left join accounts a using (opd_id)
        join in_period i using (opd_id)
        left join last_post l using (opd_id)
    ),
    final as (
        select
            *,
            -- No data: only what the master list says; dormancy and the minimum need the data.
            list_filter([
                case when activity_status = 'no_data' and past_deadline then 'not_submitted'
                     when activity_status = 'no_data' and data_state = 'partial'
                     then 'partly_received'
                     when activity_status = 'no_data' then 'not_received' end,
                case when n_all_accounts = 0 then 'no_account'
                     when n_accounts = 0 then 'no_account_platform' end,
                case when not has_operator then 'no_operator' end,
                case when has_operator and operator_trained = false then 'untrained_operator' end,
                -- dormancy is an account's: an OPD with none in scope has no account to sleep
                case when activity_status = 'inactive' and n_accounts > 0
                          and (last_post_at is null or days_since_last_post >= dormant_after)
                     then 'dormant' end,
                case when activity_status = 'inactive' then 'below_minimum' end
            ], lambda x: x is not null) as reason_codes
        from base
        where not is_active
    )
    select * from final;
