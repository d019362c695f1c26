-- v_post_facts: v_posts plus the derived columns every report groups by.
-- Grain: post. account_key: the official account, or the platform when a logbook row could not
-- be matched to an account (so an OPD's logbook posts still count per platform).
-- is_kinerja comes from content_type_label (migration 002), the one list of kinerja types;
-- warehouse.vocabulary.KINERJA_TYPES must agree with it (tested).
CREATE OR REPLACE VIEW v_post_facts AS
SELECT
    v.*,
    coalesce(CAST(v.account_id AS VARCHAR), 'platform:' || v.platform)          AS account_key,
    coalesce(l.is_kinerja, false)                                               AS is_kinerja,
    coalesce(v.content_type = 'ucapan', false)                                  AS is_ucapan,
    coalesce(v.is_figure_centric, false)                                        AS is_figure,
    CAST(v.published_at AS DATE)                                                AS pub_date,
    CAST(date_trunc('week', v.published_at) AS DATE)                            AS week_start,
    CAST(date_trunc('month', v.published_at) AS DATE)                           AS month_start,
    -- The post carries interaction counts (exports do; a logbook row does not): interaction
    -- figures are summed over these posts only, and are "no data" (null, shown "-") when a
    -- scope has none, never 0.
    (v.reactions IS NOT NULL OR v.comments IS NOT NULL OR v.shares IS NOT NULL)  AS has_interaction
FROM v_posts v
LEFT JOIN content_type_label l ON l.content_type = v.content_type;
