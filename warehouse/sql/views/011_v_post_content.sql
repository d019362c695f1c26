-- v_post_content: one row per post with the content label as users read it, the OPD's own
-- logbook label beside the computed one, and whether they disagree. Grain: post.
CREATE OR REPLACE VIEW v_post_content AS
SELECT
    v.post_key,
    v.opd_id,
    v.opd,
    v.platform,
    v.published_at,
    v.caption,
    v.content_type,
    l.label                                                  AS content_label,
    l.is_kinerja,
    v.content_source,
    v.content_reason,
    v.computed_content_type,
    v.is_figure_centric,
    v.figure_reason,
    p.rules_version,
    v.logbook_label,
    p.logbook_content_type,
    ll.label                                                 AS logbook_content_label,
    p.logbook_content_type IS NOT NULL
        AND p.logbook_content_type <> v.content_type          AS logbook_disagrees,
    (SELECT list(pc.campaign_id ORDER BY pc.campaign_id)
       FROM post_campaign pc WHERE pc.post_key = v.post_key)  AS campaign_ids
FROM v_posts v
JOIN posts p USING (post_key)
LEFT JOIN content_type_label l ON l.content_type = v.content_type
LEFT JOIN content_type_label ll ON ll.content_type = p.logbook_content_type;
