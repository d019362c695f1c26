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

Both also keep post_month_count (migration 380: these rows summed per calendar month, what the
judgement reads for a bucket of whole months; macro post_month_count_recount): the OPD-months
the changed days fall in, or the recounted OPDs, are recounted from post_day_count after it.

Grain: opd_id (INTEGER) x platform (VARCHAR) x account_key (VARCHAR: the account id as text,
or 'platform:<platform>' for a post tied to no account, as v_post_facts) x pub_date (DATE, the
day of published_at, naive WIB) -> account_id (INTEGER; NULL for a post tied to no account:
a function of account_key), posts (BIGINT, > 0), last_posted_at (TIMESTAMP: the latest
published_at of the day's posts, migration 181).

last_posted_at follows a change without reading posts in the usual cases: a row that came in
at or after the day's kept time sets it; otherwise the kept time stays unless a row that left
had it (then the day's rows left may hold an earlier time, so those days alone are recounted
from posts: an undo, or a post whose time moved earlier).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl

from warehouse import format_counts, label_counts, periods
from warehouse.db import sql_text
from warehouse.month_tables import MonthTable

KEYS = ("opd_id", "platform", "account_key", "pub_date")

_KEPT_SQL = """
SELECT d.opd_id, d.platform, d.account_key, d.pub_date, d.posts AS kept_posts,
       d.last_posted_at AS kept_last
FROM post_day_count d
SEMI JOIN _day_delta x USING (opd_id, platform, account_key, pub_date)
"""
_DELETE_SQL = """
DELETE FROM post_day_count d USING _day_delta x
WHERE d.opd_id = x.opd_id AND d.platform = x.platform AND d.account_key = x.account_key
  AND d.pub_date = x.pub_date
"""
_INSERT_SQL = (
    "INSERT INTO post_day_count (opd_id, platform, account_key, account_id, pub_date, posts,"
    " last_posted_at) SELECT opd_id, platform, account_key, account_id, pub_date, posts,"
    " last_posted_at FROM _day_merged WHERE posts > 0"
)
# The days whose last post time must be read again (a row that left had it), from posts as
# they are now: only those OPDs and days are read.
_LAST_SQL = """
SELECT r.opd_id, r.platform, r.account_key, r.pub_date, r.last_posted_at AS recounted_last
FROM v_post_day_recount r
SEMI JOIN _day_stale x USING (opd_id, platform, account_key, pub_date)
WHERE list_contains($touched_opds, r.opd_id) AND r.pub_date >= $from_d AND r.pub_date <= $to_d
"""


_RECOUNT_DELETE_SQL = (
    "DELETE FROM post_day_count WHERE $all OR list_contains($only_opd_ids, opd_id)"
)


# post_month_count: post_day_count summed per month, recounted for what a write touched.
_MONTHS = MonthTable("post_month_count")


class DayCountDrift(RuntimeError):
    """post_day_count would go below zero: it no longer matches posts (a write bypassed it)."""


def day_keys(posts: pl.DataFrame) -> pl.DataFrame:
    """The day-count key of each row of a posts frame (columns opd_id, account_id, platform,
    published_at: naive datetime). Columns: KEYS and account_id. Raises ValueError on a zoned
    published_at (its day would depend on the zone; posts.published_at is naive WIB)."""
    periods.require_naive_wib(posts, "harian")
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
    frames, day_keys' columns at least). Run inside the transaction that changed posts, after
    posts are written. Raises DayCountDrift when a count would fall below zero (the table had
    drifted). The per-month content counts of the OPD-months these rows fall in are recounted
    too (warehouse.label_counts), and the per-month format counts follow these rows
    (warehouse.format_counts)."""
    label_counts.recount_months(con, label_counts.months_of(removed, added))
    format_counts.apply_change(con, removed, added)
    parts = [
        day_keys(df).with_columns(
            published_at=df["published_at"].cast(pl.Datetime("us")), n=pl.lit(sign, pl.Int64)
        )
        for df, sign in ((removed, -1), (added, 1))
        if df is not None and df.height
    ]
    if not parts:
        return
    # Net change per day and time: a row that left and came back (a post loaded again) is no
    # change; what is left came in (n > 0) or left (n < 0) at that time.
    timed = (
        pl.concat(parts)
        .group_by(*KEYS, "account_id", "published_at")
        .agg(pl.col("n").sum())
        .filter(pl.col("n") != 0)
    )
    if not timed.height:
        return
    delta = timed.group_by(*KEYS, "account_id").agg(
        pl.col("n").sum().alias("posts"),
        pl.col("published_at").filter(pl.col("n") > 0).max().alias("added_last"),
        pl.col("published_at").filter(pl.col("n") < 0).max().alias("removed_last"),
    )
    con.register("_day_delta", delta.select(KEYS).to_arrow())
    try:
        kept = con.sql(_KEPT_SQL).pl()
        added_wins = pl.col("added_last").is_not_null() & (
            pl.col("kept_last").is_null() | (pl.col("added_last") >= pl.col("kept_last"))
        )
        merged = delta.join(
            kept.cast({"opd_id": pl.Int32, "kept_last": pl.Datetime("us")}), on=KEYS, how="left"
        ).select(
            *KEYS,
            "account_id",
            (pl.col("kept_posts").fill_null(0) + pl.col("posts")).alias("posts"),
            pl.when(added_wins)
            .then(pl.col("added_last"))
            .when(pl.col("removed_last") == pl.col("kept_last"))
            .then(None)
            .otherwise(pl.max_horizontal("kept_last", "added_last"))
            .alias("last_posted_at"),
        )
        low = merged.filter(pl.col("posts") < 0)
        if low.height:
            raise DayCountDrift(
                "Hitungan postingan harian tidak cocok dengan tabel posts "
                f"({low.height} baris akan negatif); jalankan pemeriksaan gudang data."
            )
        merged = _reread_last(con, merged)
        con.register("_day_merged", merged.to_arrow())
        try:
            con.execute(_DELETE_SQL)
            con.execute(_INSERT_SQL)
        finally:
            con.unregister("_day_merged")
        _MONTHS.recount_months(
            con,
            delta.select("opd_id", pl.col("pub_date").dt.truncate("1mo").alias("month_start")),
        )
    finally:
        con.unregister("_day_delta")


def _reread_last(con: duckdb.DuckDBPyConnection, merged: pl.DataFrame) -> pl.DataFrame:
    """merged with last_posted_at read from posts where apply_change could not tell it (a
    row that left had the day's kept time, and posts remain that day)."""
    stale = merged.filter(pl.col("last_posted_at").is_null() & (pl.col("posts") > 0))
    if not stale.height:
        return merged
    params = {
        "touched_opds": sorted(int(i) for i in stale["opd_id"].unique()),
        "from_d": stale["pub_date"].min(),
        "to_d": stale["pub_date"].max(),
    }
    con.register("_day_stale", stale.select(KEYS).to_arrow())
    try:
        got = con.sql(_LAST_SQL, params=params).pl()
    finally:
        con.unregister("_day_stale")
    got = got.cast({"opd_id": pl.Int32, "recounted_last": pl.Datetime("us")})
    return (
        merged.join(got, on=KEYS, how="left")
        .with_columns(pl.coalesce("last_posted_at", "recounted_last").alias("last_posted_at"))
        .drop("recounted_last")
    )


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
        "INSERT INTO post_day_count (opd_id, platform, account_key, account_id, pub_date, posts,"
        " last_posted_at) " + sql_text("summary/post_day_count_recount"),
        params,
    )
    _MONTHS.recount(con, opd_ids)
