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

import datetime as dt
from collections.abc import Iterable

import duckdb
import polars as pl

from warehouse import periods

_KEYS_VIEW = "_top_months"

_DELETE_MONTHS_SQL = f"""
DELETE FROM post_top_month m USING {_KEYS_VIEW} k
WHERE m.opd_id = k.opd_id AND m.month_start = k.month_start
"""
# Only the posts of the touched OPDs and months are read (bounds pushed to the scan).
_INSERT_MONTHS_SQL = f"""
INSERT INTO post_top_month
SELECT r.* FROM post_top_month_recount($opd_ids, $from_d, $to_excl) r
SEMI JOIN {_KEYS_VIEW} k USING (opd_id, month_start)
"""
_DELETE_SQL = "DELETE FROM post_top_month WHERE $all OR list_contains($only_opd_ids, opd_id)"
_INSERT_SQL = """
INSERT INTO post_top_month
SELECT * FROM post_top_month_recount(CASE WHEN $all THEN NULL ELSE $only_opd_ids END, NULL, NULL)
"""


def recount_months(con: duckdb.DuckDBPyConnection, months: pl.DataFrame) -> None:
    """Replace post_top_month's rows of these OPD-months (columns opd_id Int32, month_start
    Date, distinct) with a recount from posts and labels. Run inside the transaction that
    changed them."""
    if not months.height:
        return
    firsts: list[dt.date] = months["month_start"].to_list()
    params = {
        "opd_ids": sorted(int(i) for i in months["opd_id"].unique()),
        "from_d": min(firsts),
        "to_excl": periods.add_months(max(firsts), 1),
    }
    con.register(_KEYS_VIEW, months.to_arrow())
    try:
        con.execute(_DELETE_MONTHS_SQL)
        con.execute(_INSERT_MONTHS_SQL, params)
    finally:
        con.unregister(_KEYS_VIEW)


def recount(con: duckdb.DuckDBPyConnection, opd_ids: Iterable[int] | None = None) -> None:
    """Replace post_top_month's rows of `opd_ids` (None: every row) with a recount. Run inside
    the transaction that changed posts."""
    ids = [] if opd_ids is None else sorted({int(i) for i in opd_ids})
    if opd_ids is not None and not ids:
        return
    params = {"all": opd_ids is None, "only_opd_ids": ids}
    con.execute(_DELETE_SQL, params)
    con.execute(_INSERT_SQL, params)
