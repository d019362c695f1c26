-- 420: post_content_day, what the KPI tiles (q_kpi.sql, macro kpi_content_days in
-- views/192_kpi.sql) read of the days outside a period's whole calendar months (a month the
-- period's start, its end or the data end cuts: the running month and its same-day comparison
-- periods), so that those days are read from about a seventh as many rows as posts instead of
-- every post of the periods' range. Grain: OPD x platform x day (pub_date: the day of
-- published_at, naive WIB), over the day's posts (the label users read: an override wins, as
-- v_posts):
--   posts, kinerja_posts, ucapan_posts, figure_posts  posts, and of them those v_post_facts
--       counts as is_kinerja, is_ucapan, is_figure (their one definition: the content_type_label
--       table warehouse.vocabulary seeds, and v_post_facts)
--   interaction_posts, interaction_engagement  posts with interaction counts (has_interaction)
--       and their engagement summed (NULL when none)
--   reach_engagement, reach  over the posts with reach > 0, their engagement and reach summed
--       (NULL when none)
-- Equal at all times to its recount (macro post_content_day_recount, views/140_content_counts.sql;
-- checks/post_content_day_matches_posts.sql), kept in the writer's transaction by the same
-- recounts of the touched OPD-months as post_content_month (warehouse/label_counts.py: loads,
-- folder batches, undo, re-exports, accounts moved by a master list, relabelling, overrides,
-- restore), and recounted whole when content_type_label changes (the kinerja flag it counts:
-- warehouse.migrations.migrate).
-- Created empty: migrate() fills it from the recount after the views exist, so the fill reads
-- the one definition of kinerja, ucapan and figure instead of a copy written out here.
CREATE TABLE post_content_day (
    opd_id                  INTEGER NOT NULL,
    platform                VARCHAR NOT NULL,
    pub_date                DATE NOT NULL,
    posts                   BIGINT NOT NULL,
    kinerja_posts           BIGINT NOT NULL,
    ucapan_posts            BIGINT NOT NULL,
    figure_posts            BIGINT NOT NULL,
    interaction_posts       BIGINT NOT NULL,
    interaction_engagement  BIGINT,
    reach_engagement        BIGINT,
    reach                   BIGINT
);
