-- v_post_day_count: the per-day post counts (table post_day_count, migrations/125) of the
-- OPDs on the list, as v_posts joins posts to opd. Grain: OPD x platform x account_key x day
-- (columns opd_id, platform, account_key, account_id, pub_date, posts).
CREATE OR REPLACE VIEW v_post_day_count AS
SELECT d.*
FROM post_day_count d
SEMI JOIN opd o USING (opd_id);
