-- The KPI tiles' figures, written once for the two statements that measure them:
-- q_kpi.sql (any periods: whole months from post_content_month, other days from
-- post_content_day)
-- and q_kpi_months.sql (periods of whole calendar months only: every post counted from
-- post_content_month, so the per-post part is not planned at all). Grain and columns:
-- q_kpi.sql's.

-- The KPI tiles' periods: period i (1-based) of the lists starts / ends_excl (inclusive start,
-- exclusive end) as start_d, end_excl, and its whole calendar months [lo, hi)
-- (content_months_lo/hi of 'period': read from post_content_month; the empty range [start_d,
-- start_d) when none fits). Columns: i, start_d, end_excl, lo, hi.
CREATE OR REPLACE MACRO kpi_periods(starts, ends_excl) AS TABLE
    SELECT i, start_d, end_excl,
           content_months_lo('period', start_d, end_excl) AS lo,
           content_months_hi('period', start_d, end_excl) AS hi
    FROM (SELECT i, starts[i] AS start_d, ends_excl[i] AS end_excl
          FROM range(1, len(starts) + 1) t(i));

-- Each OPD set's OPDs: for set k of sets (a list of OPD id lists; an empty list: opd_ids, the
-- filters' own OPDs), scoped_opds(opd_kinds, the set's ids), the set written where the OPD
-- filter reads its ids (opd_in_scope). Columns: k, then v_opd_profile's.
CREATE OR REPLACE MACRO kpi_set_opds(sets, opd_kinds, opd_ids) AS TABLE
    WITH s AS (
        SELECT k, CASE WHEN len(sets[k]) = 0 THEN opd_ids ELSE sets[k] END AS ids
        FROM range(1, len(sets) + 1) t(k)
    )
    SELECT s.k, o.*
    FROM s, scoped_opds(opd_kinds, []) o
    WHERE opd_in_scope([], s.ids, o.opd_kind, o.opd_id);

-- The content of each period's whole calendar months [lo, hi) (the relation named months: i,
-- lo, hi; kpi_periods' rows) per OPD set (the relation named opds:
-- kpi_set_opds' rows), from post_content_month (kept equal to a recount at every write:
-- warehouse/label_counts.py), on the platforms in scope. Grain: set k x period i (only those
-- with a row); columns k, i, posts, kinerja_posts, ucapan_posts, figure_posts, engagement,
-- interaction_posts, engagement_with_reach, reach (sums, uncast).
CREATE OR REPLACE MACRO kpi_content_months(months, opds, platforms) AS TABLE
    SELECT
        o.k,
        m.i,
        sum(c.posts) AS posts,
        sum(c.posts) FILTER (WHERE coalesce(l.is_kinerja, false)) AS kinerja_posts,
        sum(c.posts) FILTER (WHERE coalesce(c.content_type = 'ucapan', false)) AS ucapan_posts,
        sum(c.posts) FILTER (WHERE coalesce(c.is_figure_centric, false)) AS figure_posts,
        sum(c.interaction_engagement) AS engagement,
        sum(c.interaction_posts) AS interaction_posts,
        sum(c.reach_engagement) AS engagement_with_reach,
        sum(c.reach) AS reach
    FROM query_table(months) m
    JOIN post_content_month c ON c.month_start >= m.lo AND c.month_start < m.hi
    JOIN query_table(opds) o ON o.opd_id = c.opd_id
    LEFT JOIN content_type_label l ON l.content_type = c.content_type
    WHERE platform_in_scope(platforms, c.platform)
    GROUP BY o.k, m.i;

-- The content of each period's days outside its whole calendar months (the relation named
-- periods: i, start_d, end_excl, lo, hi; kpi_periods' rows: a month the period's start or end
-- cuts, or every day when no whole month fits) per OPD set (the relation named opds:
-- kpi_set_opds' rows), from post_content_day (kept equal to a recount at every write:
-- warehouse/label_counts.py; its kinerja, ucapan and figure counts are v_post_facts'), on the
-- platforms in scope. Grain and columns: kpi_content_months'.
CREATE OR REPLACE MACRO kpi_content_days(periods, opds, platforms) AS TABLE
    SELECT
        o.k,
        m.i,
        sum(d.posts) AS posts,
        sum(d.kinerja_posts) AS kinerja_posts,
        sum(d.ucapan_posts) AS ucapan_posts,
        sum(d.figure_posts) AS figure_posts,
        sum(d.interaction_engagement) AS engagement,
        sum(d.interaction_posts) AS interaction_posts,
        sum(d.reach_engagement) AS engagement_with_reach,
        sum(d.reach) AS reach
    FROM query_table(periods) m
    JOIN post_content_day d
      ON d.pub_date >= m.start_d AND d.pub_date < m.end_excl
     AND NOT (d.pub_date >= m.lo AND d.pub_date < m.hi)
    JOIN query_table(opds) o ON o.opd_id = d.opd_id
    WHERE platform_in_scope(platforms, d.platform)
    GROUP BY o.k, m.i;

-- The KPI rows: one per OPD set k (1 .. n_sets) and period i of the relation named periods
-- (i), from the sets' OPDs (opds: kpi_set_opds' rows), the periods' judgement (judged:
-- opd_judgement's rows with i, q_periods_judgement.sql's; the rule is read from its one
-- definition, never copied) and the content summed per set and period (content: rows of
-- kpi_content_months' columns, several per set and period allowed: they are added up).
-- Active OPD and the rate's denominator: an OPD whose data for the period has not all arrived
-- and that is not active is no_data, left out of the rate (judged_opds, "datanya lengkap").
-- A period with no OPD or no post in scope still gets its row (counts 0). Columns: q_kpi.sql's.
CREATE OR REPLACE MACRO kpi_figures(periods, n_sets, opds, judged, content) AS TABLE
    WITH per_opd AS (
        SELECT j.i, j.opd_id, j.is_active, j.is_judged, j.data_state
        FROM query_table(judged) j
    ),
    activity AS (
        SELECT
            o.k,
            a.i,
            count(*) FILTER (WHERE o.expected_to_post) AS expected_opds,
            count(*) FILTER (WHERE o.expected_to_post AND a.is_judged) AS judged_opds,
            count(*) FILTER (WHERE o.expected_to_post AND NOT a.is_judged) AS no_data_opds,
            -- of those, the OPDs part of whose data arrived (a month still running): "data
            -- sebagian", not "data belum diterima"
            count(*) FILTER (WHERE o.expected_to_post AND NOT a.is_judged
                               AND a.data_state = 'partial') AS partial_data_opds,
            count(*) FILTER (WHERE o.expected_to_post AND a.is_active) AS active_opds,
            count(*) FILTER (WHERE o.expected_to_post AND NOT o.has_operator)
                AS opds_without_operator
        FROM query_table(opds) o
        JOIN per_opd a USING (opd_id)
        GROUP BY o.k, a.i
    ),
    summed AS (
        SELECT
            k,
            i,
            CAST(sum(posts) AS BIGINT) AS posts,
            CAST(sum(kinerja_posts) AS BIGINT) AS kinerja_posts,
            CAST(sum(ucapan_posts) AS BIGINT) AS ucapan_posts,
            CAST(sum(figure_posts) AS BIGINT) AS figure_posts,
            sum(engagement) AS engagement,
            CAST(sum(interaction_posts) AS BIGINT) AS interaction_posts,
            sum(engagement_with_reach) AS engagement_with_reach,
            sum(reach) AS reach
        FROM query_table(content)
        GROUP BY k, i
    ),
    counted AS (
        SELECT
            s.k,
            p.i,
            coalesce(a.expected_opds, 0) AS expected_opds,
            coalesce(a.judged_opds, 0) AS judged_opds,
            coalesce(a.no_data_opds, 0) AS no_data_opds,
            coalesce(a.partial_data_opds, 0) AS partial_data_opds,
            coalesce(a.active_opds, 0) AS active_opds,
            coalesce(a.opds_without_operator, 0) AS opds_without_operator,
            coalesce(c.posts, 0) AS posts,
            coalesce(c.kinerja_posts, 0) AS kinerja_posts,
            coalesce(c.ucapan_posts, 0) AS ucapan_posts,
            coalesce(c.figure_posts, 0) AS figure_posts,
            CASE WHEN coalesce(c.interaction_posts, 0) > 0 THEN c.engagement
                 WHEN coalesce(c.posts, 0) = 0 THEN 0 END AS engagement,
            c.engagement_with_reach,
            c.reach
        FROM range(1, n_sets + 1) s(k)
        CROSS JOIN (SELECT i FROM query_table(periods)) p
        LEFT JOIN activity a USING (k, i)
        LEFT JOIN summed c USING (k, i)
    )
    SELECT
        k,
        i,
        active_opds / nullif(judged_opds, 0) AS activity_rate,
        active_opds,
        expected_opds,
        judged_opds,
        no_data_opds,
        partial_data_opds,
        posts,
        kinerja_posts / nullif(posts, 0) AS kinerja_share,
        ucapan_posts / nullif(posts, 0) AS ucapan_share,
        figure_posts / nullif(posts, 0) AS figure_share,
        engagement,
        engagement / nullif(posts, 0) AS engagement_per_post,
        engagement_with_reach / reach AS engagement_per_reach,
        opds_without_operator
    FROM counted;
