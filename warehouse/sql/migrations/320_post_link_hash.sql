-- 320: a number for each link key (the lower 64 bits of its MD5), so that asking "was any
-- identity of this file seen before?" (etl.keys.adopt_known_keys) scans a column of integers,
-- not every link key of the warehouse as text: 158 -> 30 ms CPU at 2,000,000 links, paid by
-- every file of a folder load once post_link outgrows the batch's in-memory keys. The number
-- only narrows the rows; the link keys themselves are compared after, so two keys sharing a
-- number are never taken for one. Written with each link (etl.write); a row without it
-- (written by hand) is always a candidate. MD5 is fixed by its standard: a number stored by
-- one DuckDB version is the number the next computes (tests/etl_load/test_link_hash.py).
ALTER TABLE post_link ADD COLUMN link_hash UBIGINT;
UPDATE post_link SET link_hash = md5_number_lower(link_key);
