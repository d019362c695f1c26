-- v_posts: one row per post with its OPD, effective labels (a manual override wins) and metrics.
-- Grain: post. Every page and export reads posts through this view.
CREATE OR REPLACE VIEW v_posts AS
SELECT
    p.post_key,
    o.opd_id,
    o.name                                                   AS opd,
    o.short_name                                             AS opd_short,
    o.kind                                                   AS opd_kind,
    o.parent_opd_id,
    p.account_id,
    p.platform,
    p.account_handle,
    p.published_at,
    p.caption,
    p.post_format,
    p.permalink,
    p.views,
    p.reach,
    p.reactions,
    p.comments,
    p.shares,
    p.saves,
    coalesce(p.reactions, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0) AS engagement,
    coalesce(ov.content_type, p.content_type)                AS content_type,
    CASE WHEN ov.content_type IS NOT NULL THEN 'manual' ELSE p.content_source END AS content_source,
    CASE WHEN ov.content_type IS NOT NULL
         THEN 'diubah manual' || coalesce(': ' || ov.note, '')
         ELSE p.content_reason END                           AS content_reason,
    p.content_type                                           AS computed_content_type,
    p.logbook_label,
    p.logbook_content_type,                                  -- logbook_label as a content_type code (comparable)
    coalesce(ov.is_figure_centric, p.is_figure_centric)      AS is_figure_centric,
    p.figure_reason,
    p.load_id,
    p.first_load_id,
    p.source_sheet,
    p.source_row
FROM posts p
JOIN opd o USING (opd_id)
LEFT JOIN label_override ov USING (post_key);
