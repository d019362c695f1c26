-- v_label_disagreement: posts whose OPD logbook "Jenis Konten" maps to a different type than
-- the effective label (rule, model or manual). Grain: post. For the review page.
CREATE OR REPLACE VIEW v_label_disagreement AS
SELECT
    post_key, opd_id, opd, platform, published_at, caption,
    logbook_label, logbook_content_type, logbook_content_label,
    content_type, content_label, content_source, content_reason
FROM v_post_content
WHERE logbook_disagrees;
