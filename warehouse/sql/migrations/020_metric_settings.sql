-- 020: default analyst settings for the metrics layer: activity threshold, dormant
-- days, frequency target, Indeks Medsos weights and grade thresholds. Pengaturan edits this row
-- through warehouse.analyst_settings.save_settings; the defaults equal warehouse.analyst_settings.Settings() (tested).
INSERT INTO app_setting (key, value)
SELECT 'metrics', '{"min_posts_per_month": 4, "min_posts_per_week": 1, "dormant_days": 30,
  "target_posts_per_month": 12, "w_frequency": 30.0, "w_consistency": 20.0, "w_kinerja": 25.0,
  "w_platform": 10.0, "w_engagement": 15.0, "grade_very_good": 80.0, "grade_good": 60.0,
  "grade_fair": 40.0}'
WHERE NOT EXISTS (SELECT 1 FROM app_setting WHERE key = 'metrics');
