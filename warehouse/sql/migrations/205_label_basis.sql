-- 205: what each post's label was computed from, besides its caption and logbook label: a
-- hash of the classifier's code and libraries, the rule set (version and content) and the
-- active model (version and content) (etl/classify/basis.py). A re-exported post whose caption
-- and logbook label did not change keeps its label (etl.recompute.newest_posts carries it);
-- the loader labels it again only when this differs from the current basis. NULL (every label
-- written before this column) is never current: those posts are labelled as before.
ALTER TABLE posts ADD COLUMN label_basis BIGINT;
