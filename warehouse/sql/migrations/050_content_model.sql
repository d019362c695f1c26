-- 050: the learned content model, versioned like rule_set. A retrained model is stored as a
-- 'kandidat' with its quality before/after on a held-out split; the analyst accepts it (it
-- becomes 'aktif', the previous one 'arsip', and every post is re-labelled) or rejects it
-- ('ditolak'). posts.model_version records the model each label was computed with.

CREATE TABLE model_set (
    version     INTEGER PRIMARY KEY,
    created_at  TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    created_by  VARCHAR,
    note        VARCHAR,
    status      VARCHAR NOT NULL,       -- kandidat | aktif | arsip | ditolak
    rules_version INTEGER,              -- the rule set it was combined with when measured
    n_train     INTEGER NOT NULL,       -- captions it was fitted on (all sources)
    n_holdout   INTEGER NOT NULL,       -- captions of the held-out split it was measured on
    quality     JSON,                   -- scores before (active) and after (this) on the split
    model       JSON NOT NULL           -- features, idf, weights, thresholds (etl/classify/model.py)
);

ALTER TABLE posts ADD COLUMN model_version INTEGER;
