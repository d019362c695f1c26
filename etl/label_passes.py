"""How a folder's posts are labelled after its loads (label_batch, postponed) and how loads
are split into labelling passes (label_passes; etl.recompute.label): whole loads, at most
settings.LABEL_PASS_POSTS posts a pass, so the memory is bounded by a pass and not by the
folder."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from warehouse import settings


def label_passes(con: duckdb.DuckDBPyConnection, ids: list[int] | None) -> list[list[int]]:
    """ids (sorted; None: every load holding a post) in consecutive groups whose posts number
    at most settings.LABEL_PASS_POSTS, a load with more posts alone in its group; a load
    without posts joins the current group."""
    from warehouse.db import sql_text

    if ids is not None and not ids:
        return []
    sizes = dict(
        con.execute(
            sql_text("load/posts_per_load"), {"ids": ids or [], "all": ids is None}
        ).fetchall()
    )
    if ids is None:
        ids = sorted(int(i) for i in sizes)
        if not ids:
            return []
    passes: list[list[int]] = [[]]
    held = 0
    for i in ids:
        n = int(sizes.get(i, 0))
        if passes[-1] and held + n > settings.LABEL_PASS_POSTS:
            passes.append([])
            held = 0
        passes[-1].append(i)
        held += n
    return passes


def label_batch(con: duckdb.DuckDBPyConnection, load_ids: Iterable[int]) -> str | None:
    """Label the posts of `load_ids`, and of any load with a post still unlabelled (a folder
    load stopped before its labels), in passes of whole loads (label_passes), each pass its
    own transaction: one transaction over a million posts held every changed row until its
    commit.

    Returns None when no post is left unlabelled, else why, briefly (Bahasa Indonesia; the
    reports' note is postponed(why)): a DuckDB error (another writer relabelling at the same
    moment, say) rolls the labelling back, and posts still unlabelled after the commit are
    reported too. Either way the loads themselves are committed and stay; their posts are
    labelled by the next folder load or the app's next start (etl.bootstrap, which refuses to
    start on posts it cannot label). Any other exception is raised.
    """
    from etl.errors import describe
    from etl.load import _rollback
    from etl.recompute import label, pending_label_loads

    for ids in label_passes(con, sorted({*load_ids, *pending_label_loads(con)})):
        con.execute("BEGIN TRANSACTION")
        try:
            label(con, ids)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            _rollback(con)
            conflict = isinstance(exc, duckdb.TransactionException) or "Conflict" in str(exc)
            why = "gudang data sedang diubah proses lain pada saat yang sama" if conflict else None
            return why or describe(exc)
        except Exception:
            _rollback(con)
            raise
    left = pending_label_loads(con)
    if left:
        return f"{len(left)} muatan masih punya postingan tanpa label sesudah pelabelan"
    return None


def postponed(reason: str) -> str:
    """The load report's note when a folder's labels could not be computed (label_batch's
    reason in it)."""
    return (
        f"Label jenis konten belum dihitung ({reason}). Data postingan sudah tersimpan; "
        "labelnya dihitung pada pemuatan berikutnya atau saat aplikasi dibuka lagi. "
        "Sampai saat itu angka jenis konten postingan ini belum benar."
    )
