"""The learned model in the warehouse (table model_set): seeding, retraining, accepting.

Versions follow the rule sets' way: the model fitted on the shipped labelled captions is
version 1 (created_by 'sistem', fitted here at the first need: nothing is downloaded); every
retraining stores a 'kandidat' with its quality before and after on the held-out split; only
an analyst's acceptance makes it 'aktif' (the previous active one becomes 'arsip') and
re-labels every post in the same transaction. Analysts' corrections live in label_override and
are applied by v_posts, so no retraining or re-labelling can lose one.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Any

import duckdb
import polars as pl

from etl.classify.engine import label_text
from etl.classify.model import Model
from etl.classify.rules import Rules
from etl.classify.store import VERSION_LOCK, load_rules
from etl.classify.textnorm import normalize_series
from etl.classify.training import (
    fit_model,
    shipped_examples,
    shipped_model,
    split,
    warehouse_examples,
)
from etl.classify.vocab import CONTENT_TYPES

SHIPPED_BY = "sistem"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    return con.execute(sql, params if params is not None else []).fetchall()


def seed_shipped_model(con: duckdb.DuckDBPyConnection) -> None:
    """Store the model fitted on the shipped captions as active version 1 when model_set is
    empty; on its own cursor (committed at once) under VERSION_LOCK, like the rule seed."""
    with VERSION_LOCK:
        cur = con.cursor()
        try:
            if cur.execute("SELECT count(*) FROM model_set").fetchall()[0][0]:
                return
            model = shipped_model()
            cur.execute(
                "INSERT INTO model_set (version, created_by, note, status, n_train, n_holdout,"
                " model) SELECT 1, ?, ?, 'aktif', ?, 0, ? "
                "WHERE NOT EXISTS (SELECT 1 FROM model_set)",
                [
                    SHIPPED_BY,
                    "model bawaan (contoh berlabel yang dikirim bersama aplikasi)",
                    int(model.data["n_train"]),
                    json.dumps(model.data),
                ],
            ).fetchall()
        finally:
            cur.close()


@functools.lru_cache(maxsize=4)
def _parse(digest: str, text: str) -> Model:
    return Model(json.loads(text))


def active_model(con: duckdb.DuckDBPyConnection) -> tuple[Model, int]:
    """(model, version) of the active model; seeds version 1 when there is none."""
    model, version, _ = active_model_digest(con)
    return model, version


def active_model_digest(con: duckdb.DuckDBPyConnection) -> tuple[Model, int, str]:
    """(model, version, SHA-1 hex of its JSON text as stored) of the active model; seeds
    version 1 when there is none (etl.classify.basis hashes the digest into a label's basis)."""
    sql = "SELECT version, model::VARCHAR FROM model_set WHERE status = 'aktif' ORDER BY version DESC LIMIT 1"
    rows = _rows(con, sql)
    if not rows:
        seed_shipped_model(con)
        rows = _rows(con, sql)
        if not rows:  # the caller's transaction predates the seed: the same model, version 1
            model = shipped_model()
            return model, 1, hashlib.sha1(json.dumps(model.data).encode()).hexdigest()
    version, text = rows[0]
    digest = hashlib.sha1(text.encode()).hexdigest()
    return _parse(digest, text), int(version), digest


def _f1(truth: Any, pred: Any) -> float:
    """F1 of two Boolean arrays (1.0 when neither has a positive)."""
    tp = int((truth & pred).sum())
    fp = int((~truth & pred).sum())
    fn = int((truth & ~pred).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def _macro_f1(truth: Any, pred: Any) -> float:
    """Mean F1 over the seven labels of two label arrays."""
    return sum(_f1(truth == lab, pred == lab) for lab in CONTENT_TYPES) / len(CONTENT_TYPES)


def _scores(text: pl.Series, truth: list[str], fig: list[bool | None], rules: Rules,
            model: Model | None) -> dict[str, float]:  # fmt: skip
    import numpy as np

    out = label_text(text, rules, model)
    pred = out["content_type"].to_numpy()
    t = np.asarray(truth)
    known = np.asarray([f is not None for f in fig])
    ft = np.asarray([bool(f) for f in fig])[known]
    fp = out["is_figure_centric"].to_numpy()[known].astype(bool)
    return {
        "akurasi": round(float(np.mean(pred == t)), 3),
        "f1_ucapan": round(_f1(t == "ucapan", pred == "ucapan"), 3),
        "f1_makro": round(_macro_f1(t, pred), 3),
        "f1_figur": round(_f1(ft, fp), 3),
    }


def retrain(
    con: duckdb.DuckDBPyConnection, *, by: str | None, note: str | None = None
) -> dict[str, Any]:
    """Fit a candidate on the shipped captions, the analysts' corrections and the logbook
    labels (training split), measure it against the active model on the held-out split, and
    store it as a 'kandidat'. Returns {version, n_train, n_holdout, n_koreksi, n_logbook,
    sebelum, sesudah, aturan_saja} (scores 0..1). Nothing is re-labelled until accept_model."""
    rules = load_rules(con)
    current, current_version = active_model(con)
    examples = pl.concat([shipped_examples(), warehouse_examples(con)])
    train, held = split(examples)
    candidate = fit_model(train)
    text = normalize_series(held["caption"])
    truth, fig = held["label"].to_list(), held["figure"].to_list()
    quality = {
        "versi_sebelum": current_version,
        "sebelum": _scores(text, truth, fig, rules, current),
        "sesudah": _scores(text, truth, fig, rules, candidate),
        "aturan_saja": _scores(text, truth, fig, rules, None),
    }
    counts = dict(examples.group_by("source").len().iter_rows())
    with VERSION_LOCK:
        version = int(_rows(con, "SELECT coalesce(max(version), 1) + 1 FROM model_set")[0][0])
        _rows(
            con,
            "INSERT INTO model_set (version, created_by, note, status, rules_version, n_train,"
            " n_holdout, quality, model) VALUES (?, ?, ?, 'kandidat', ?, ?, ?, ?, ?)",
            [
                version,
                by,
                note,
                rules.version,
                train.height,
                held.height,
                json.dumps(quality),
                json.dumps(candidate.data),
            ],
        )
    return {
        "version": version,
        "n_train": train.height,
        "n_holdout": held.height,
        "n_koreksi": int(counts.get("koreksi", 0)),
        "n_logbook": int(counts.get("logbook", 0)),
        **quality,
    }


def accept_model(con: duckdb.DuckDBPyConnection, version: int, *, by: str | None) -> int:
    """Make candidate `version` the active model and re-label every post, in one transaction.
    Returns posts labelled. Raises ValueError (Bahasa Indonesia) when it is not a candidate."""
    from etl.classify.store import classify_posts
    from warehouse import backup

    with VERSION_LOCK:
        rows = _rows(con, "SELECT status FROM model_set WHERE version = ?", [version])
        if not rows or rows[0][0] != "kandidat":
            raise ValueError(f"Model versi {version} bukan kandidat yang menunggu persetujuan.")
        backup.before(con, "relabel")  # every post's label may change: a snapshot first
        con.execute("BEGIN TRANSACTION")
        try:
            rows = _rows(con, "SELECT status FROM model_set WHERE version = ?", [version])
            if not rows or rows[0][0] != "kandidat":
                raise ValueError(f"Model versi {version} bukan kandidat yang menunggu persetujuan.")
            _rows(con, "UPDATE model_set SET status = 'arsip' WHERE status = 'aktif'")
            _rows(
                con,
                "UPDATE model_set SET status = 'aktif', note = coalesce(note, '') || ? WHERE version = ?",
                [f" (diterima oleh {by or 'analis'})", version],
            )
            n = classify_posts(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return n


def reject_model(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Mark a candidate as rejected (kept for the record, never used)."""
    _rows(
        con,
        "UPDATE model_set SET status = 'ditolak' WHERE version = ? AND status = 'kandidat'",
        [version],
    )


def model_versions(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every model version: version, created_at, created_by, note, status, n_train, n_holdout,
    quality (JSON text), newest first."""
    return con.sql(
        "SELECT version, created_at, created_by, note, status, n_train, n_holdout,"
        " quality::VARCHAR AS quality FROM model_set ORDER BY version DESC"
    ).pl()
