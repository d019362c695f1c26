"""Per-month content counts (table post_content_month), kept beside posts and labels.

The content figures (macro content_counts, warehouse/sql/views/140_content_counts.sql) read
whole calendar months from this table instead of every post. It must always equal a recount
(macro post_content_month_recount; check checks/post_content_month_matches_posts.sql), so
every write that changes a post or the label users read recounts the OPD-months it touched,
in the same transaction:

- `recount_months(con, months)`: after posts of those OPD-months left, came in or changed
  (warehouse.day_counts.apply_change calls it for loads and undo, with `months_of`).
- `recount_posts(con, post_keys)`: after those posts' labels changed (relabelling a load,
  an analyst's override set or cleared).
- `recount(con, opd_ids)`: those OPDs' rows (None: the whole table), for writers that change
  posts otherwise (warehouse.day_counts.recount calls it).

Grain: opd_id (INTEGER) x platform (VARCHAR) x month_start (DATE, first day of the month of
published_at, naive WIB) x content_type (VARCHAR or NULL) x is_figure_centric (BOOLEAN or
NULL) -> posts (BIGINT, > 0), and over those posts interaction_posts, interaction_engagement,
reach_posts, reach_engagement, reach (migration 160: what the KPI tiles, the trend and the index
read of whole months) and last_posted_at (TIMESTAMP, the newest post's time: migration 310, where
the example posts start reading). A load's new interaction counts come in as its posts' rows leaving and
coming in, so the OPD-months they fall in are recounted like any other change.

Both recounts also recount the top posts kept per OPD-month (warehouse.top_posts: their
engagement and labels change with the same writes) and the per-day content counts
(post_content_day, migration 420: what the KPI tiles read of the days outside whole months),
per OPD and day over platform: posts, kinerja_posts, ucapan_posts, figure_posts (v_post_facts'
is_kinerja, is_ucapan, is_figure), interaction_posts, interaction_engagement, reach_engagement,
reach (macro post_content_day_recount; check checks/post_content_day_matches_posts.sql), its
rows of the same OPD-months. Its kinerja count follows content_type_label, so `recount_days`
recounts it whole when that table changes (warehouse.migrations.migrate).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl

from warehouse import periods, top_posts
from warehouse.month_tables import MonthTable

_TABLE = MonthTable("post_content_month")
_DAYS = MonthTable("post_content_day", day_column="pub_date")
_MONTHS_OF_KEYS_SQL = """
SELECT DISTINCT opd_id, CAST(date_trunc('month', published_at) AS DATE) AS month_start
FROM posts WHERE post_key IN (SELECT post_key FROM _content_keys)
"""


def months_of(*frames: pl.DataFrame | None) -> pl.DataFrame:
    """The distinct (opd_id Int32, month_start Date) of the rows of posts frames (columns
    opd_id and published_at: naive datetime, at least). Raises ValueError on a zoned
    published_at (its month would depend on the zone; posts.published_at is naive WIB)."""
    parts = []
    for df in frames:
        if df is None or not df.height:
            continue
        periods.require_naive_wib(df, "bulanan")
        parts.append(
            df.select(
                pl.col("opd_id").cast(pl.Int32),
                pl.col("published_at").dt.truncate("1mo").cast(pl.Date).alias("month_start"),
            )
        )
    if not parts:
        return pl.DataFrame(schema={"opd_id": pl.Int32, "month_start": pl.Date})
    return pl.concat(parts).unique()


def recount_months(con: duckdb.DuckDBPyConnection, months: pl.DataFrame) -> None:
    """Replace post_content_month's (and post_content_day's) rows of these OPD-months (columns
    opd_id, month_start) with a recount from posts and labels. Run inside the transaction that
    changed them."""
    _TABLE.recount_months(con, months)
    _DAYS.recount_months(con, months)
    # The top posts kept per month show the same posts' engagement and labels.
    top_posts.recount_months(con, months)


def recount_posts(con: duckdb.DuckDBPyConnection, post_keys: Iterable[str]) -> None:
    """Recount the OPD-months of these posts (as they are in posts now), after their labels
    changed. Run inside the transaction that changed them."""
    keys = pl.DataFrame({"post_key": list(post_keys)}, schema={"post_key": pl.String}).unique()
    if not keys.height:
        return
    con.register("_content_keys", keys.to_arrow())
    try:
        months = con.sql(_MONTHS_OF_KEYS_SQL).pl()
    finally:
        con.unregister("_content_keys")
    recount_months(con, months)


def recount(con: duckdb.DuckDBPyConnection, opd_ids: Iterable[int] | None = None) -> None:
    """Replace post_content_month's (and post_content_day's) rows of `opd_ids` (None: every
    row) with a recount.
    Run inside the transaction that changed posts."""
    if opd_ids is not None:
        opd_ids = list(opd_ids)  # read twice
    _TABLE.recount(con, opd_ids)
    _DAYS.recount(con, opd_ids)
    top_posts.recount(con, opd_ids)


def recount_days(con: duckdb.DuckDBPyConnection) -> None:
    """Replace every row of post_content_day with its recount: after content_type_label changed
    (the kinerja flag it counts) or the table was created (migration 420). Run inside a
    transaction."""
    _DAYS.recount(con, None)
