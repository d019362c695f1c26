-- lateral_buckets: run on the cursor of a statement that calls opd_judgement laterally with the
-- bucket as a column (q_period_months_judgement.sql), before it. DuckDB 2.0 fails planning such
-- a call ("Conflicting or cyclic column binding replacement") while it rewrites delim joins as
-- CTEs: that rewrite is off on this cursor only (a session setting; the statement's rows are
-- the same, tests/warehouse/test_months_with_period.py).
SET delim_join_as_cte = false;
