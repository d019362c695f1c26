-- post_format_month: how many posts each OPD has per platform, calendar month, post format
-- (NULL when the export or logbook did not say) and whether the post's row came from a logbook
-- (its load's format is 'logbook'), kept beside posts so that Jenis Konten's format figures of
-- whole months read thousands of rows, not every post (macro format_counts,
-- views/180_format_counts.sql). Grain: OPD x platform x month x post_format x from_logbook.
-- Kept by every write to posts in the same transaction (warehouse/format_counts.py, called by
-- warehouse/day_counts.py); checks/post_format_month_matches_posts.sql says it equals a
-- recount (macro post_format_month_recount; the fill below is that recount, written out
-- because views are created after migrations).
CREATE TABLE post_format_month (
    opd_id        INTEGER NOT NULL,
    platform      VARCHAR NOT NULL,
    month_start   DATE NOT NULL,
    post_format   VARCHAR,
    from_logbook  BOOLEAN NOT NULL,
    posts         BIGINT NOT NULL
);

INSERT INTO post_format_month
SELECT p.opd_id, p.platform, CAST(date_trunc('month', p.published_at) AS DATE), p.post_format,
       coalesce(l.format = 'logbook', false), count(*)
FROM posts p
JOIN opd o USING (opd_id)
LEFT JOIN loads l ON l.load_id = p.load_id
GROUP BY ALL;
