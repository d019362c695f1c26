"""Unggah Data: the load history and the rows kept out of loads."""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse.queries.run import _limit, _run


def rejected_rows(
    con: duckdb.DuckDBPyConnection, limit: int = 500, opd_id: int | None = None
) -> pl.DataFrame:
    """Rows kept out of live loads, newest load first; only loads of `opd_id` when given (an
    operator's view).

    Columns: load_id, loaded_at, file_name, sheet, row_number, column_name, value, reason,
    total_rejected (Int64: every matching row, before `limit` keeps the newest; the same on
    each row).
    """
    return _run(con, "q_rejected_rows", {"limit": _limit(limit), "opd_id": opd_id})


def load_history(
    con: duckdb.DuckDBPyConnection, limit: int = 200, opd_id: int | None = None
) -> pl.DataFrame:
    """Newest loads first; only loads of `opd_id` when given (an operator's view).

    Columns: load_id, loaded_at, file_name, format, platform, opd, period_start, period_end,
    rows_read, n_new, n_updated, n_duplicate, n_rejected, status, loaded_by, message.
    """
    return _run(con, "q_load_history", {"limit": _limit(limit), "opd_id": opd_id})
