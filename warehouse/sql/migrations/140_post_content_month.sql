-- post_content_month: how many posts each OPD has per platform, calendar month, content label
-- (as users read it: an analyst's override wins, as v_posts) and figure flag,
-- kept beside posts so that the content figures of whole months read thousands of rows, not
-- every post (macro content_counts, views/140_content_counts.sql). Grain: OPD x platform x
-- month x content_type x is_figure_centric (the last two may be NULL).
-- Kept by every write to posts or to a label in the same transaction
-- (warehouse/label_counts.py); checks/post_content_month_matches_posts.sql says it equals a
-- recount (macro post_content_month_recount; the fill below is that recount, written out
-- because views are created after migrations).
CREATE TABLE post_content_month (
    opd_id             INTEGER NOT NULL,
    platform           VARCHAR NOT NULL,
    month_start        DATE NOT NULL,
    content_type       VARCHAR,
    is_figure_centric  BOOLEAN,
    posts              BIGINT NOT NULL
);

INSERT INTO post_content_month
SELECT p.opd_id, p.platform, CAST(date_trunc('month', p.published_at) AS DATE),
       coalesce(ov.content_type, p.content_type),
       coalesce(ov.is_figure_centric, p.is_figure_centric),
       count(*)
FROM posts p
JOIN opd o USING (opd_id)
LEFT JOIN label_override ov USING (post_key)
GROUP BY ALL;
