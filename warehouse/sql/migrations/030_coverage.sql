-- 030: which days of which account each load covers (etl/coverage.py derives the rows from the
-- period the file declares: its name, a logbook's title or sheet, else its posts' span). An
-- account-month with no live load covering it is "not received", which is not "zero posts".
-- platform NULL = every platform of the OPD (a logbook); account_id NULL = every account of the
-- OPD on that platform. Rows are never deleted: undo sets loads.status and readers join on it.
CREATE TABLE load_coverage (
    load_id       INTEGER NOT NULL,
    opd_id        INTEGER NOT NULL,
    platform      VARCHAR,
    account_id    INTEGER,
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    basis         VARCHAR NOT NULL,     -- file_name | title | sheet_name | posts_span
    source_sheet  VARCHAR
);
CREATE INDEX load_coverage_load_idx ON load_coverage (load_id);

-- Loads made before this migration: their posts' span is all that is known of their period.
INSERT INTO load_coverage
SELECT o.load_id, o.opd_id, o.platform, o.account_id,
       CAST(min(o.published_at) AS DATE), CAST(max(o.published_at) AS DATE), 'posts_span',
       o.source_sheet
FROM post_observation o
JOIN loads l USING (load_id)
GROUP BY o.load_id, o.opd_id, o.platform, o.account_id, o.source_sheet;
