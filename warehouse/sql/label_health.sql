-- The state of the content labels, one row: what etl.bootstrap and the test sample check
-- before a warehouse is used (warehouse/label_health.py says what each count must be).
SELECT
    (SELECT count(*) FROM posts) AS posts,
    (SELECT count(*) FROM rule_set) AS rule_versions,
    (SELECT count(*) FROM model_set WHERE status = 'aktif') AS active_models,
    (SELECT count(*) FROM posts WHERE content_type IS NULL) AS unlabelled_posts,
    (SELECT count(DISTINCT load_id) FROM posts WHERE content_type IS NULL) AS unlabelled_loads,
    (SELECT count(*) FROM posts WHERE content_type IS NOT NULL AND rules_version IS NULL)
        AS without_rules_version
