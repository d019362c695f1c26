"""Tables kept per OPD and calendar month beside posts, recounted from posts by a table macro.

post_content_month (warehouse.label_counts) and post_top_month (warehouse.top_posts) hold rows
keyed by (opd_id INTEGER, month_start DATE: first day of a month of published_at, naive WIB),
each equal at all times to its macro `<table>_recount(opd_ids, from_d, to_excl)` (opd_ids
INTEGER[] or NULL for all; from_d/to_excl DATE bounds of published_at or NULL). A write
replaces the rows of what it touched with the macro's rows, inside its own transaction.
A table kept per day (post_content_day: `day_column` names its DATE column) is recounted the
same way, per OPD and the calendar month of that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb
import polars as pl

from warehouse import periods


class MonthTable:
    """The two recounts of one kept table. The statements name only the table, its macro and
    the registered keys view (identifiers fixed here); every value is a bound parameter."""

    def __init__(self, table: str, day_column: str | None = None) -> None:
        self.table = table
        self._keys = f"_{table}_keys"

        def month(alias: str) -> str:
            if day_column is None:
                return f"{alias}.month_start"
            return f"CAST(date_trunc('month', {alias}.{day_column}) AS DATE)"

        # Only the posts of the touched OPDs and months are read (bounds pushed to the scan),
        # so a write's cost follows what it touched, not the warehouse.
        self._delete_months = (
            f"DELETE FROM {table} m USING {self._keys} k"
            f" WHERE m.opd_id = k.opd_id AND {month('m')} = k.month_start"
        )
        self._insert_months = (
            f"INSERT INTO {table} SELECT r.* FROM {table}_recount($opd_ids, $from_d, $to_excl) r"
            f" SEMI JOIN {self._keys} k ON k.opd_id = r.opd_id AND k.month_start = {month('r')}"
        )
        self._delete = f"DELETE FROM {table} WHERE $all OR list_contains($only_opd_ids, opd_id)"
        self._insert = (
            f"INSERT INTO {table} SELECT * FROM"
            f" {table}_recount(CASE WHEN $all THEN NULL ELSE $only_opd_ids END, NULL, NULL)"
        )

    def recount_months(self, con: duckdb.DuckDBPyConnection, months: pl.DataFrame) -> None:
        """Replace the rows of these OPD-months (frame with columns opd_id, month_start; cast to
        Int32 / Date, duplicates allowed) with the recount."""
        if not months.height:
            return
        months = months.select(
            pl.col("opd_id").cast(pl.Int32), pl.col("month_start").cast(pl.Date)
        ).unique()
        firsts: list[dt.date] = months["month_start"].to_list()
        params = {
            "opd_ids": sorted(int(i) for i in months["opd_id"].unique()),
            "from_d": min(firsts),
            "to_excl": periods.add_months(max(firsts), 1),
        }
        con.register(self._keys, months.to_arrow())
        try:
            con.execute(self._delete_months)
            con.execute(self._insert_months, params)
        finally:
            con.unregister(self._keys)

    def recount(self, con: duckdb.DuckDBPyConnection, opd_ids: Iterable[int] | None) -> list[int]:
        """Replace the rows of `opd_ids` (None: every row) with the recount. Returns the ids
        recounted (empty for None or when none were given)."""
        ids = [] if opd_ids is None else sorted({int(i) for i in opd_ids})
        if opd_ids is not None and not ids:
            return ids
        params = {"all": opd_ids is None, "only_opd_ids": ids}
        con.execute(self._delete, params)
        con.execute(self._insert, params)
        return ids
