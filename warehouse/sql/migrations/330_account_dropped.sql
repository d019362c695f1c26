-- An account a new master list no longer names for its OPD, after data was loaded for it, is
-- kept detached: opd_id NULL on the account and on the coverage rows naming it
-- (etl.account_moves). Its posts stay their OPD's; every coverage and scope macro joins accounts
-- and coverage rows to OPDs, so nothing waits for it. Listing it again sets opd_id.
ALTER TABLE account ALTER COLUMN opd_id DROP NOT NULL;
-- DuckDB alters no column of a table with an index: the index is made again after.
DROP INDEX load_coverage_load_idx;
ALTER TABLE load_coverage ALTER COLUMN opd_id DROP NOT NULL;
CREATE INDEX load_coverage_load_idx ON load_coverage (load_id);
