"""The classifier in the warehouse: rule-set versions, labelling posts, analysts' overrides."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from typing import Any

import duckdb
import polars as pl

from etl.classify.basis import label_basis
from etl.classify.engine import label_captions
from etl.classify.logbook import map_logbook_series
from etl.classify.rules import Rules, default_rules, validate_rules
from etl.classify.vocab import NO_MATCH_REASON
from etl.label_passes import label_passes
from warehouse import label_counts

SHIPPED_BY = "sistem"  # rule_set.created_by of the rules shipped in the repository
# One writer of rule_set versions at a time in this process (the app's sessions share one
# connection through cursors; DuckDB lets one process write a warehouse file): two saves or two
# first loads can then never both take the same version number.
VERSION_LOCK = threading.RLock()


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    # DuckDB 2.0: an execute() result must be fetched whole before the next statement. Runs on
    # con itself (not a cursor) so it joins the caller's open transaction.
    return con.execute(sql, params if params is not None else []).fetchall()


def seed_shipped_rules(con: duckdb.DuckDBPyConnection) -> None:
    """Store the shipped rules as version 1 when rule_set is empty. Runs on its own cursor
    (committed at once, outside any open transaction of the caller) under VERSION_LOCK, and
    inserts only when no version exists yet: two first loads at once store one version 1."""
    shipped = default_rules()
    with VERSION_LOCK:
        cur = con.cursor()
        try:
            cur.execute(
                "INSERT INTO rule_set (version, created_by, note, rules) "
                "SELECT 1, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rule_set)",
                [SHIPPED_BY, shipped.data.get("note", "aturan bawaan"), shipped.to_json()],
            ).fetchall()
        finally:
            cur.close()


def load_rules(con: duckdb.DuckDBPyConnection) -> Rules:
    """The newest rule set; seeds the repository's rules as version 1 when rule_set is empty."""
    rows = _run(con, "SELECT version, rules FROM rule_set ORDER BY version DESC LIMIT 1")
    if not rows:
        seed_shipped_rules(con)
        rows = _run(con, "SELECT version, rules FROM rule_set ORDER BY version DESC LIMIT 1")
        if not rows:  # the caller's transaction began before the seed: same content, version 1
            return Rules(default_rules().data, 1)
    version, stored = rows[0]
    data = stored if isinstance(stored, dict) else json.loads(stored)
    return Rules(data, int(version))


def _next_version(con: duckdb.DuckDBPyConnection) -> int:
    # Version 1 always exists once seeded, even when the caller's snapshot predates the seed.
    return int(_run(con, "SELECT greatest(coalesce(max(version), 0), 1) + 1 FROM rule_set")[0][0])


def save_rules(
    con: duckdb.DuckDBPyConnection,
    rules: Rules | dict[str, Any],
    *,
    by: str | None,
    note: str | None,
) -> int:
    """Store an edited rule set as a new version and return its number. Invalid rules raise
    ValueError with the problems listed (Bahasa Indonesia). Posts are re-labelled by
    classify_posts(con) afterwards, which records the version used on every post."""
    data = rules.data if isinstance(rules, Rules) else rules
    problems = validate_rules(data)
    if problems:
        raise ValueError("Aturan tidak disimpan:\n" + "\n".join(problems))
    load_rules(con)  # make sure version 1 (the shipped rules) exists first
    version = _next_version(con)
    _run(
        con,
        "INSERT INTO rule_set (version, created_by, note, rules) VALUES (?, ?, ?, ?)",
        [version, by, note, json.dumps(data, ensure_ascii=False)],
    )
    return version


def save_rules_and_relabel(
    con: duckdb.DuckDBPyConnection,
    rules: Rules | dict[str, Any],
    *,
    by: str | None,
    note: str | None,
) -> tuple[int, int]:
    """save_rules then classify_posts over every post, in one transaction: a new version is
    never left standing with posts labelled by the old one. Returns (version, posts labelled).
    Invalid rules raise ValueError before anything is written."""
    data = rules.data if isinstance(rules, Rules) else rules
    problems = validate_rules(data)
    if problems:
        raise ValueError("Aturan tidak disimpan:\n" + "\n".join(problems))
    seed_shipped_rules(con)
    from warehouse import backup

    with VERSION_LOCK:  # the snapshot too: two saves at once must not snapshot together
        backup.before(con, "relabel")  # every post's label changes: a snapshot first
        con.execute("BEGIN TRANSACTION")
        try:
            version = save_rules(con, rules, by=by, note=note)
            n = classify_posts(con)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise ValueError(
                "Aturan tidak disimpan: gudang data sedang diubah proses lain "
                f"({type(exc).__name__}). Coba simpan lagi."
            ) from exc
        except Exception:
            con.execute("ROLLBACK")
            raise
    return version, n


def upgrade_shipped_rules(con: duckdb.DuckDBPyConnection) -> int | None:
    """When the newest rule set is a shipped one (no analyst edit since) and the repository's
    rules file has changed, store the new shipped rules as the next version and re-label every
    post. Returns the new version, or None when nothing changed. An analyst's own version is
    never replaced: their edits win until they choose otherwise."""
    current = load_rules(con)
    (by,) = _run(con, "SELECT created_by FROM rule_set WHERE version = ?", [current.version])[0]
    shipped = default_rules()
    if by != SHIPPED_BY or current.key == shipped.key:
        return None
    with VERSION_LOCK:
        con.execute("BEGIN TRANSACTION")
        try:
            version = _next_version(con)
            _run(
                con,
                "INSERT INTO rule_set (version, created_by, note, rules) VALUES (?, ?, ?, ?)",
                [version, SHIPPED_BY, shipped.data.get("note", "aturan bawaan"), shipped.to_json()],
            )
            classify_posts(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return version


def _fetch_posts(
    con: duckdb.DuckDBPyConnection, load_ids: list[int], basis: int | None
) -> pl.DataFrame:
    # The loader calls this inside its open transaction: use con itself, not a cursor (a
    # cursor is a separate connection and would not see the uncommitted rows). Of a load's
    # posts, those carrying a label of the current basis (a re-export's unchanged posts:
    # etl.recompute.newest_posts) are left as they are: labelling them gives the same label.
    # basis None: every post of the loads.
    return con.sql(
        "SELECT post_key, caption, logbook_label FROM posts"
        " WHERE list_contains($load_ids, load_id)"
        " AND ($all OR content_type IS NULL OR label_basis IS DISTINCT FROM $basis)",
        params={"load_ids": load_ids, "basis": basis, "all": basis is None},
    ).pl()


def classify_posts(
    con: duckdb.DuckDBPyConnection,
    load_id: int | Iterable[int] | None = None,
    *,
    use_model: bool = True,
) -> int:
    """Label the posts of one load, or of several loads at once (an iterable of load ids),
    or every post (None), with the newest rules and the active model (etl.classify.combine
    says which decides); returns rows labelled. A post's label depends on its own caption and
    logbook label only, so labelling several loads at once equals labelling them one by one.
    Of a load's posts, those already labelled on the current basis (etl.classify.basis) are
    not labelled again; None labels every post.

    Writes posts.content_type/content_source (rule|model|logbook)/content_reason/
    is_figure_centric/figure_reason/rules_version/model_version/label_basis and
    logbook_content_type. Manual overrides live in label_override and are applied by v_posts,
    so re-running never loses them. No transaction of its own: the loader calls it inside the
    load transaction.
    """
    from etl.classify.model_store import active_model_digest

    rules = load_rules(con)
    model, model_version, digest = active_model_digest(con) if use_model else (None, None, None)
    basis = label_basis(rules, model_version, digest)
    if load_id is None:
        # Every post, in passes of whole loads: one pass over a million posts held 4 GB.
        n = 0
        for ids in label_passes(con, None):
            posts = _fetch_posts(con, ids, None)
            n += _write_labels(con, posts, rules, model, model_version, basis).height
        label_counts.recount(con)
        return n
    ids = [load_id] if isinstance(load_id, int) else list(load_id)
    out = _write_labels(con, _fetch_posts(con, ids, basis), rules, model, model_version, basis)
    # The per-month content counts follow the new labels in this same transaction.
    label_counts.recount_posts(con, out["post_key"])
    return out.height


def label_rows(
    posts: pl.DataFrame, rules: Rules, model: Any, model_version: int | None, basis: int
) -> pl.DataFrame:
    """Posts (post_key, caption, logbook_label) -> post_key and LABEL_COLUMNS, row for row: the
    labels classify_posts writes. Pure: reads and writes nothing."""
    # The loader's caption_norm is NFKC + lower only: the classifier's own normalization
    # (letterforms, dashes, repeated letters) is applied to the raw caption here.
    labels = label_captions(posts["caption"], rules, model)
    logbook = map_logbook_series(posts["logbook_label"], rules)
    out = pl.concat([posts.select("post_key"), labels, logbook.to_frame()], how="horizontal")
    # Neither the rules nor the model named a type but the OPD's logbook does: use it, say so.
    no_match = (
        (pl.col("content_reason") == NO_MATCH_REASON)
        & (pl.col("content_source") == "rule")
        & pl.col("logbook_content_type").is_not_null()
    )
    return out.with_columns(
        pl.when(no_match)
        .then(pl.col("logbook_content_type"))
        .otherwise(pl.col("content_type"))
        .alias("content_type"),
        pl.when(no_match)
        .then(pl.lit("logbook"))
        .otherwise(pl.col("content_source"))
        .alias("content_source"),
        pl.when(no_match)
        .then(pl.lit(NO_MATCH_REASON + "; dipakai label logbook OPD"))
        .otherwise(pl.col("content_reason"))
        .alias("content_reason"),
        pl.lit(rules.version, dtype=pl.Int32).alias("rules_version"),
        pl.lit(model_version, dtype=pl.Int32).alias("model_version"),
        pl.lit(basis, dtype=pl.Int64).alias("label_basis"),
    )


def _write_labels(
    con: duckdb.DuckDBPyConnection,
    posts: pl.DataFrame,
    rules: Rules,
    model: Any,
    model_version: int | None,
    basis: int,
) -> pl.DataFrame:
    """Label posts (post_key, caption, logbook_label) and write the labels into posts; returns
    the rows written (post_key and the label columns)."""
    if posts.height == 0:
        return posts.select("post_key")
    out = label_rows(posts, rules, model, model_version, basis)
    view = "_classify_out"
    con.register(view, out.to_arrow())
    try:
        _run(
            con,
            f"""
            UPDATE posts SET
                content_type = o.content_type,
                content_source = o.content_source,
                content_reason = o.content_reason,
                is_figure_centric = o.is_figure_centric,
                figure_reason = o.figure_reason,
                rules_version = o.rules_version,
                model_version = o.model_version,
                label_basis = o.label_basis,
                logbook_content_type = o.logbook_content_type
            FROM {view} o
            WHERE posts.post_key = o.post_key
            """,
        )
    finally:
        con.unregister(view)
    return out
