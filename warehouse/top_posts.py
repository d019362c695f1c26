"""The top posts of each OPD, platform and month (table post_top_month), kept beside posts.

Tren's top posts (q_top_posts.sql) read a period's whole calendar months from this table instead
of sorting every post of the period. Per OPD x platform x month it holds the first
top_posts_kept() posts (macro, views/145_top_posts.sql: the page's 10) in the list's order
(engagement descending, published_at descending, post_key), with the columns the list shows.
The first n posts of any set of such groups are among the groups' kept posts when n is at most
that many, the order being total (post_key is unique). It must always equal a recount (macro
post_top_month_recount; check checks/post_top_month_matches_posts.sql). A post's engagement
moves with every re-export, its content label with relabelling and overrides, so the touched
OPD-months are recounted wherever the per-month content counts are (warehouse.label_counts
calls both functions, in the same transaction):

- `recount_months(con, months)`: those OPD-months (columns opd_id, month_start).
- `recount(con, opd_ids)`: those OPDs' rows (None: the whole table).

Grain: opd_id (INTEGER) x platform (VARCHAR) x month_start (DATE, first day of the month of
published_at, naive WIB) x post_key -> published_at, engagement (BIGINT), caption, content_type
(the label users read), reactions, comments, shares, reach, permalink.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl

from warehouse.month_tables import MonthTable

_TABLE = MonthTable("post_top_month")


def recount_months(con: duckdb.DuckDBPyConnection, months: pl.DataFrame) -> None:
    """Replace post_top_month's rows of these OPD-months (columns opd_id, month_start) with a
    recount from posts and labels. Run inside the transaction that changed them."""
    _TABLE.recount_months(con, months)


def recount(con: duckdb.DuckDBPyConnection, opd_ids: Iterable[int] | None = None) -> None:
    """Replace post_top_month's rows of `opd_ids` (None: every row) with a recount. Run inside
    the transaction that changed posts."""
    _TABLE.recount(con, opd_ids)
