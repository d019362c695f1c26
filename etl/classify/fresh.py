"""Labels of posts rows before they are written: a file labelled in its own load transaction
(etl.write.write_prepared, the app's upload) inserts a new or changed post with its label,
instead of inserting it bare and updating its label after (etl.recompute.recompute_posts).

Only rows that the load's labelling pass (etl.recompute.label -> classify_posts) would label
are labelled here, with the same function (etl.classify.store.label_rows) and the same rules,
model and basis; that pass still runs after the load and finds them labelled, so the warehouse
it leaves is the one labelling after the insert left.
"""

from __future__ import annotations

from collections.abc import Collection

import duckdb
import polars as pl

from etl.classify.basis import label_basis
from etl.classify.model_store import active_model_digest
from etl.classify.store import label_rows, load_rules

# The columns of posts a label sets (classify_posts' UPDATE).
LABEL_COLUMNS = (
    "content_type", "content_source", "content_reason", "is_figure_centric", "figure_reason",
    "rules_version", "model_version", "label_basis", "logbook_content_type",
)  # fmt: skip


def with_labels(
    con: duckdb.DuckDBPyConnection, fresh: pl.DataFrame, load_ids: Collection[int]
) -> pl.DataFrame:
    """fresh (posts rows about to be inserted: post_key, load_id, caption, logbook_label and
    LABEL_COLUMNS) with labels on the rows classify_posts(con, ids) would label after the insert,
    where ids holds `load_ids` (the loads being written) and the loads of rows without a label:
    a row without a label, or a row of one of `load_ids` whose label has another basis (rules,
    model or classifier code changed since). Other rows, and the order, as they are. Reads the
    newest rules and the active model (in the caller's transaction)."""
    if not fresh.height:
        return fresh
    rules = load_rules(con)
    model, model_version, digest = active_model_digest(con)
    basis = label_basis(rules, model_version, digest)
    need = pl.col("content_type").is_null() | (
        pl.col("load_id").is_in(list(load_ids)) & pl.col("label_basis").ne_missing(basis)
    )
    idx = fresh.select(need.alias("need"))["need"].arg_true()
    if not len(idx):
        return fresh
    rows = fresh[idx].select("post_key", "caption", "logbook_label")
    out = label_rows(rows, rules, model, model_version, basis)
    return fresh.with_columns(
        fresh[c].scatter(idx, out[c].cast(fresh.schema[c])) for c in LABEL_COLUMNS
    )
