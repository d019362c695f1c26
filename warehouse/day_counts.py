"""Per-account per-day post counts (table post_day_count), kept beside posts.

The activity rule (macro opd_activity, warehouse/sql/views/030_scope_and_activity.sql) needs
only how many posts each account has on each day; reading them from this table instead of every
post makes the activity figures read thousands of rows, not millions. The table must always
equal a recount from posts (check checks/post_day_count_matches_posts.sql), so every write to
posts updates it in the same transaction:

- `apply_change(con, removed, added)`: after rows `removed` left posts and rows `added` came in
  (etl.recompute.recompute_posts: loads and undo). Cost follows the changed rows only.
- `recount(con, opd_ids)`: recount those OPDs' rows from posts (an alias tying posts to an
  account; any writer that changes posts otherwise). `opd_ids=None`: the whole table.

Grain: opd_id (INTEGER) x platform (VARCHAR) x account_key (VARCHAR: the account id as text,
or 'platform:<platform>' for a post tied to no account, as v_post_facts) x pub_date (DATE, the
day of published_at, naive WIB) -> account_id (INTEGER; NULL for a post tied to no account:
a function of account_key), posts (BIGINT, > 0).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl

from warehouse import format_counts, label_counts
from warehouse.db import sql_text

KEYS = ("opd_id", "platform", "account_key", "pub_date")

_MERGED_SQL = """
SELECT opd_id, platform, account_key, account_id, pub_date, CAST(sum(posts) AS BIGINT) AS posts
FROM (
    SELECT d.opd_id, d.platform, d.account_key, d.account_id, d.pub_date, d.posts
    FROM post_day_count d
    SEMI JOIN _day_delta x USING (opd_id, platform, account_key, pub_date)
    UNION ALL
    SELECT opd_id, platform, account_key, account_id, pub_date, posts FROM _day_delta
)
GROUP BY ALL
"""
_DELETE_SQL = """
DELETE FROM post_day_count d USING _day_delta x
WHERE d.opd_id = x.opd_id AND d.platform = x.platform AND d.account_key = x.account_key
  AND d.pub_date = x.pub_date
"""
_INSERT_SQL = (
    "INSERT INTO post_day_count (opd_id, platform, account_key, account_id, pub_date, posts)"
    " SELECT opd_id, platform, account_key, account_id, pub_date, posts FROM _day_merged"
    " WHERE posts > 0"
)


_RECOUNT_DELETE_SQL = (
    "DELETE FROM post_day_count WHERE $all OR list_contains($only_opd_ids, opd_id)"
)


class DayCountDrift(RuntimeError):
    """post_day_count would go below zero: it no longer matches posts (a write bypassed it)."""


def day_keys(posts: pl.DataFrame) -> pl.DataFrame:
    """The day-count key of each row of a posts frame (columns opd_id, account_id, platform,
    published_at: naive datetime). Columns: KEYS and account_id. Raises ValueError on a zoned
    published_at (its day would depend on the zone; posts.published_at is naive WIB)."""
    dtype = posts.schema["published_at"]
    if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
        raise ValueError("published_at harus tanpa zona waktu (WIB naif) untuk hitungan harian")
    return posts.select(
        pl.col("opd_id").cast(pl.Int32),
        pl.col("platform").cast(pl.String),
        pl.when(pl.col("account_id").is_null())
        .then(pl.lit("platform:") + pl.col("platform").cast(pl.String))
        .otherwise(pl.col("account_id").cast(pl.Int64).cast(pl.String))
        .alias("account_key"),
        pl.col("account_id").cast(pl.Int32),
        pl.col("published_at").cast(pl.Date).alias("pub_date"),
    )


def apply_change(
    con: duckdb.DuckDBPyConnection, removed: pl.DataFrame | None, added: pl.DataFrame | None
) -> None:
    """Update post_day_count for rows `removed` from posts and rows `added` to it (both posts
    frames, day_keys' columns at least). Run inside the transaction that changed posts.
    Raises DayCountDrift when a count would fall below zero (the table had drifted).
    The per-month content counts of the OPD-months these rows fall in are recounted too
    (warehouse.label_counts), and the per-month format counts follow these rows
    (warehouse.format_counts)."""
    label_counts.recount_months(con, label_counts.months_of(removed, added))
    format_counts.apply_change(con, removed, added)
    parts = [
        day_keys(df).with_columns(posts=pl.lit(sign, pl.Int64))
        for df, sign in ((removed, -1), (added, 1))
        if df is not None and df.height
    ]
    if not parts:
        return
    delta = (
        pl.concat(parts)
        .group_by(*KEYS, "account_id")
        .agg(pl.col("posts").sum())
        .filter(pl.col("posts") != 0)
    )
    if not delta.height:
        return
    con.register("_day_delta", delta.to_arrow())
    try:
        merged = con.sql(_MERGED_SQL).pl()
        low = merged.filter(pl.col("posts") < 0)
        if low.height:
            raise DayCountDrift(
                "Hitungan postingan harian tidak cocok dengan tabel posts "
                f"({low.height} baris akan negatif); jalankan pemeriksaan gudang data."
            )
        con.register("_day_merged", merged.to_arrow())
        try:
            con.execute(_DELETE_SQL)
            con.execute(_INSERT_SQL)
        finally:
            con.unregister("_day_merged")
    finally:
        con.unregister("_day_delta")


def recount(con: duckdb.DuckDBPyConnection, opd_ids: Iterable[int] | None = None) -> None:
    """Replace post_day_count's rows of `opd_ids` (None: every row) with a recount from posts.
    Run inside the transaction that changed posts. The per-month content counts of the same
    OPDs are recounted too (warehouse.label_counts), and their per-month format counts
    (warehouse.format_counts)."""
    opd_ids = None if opd_ids is None else list(opd_ids)
    label_counts.recount(con, opd_ids)
    format_counts.recount(con, opd_ids)
    ids = [] if opd_ids is None else sorted({int(i) for i in opd_ids})
    if opd_ids is not None and not ids:
        return
    params = {"all": opd_ids is None, "only_opd_ids": ids}
    con.execute(_RECOUNT_DELETE_SQL, params)
    con.execute(
        "INSERT INTO post_day_count (opd_id, platform, account_key, account_id, pub_date, posts) "
        + sql_text("summary/post_day_count_recount"),
        params,
    )
