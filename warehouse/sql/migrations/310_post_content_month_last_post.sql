-- post_content_month gains, per row (OPD x platform x month x content_type x is_figure_centric),
-- last_posted_at: the time of its newest post (max of published_at over the row's posts), so
-- Jenis Konten's example posts (the newest of a label) read only the days that can hold them,
-- not every post of the period (warehouse.queries.content.example_posts,
-- q_example_posts_bound.sql). Kept with the counts by the same recounts of the touched
-- OPD-months at every write (warehouse/label_counts.py: loads, folder batches, undo,
-- re-exports, accounts moved by a master list, relabelling, overrides, restore);
-- checks/post_content_month_matches_posts.sql compares it with the recount (macro
-- post_content_month_recount). The refill is that recount, written out
-- because views are created after migrations; the old rows are replaced whole.
ALTER TABLE post_content_month ADD COLUMN last_posted_at TIMESTAMP;

DELETE FROM post_content_month;

INSERT INTO post_content_month
SELECT p.opd_id, p.platform, CAST(date_trunc('month', p.published_at) AS DATE),
       coalesce(ov.content_type, p.content_type),
       coalesce(ov.is_figure_centric, p.is_figure_centric),
       count(*),
       count(*) FILTER (WHERE p.reactions IS NOT NULL OR p.comments IS NOT NULL
                               OR p.shares IS NOT NULL),
       sum(coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0))
           FILTER (WHERE p.reactions IS NOT NULL OR p.comments IS NOT NULL
                          OR p.shares IS NOT NULL),
       count(*) FILTER (WHERE p.reach > 0),
       sum(coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0))
           FILTER (WHERE p.reach > 0),
       sum(p.reach) FILTER (WHERE p.reach > 0),
       max(p.published_at)
FROM posts p
JOIN opd o USING (opd_id)
LEFT JOIN label_override ov USING (post_key)
GROUP BY ALL;
