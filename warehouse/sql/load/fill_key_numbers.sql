-- The numbers of the keys (migrations 320, 360) for rows that lack them: a snapshot taken
-- before a number existed restores its rows without it (warehouse.backup.restore). A row
-- without its number is still found by a load (always a candidate), only more slowly.
UPDATE posts SET key_hash = md5_number_lower(post_key) WHERE key_hash IS NULL;
UPDATE post_observation SET key_hash = md5_number_lower(post_key) WHERE key_hash IS NULL;
UPDATE post_link SET link_hash = md5_number_lower(link_key) WHERE link_hash IS NULL;
