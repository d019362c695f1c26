"""Per-month post-format counts (table post_format_month), kept beside posts.

Jenis Konten's format figures (macro format_counts, warehouse/sql/views/180_format_counts.sql)
read whole calendar months from this table instead of every post. It must always equal a
recount (macro post_format_month_recount; check checks/post_format_month_matches_posts.sql),
so every write to posts updates it in the same transaction; warehouse.day_counts calls both
functions, so every writer that keeps post_day_count keeps this table too:

- `apply_change(con, removed, added)`: after rows `removed` left posts and rows `added` came in
  (loads and undo). The table is additive, so the change is merged from those rows alone: no
  post is read, and a batch's files merged at once give what merging them one by one gives.
- `recount(con, opd_ids)`: recount those OPDs' rows from posts (an alias; any writer that
  changes posts otherwise). `opd_ids=None`: the whole table.

A post's format and its row's load (so its logbook origin) change only with its posts row, and
labels are not counted here: relabelling and overrides leave the table as it is.

Grain: opd_id (INTEGER) x platform (VARCHAR) x month_start (DATE, first day of the month of
published_at, naive WIB) x post_format (VARCHAR or NULL) x from_logbook (BOOLEAN: the row's
load has format 'logbook') -> posts (BIGINT, > 0).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl

from warehouse import periods

KEYS = ("opd_id", "platform", "month_start", "post_format", "from_logbook")
_SCHEMA = pl.Schema(
    {
        "opd_id": pl.Int32(),
        "platform": pl.String(),
        "month_start": pl.Date(),
        "post_format": pl.String(),
        "from_logbook": pl.Boolean(),
        "posts": pl.Int64(),
    }
)
_TOUCHED = "_format_months"

_LOGBOOK_LOADS_SQL = "SELECT load_id FROM loads WHERE format = 'logbook'"
_KEPT_SQL = f"""
SELECT m.* FROM post_format_month m
SEMI JOIN {_TOUCHED} t ON t.opd_id = m.opd_id AND t.platform = m.platform
                      AND t.month_start = m.month_start
"""
_DELETE_SQL = f"""
DELETE FROM post_format_month m USING {_TOUCHED} t
WHERE m.opd_id = t.opd_id AND m.platform = t.platform AND m.month_start = t.month_start
"""
_INSERT_SQL = (
    "INSERT INTO post_format_month (opd_id, platform, month_start, post_format, from_logbook,"
    " posts) SELECT opd_id, platform, month_start, post_format, from_logbook, posts"
    " FROM _format_merged WHERE posts > 0"
)
_RECOUNT_DELETE_SQL = (
    "DELETE FROM post_format_month WHERE $all OR list_contains($only_opd_ids, opd_id)"
)
_RECOUNT_INSERT_SQL = """
INSERT INTO post_format_month
SELECT * FROM post_format_month_recount(CASE WHEN $all THEN NULL ELSE $only_opd_ids END)
"""


class FormatCountDrift(RuntimeError):
    """post_format_month would go below zero: it no longer matches posts (a write bypassed it)."""


def _keys(posts: pl.DataFrame, logbook_loads: pl.Series, sign: int) -> pl.DataFrame:
    """Each row's key (KEYS) of a posts frame (columns opd_id, platform, published_at: naive
    datetime, post_format, load_id) with posts = sign. Raises ValueError on a zoned
    published_at (its month would depend on the zone; posts.published_at is naive WIB)."""
    periods.require_naive_wib(posts, "bulanan")
    return posts.select(
        pl.col("opd_id").cast(pl.Int32),
        pl.col("platform").cast(pl.String),
        pl.col("published_at").dt.truncate("1mo").cast(pl.Date).alias("month_start"),
        pl.col("post_format").cast(pl.String),
        pl.col("load_id").is_in(logbook_loads.implode()).fill_null(False).alias("from_logbook"),
        pl.lit(sign, pl.Int64).alias("posts"),
    )


def apply_change(
    con: duckdb.DuckDBPyConnection, removed: pl.DataFrame | None, added: pl.DataFrame | None
) -> None:
    """Update post_format_month for rows `removed` from posts and rows `added` to it (posts
    frames: opd_id, platform, published_at, post_format, load_id at least; the loads rows of
    their load_ids written). Run inside the transaction that changed posts. Raises
    FormatCountDrift when a count would fall below zero (the table had drifted)."""
    frames = [
        (df, sign) for df, sign in ((removed, -1), (added, 1)) if df is not None and df.height
    ]
    if not frames:
        return
    logbook = pl.Series("load_id", [r[0] for r in con.execute(_LOGBOOK_LOADS_SQL).fetchall()])
    logbook = logbook.cast(pl.Int64)
    delta = (
        pl.concat([_keys(df, logbook, sign) for df, sign in frames])
        .group_by(*KEYS)
        .agg(pl.col("posts").sum())
        .filter(pl.col("posts") != 0)
    )
    if not delta.height:
        return
    touched = delta.select("opd_id", "platform", "month_start").unique()
    con.register(_TOUCHED, touched.to_arrow())
    try:
        kept = con.sql(_KEPT_SQL).pl()
        merged = (
            pl.concat([kept.cast(_SCHEMA).select(list(_SCHEMA)), delta.select(list(_SCHEMA))])
            .group_by(*KEYS)
            .agg(pl.col("posts").sum())
        )
        low = merged.filter(pl.col("posts") < 0)
        if low.height:
            raise FormatCountDrift(
                "Hitungan format postingan bulanan tidak cocok dengan tabel posts "
                f"({low.height} baris akan negatif); jalankan pemeriksaan gudang data."
            )
        con.register("_format_merged", merged.to_arrow())
        try:
            con.execute(_DELETE_SQL)
            con.execute(_INSERT_SQL)
        finally:
            con.unregister("_format_merged")
    finally:
        con.unregister(_TOUCHED)


def recount(con: duckdb.DuckDBPyConnection, opd_ids: Iterable[int] | None = None) -> None:
    """Replace post_format_month's rows of `opd_ids` (None: every row) with a recount from
    posts. Run inside the transaction that changed posts."""
    ids = [] if opd_ids is None else sorted({int(i) for i in opd_ids})
    if opd_ids is not None and not ids:
        return
    params = {"all": opd_ids is None, "only_opd_ids": ids}
    con.execute(_RECOUNT_DELETE_SQL, params)
    con.execute(_RECOUNT_INSERT_SQL, params)
