"""Undo one load exactly, and the load history."""

from __future__ import annotations

import duckdb
import polars as pl

from etl import recompute
from etl.columns import now_wib
from warehouse import coverage_days


class UndoError(Exception):
    """Bahasa Indonesia message."""


def undo_load(con: duckdb.DuckDBPyConnection, load_id: int) -> int:
    """Take one load back out, exactly: posts become what they would be without it.

    Returns the number of posts affected (changed or removed).
    """
    rows = con.execute(
        "SELECT status, file_name FROM loads WHERE load_id = ?", [load_id]
    ).fetchall()
    if not rows:
        raise UndoError(f"Muatan #{load_id} tidak ada.")
    status, file_name = rows[0]
    if status != "loaded":
        raise UndoError(
            f"Muatan #{load_id} ({file_name}) berstatus '{status}'; hanya muatan berstatus "
            "'loaded' yang dapat dibatalkan."
        )
    from warehouse import backup

    backup.before(con, "undo")  # undo is destructive: a snapshot first, kept N deep
    con.execute("BEGIN TRANSACTION")
    try:
        keys: pl.DataFrame = con.sql(
            "SELECT DISTINCT post_key FROM post_observation WHERE load_id = $id",
            params={"id": load_id},
        ).pl()
        con.execute("DELETE FROM post_observation WHERE load_id = ?", [load_id])
        con.execute("DELETE FROM rejects WHERE load_id = ?", [load_id])
        con.execute("DELETE FROM post_link WHERE load_id = ?", [load_id])
        con.execute(
            "UPDATE loads SET status = 'undone', undone_at = ? WHERE load_id = ?",
            [now_wib(), load_id],
        )
        coverage_days.refresh_loads(con, [load_id])  # its covered days go with it
        fresh = recompute.recompute_posts(con, keys)
        # Posts that went back to an older observation with another text need new labels.
        relabel = (
            fresh.filter(pl.col("content_type").is_null())
            .get_column("load_id")
            .unique()
            .sort()
            .to_list()
        )
        recompute.label(con, relabel)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return keys.height


def history(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every load, newest first, with the OPD name."""
    df: pl.DataFrame = con.sql("SELECT * FROM v_load_history ORDER BY load_id DESC").pl()
    return df
