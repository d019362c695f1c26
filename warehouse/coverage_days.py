"""The covered days kept at load time (tables coverage_day and coverage_opd_day, migration 280).

The judgement (macro opd_coverage) needs, per account, which days some live load covers, and per
OPD which days its own loads name; expanding every live span into its days inside every
statement cost more than the rest of the judgement on a warehouse of monthly exports. So the
days are kept as tables, and every write to what they are derived from refreshes them in the
same transaction:

- `refresh_loads(con, load_ids)`: after those loads' coverage rows were written or their status
  changed (a load, a folder's batch, an undo). Only the accounts and OPDs their coverage rows
  name are recomputed, and of them only the days between the rows' first and last day.
- `refresh_accounts(con, account_ids)`: after those accounts were added, moved to another OPD
  or removed (the master list): every day of those accounts.
- `rebuild(con)`: both tables from scratch (a restored snapshot, a hand-written warehouse).

Each refresh deletes the touched (key, day range) rows and inserts them recomputed from the
live spans (load_coverage joined to loads with status 'loaded' and to account, as
v_coverage_span resolves them), clipped to the range: the same rows a recount of the whole
table gives there (checks/coverage_day_matches_spans.sql; views v_coverage_day_recount and
v_coverage_opd_day_recount are that recount). No analyst setting changes these rows: what
counts as complete is decided when they are read.

The same refreshes keep the months of those days (migration 380, what the judgement reads for a
bucket of whole months): coverage_month (per account and month, the days covered) and
coverage_opd_month (per OPD, platform and month, the set of days named), each touched key's
months from its range's first month to its last recounted from the days just written (macros
coverage_month_recount, coverage_opd_month_recount, views/127_judgement_months.sql).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb
import polars as pl

# Bounds of "every day" for a touched key (an account whose OPD changed: all its days).
FIRST_DAY, LAST_DAY = dt.date(1, 1, 1), dt.date(9999, 12, 31)

# Per account, the day range the coverage rows of $load_ids reach (any status: an undone load's
# days are recomputed without it), resolved to accounts as v_coverage_span resolves a span.
_ACCOUNTS_OF_LOADS = """
SELECT a.account_id, min(c.period_start) AS lo, max(c.period_end) AS hi
FROM load_coverage c
JOIN account a
  ON a.opd_id = c.opd_id
 AND (c.platform IS NULL OR a.platform = c.platform)
 AND (c.account_id IS NULL OR a.account_id = c.account_id)
WHERE list_contains($load_ids, c.load_id) AND c.period_start <= c.period_end
GROUP BY a.account_id
"""
_OPDS_OF_LOADS = """
SELECT c.opd_id, c.platform, min(c.period_start) AS lo, max(c.period_end) AS hi
FROM load_coverage c
WHERE list_contains($load_ids, c.load_id) AND c.period_start <= c.period_end
  AND c.opd_id IS NOT NULL
GROUP BY c.opd_id, c.platform
"""
# $lo/$hi: the first and last day of every touched range, constants the scan of the table can
# skip row groups by (a load touches a month or two; the table holds years, written in order of
# day: the inserts below sort by it).
_DELETE_ACCOUNT_DAYS = """
DELETE FROM coverage_day d USING _cov_touch t
WHERE d.account_id = t.account_id AND d.day BETWEEN t.lo AND t.hi
  AND d.day BETWEEN $lo AND $hi
"""
# The live spans of the touched accounts, each clipped to its account's range, expanded.
_INSERT_ACCOUNT_DAYS = """
INSERT INTO coverage_day (opd_id, account_id, platform, day, latest_load_id)
SELECT opd_id, account_id, platform, day, max(load_id)
FROM (
    SELECT a.opd_id, a.account_id, a.platform, c.load_id,
           CAST(unnest(generate_series(greatest(c.period_start, t.lo),
                                       least(c.period_end, t.hi), INTERVAL 1 DAY)) AS DATE)
               AS day
    FROM _cov_touch t
    JOIN account a ON a.account_id = t.account_id
    JOIN load_coverage c
      ON c.opd_id = a.opd_id
     AND (c.platform IS NULL OR a.platform = c.platform)
     AND (c.account_id IS NULL OR a.account_id = c.account_id)
     AND c.period_start <= t.hi AND c.period_end >= t.lo
    JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
)
GROUP BY opd_id, account_id, platform, day
ORDER BY day
"""
_DELETE_OPD_DAYS = """
DELETE FROM coverage_opd_day d USING _cov_opd_touch t
WHERE d.opd_id = t.opd_id AND d.platform IS NOT DISTINCT FROM t.platform
  AND d.day BETWEEN t.lo AND t.hi AND d.day BETWEEN $lo AND $hi
"""
_INSERT_OPD_DAYS = """
INSERT INTO coverage_opd_day (opd_id, platform, day)
SELECT DISTINCT opd_id, platform, day
FROM (
    SELECT c.opd_id, c.platform,
           CAST(unnest(generate_series(greatest(c.period_start, t.lo),
                                       least(c.period_end, t.hi), INTERVAL 1 DAY)) AS DATE)
               AS day
    FROM _cov_opd_touch t
    JOIN load_coverage c
      ON c.opd_id = t.opd_id AND c.platform IS NOT DISTINCT FROM t.platform
     AND c.period_start <= t.hi AND c.period_end >= t.lo
    JOIN loads l ON l.load_id = c.load_id AND l.status = 'loaded'
)
ORDER BY day
"""
# The months of the touched ranges (from the month of lo to hi's), recounted from the days.
_DELETE_ACCOUNT_MONTHS = """
DELETE FROM coverage_month m USING _cov_touch t
WHERE m.account_id = t.account_id
  AND m.month_start BETWEEN CAST(date_trunc('month', t.lo) AS DATE) AND t.hi
"""
_INSERT_ACCOUNT_MONTHS = """
INSERT INTO coverage_month
SELECT r.* FROM coverage_month_recount($ids, $from_d, $to_d) r
JOIN _cov_touch t
  ON r.account_id = t.account_id
 AND r.month_start BETWEEN CAST(date_trunc('month', t.lo) AS DATE) AND t.hi
"""
_DELETE_OPD_MONTHS = """
DELETE FROM coverage_opd_month m USING _cov_opd_touch t
WHERE m.opd_id = t.opd_id AND m.platform IS NOT DISTINCT FROM t.platform
  AND m.month_start BETWEEN CAST(date_trunc('month', t.lo) AS DATE) AND t.hi
"""
_INSERT_OPD_MONTHS = """
INSERT INTO coverage_opd_month
SELECT r.* FROM coverage_opd_month_recount($ids, $from_d, $to_d) r
JOIN _cov_opd_touch t
  ON r.opd_id = t.opd_id AND r.platform IS NOT DISTINCT FROM t.platform
 AND r.month_start BETWEEN CAST(date_trunc('month', t.lo) AS DATE) AND t.hi
"""
_ACCOUNT_TOUCH = {"account_id": pl.Int32, "lo": pl.Date, "hi": pl.Date}


def refresh_loads(con: duckdb.DuckDBPyConnection, load_ids: Iterable[int]) -> None:
    """Recompute the days the coverage rows of `load_ids` name (their accounts and OPDs, between
    the rows' first and last day), in the caller's open transaction, after those rows were
    written or those loads' status changed."""
    ids = sorted({int(i) for i in load_ids})
    if not ids:
        return
    params = {"load_ids": ids}
    _refresh(con, con.sql(_ACCOUNTS_OF_LOADS, params=params).pl(),
             con.sql(_OPDS_OF_LOADS, params=params).pl())  # fmt: skip


def refresh_accounts(con: duckdb.DuckDBPyConnection, account_ids: Iterable[int]) -> None:
    """Recompute every covered day of `account_ids` (added, moved to another OPD, or removed:
    a removed account's days go), in the caller's open transaction."""
    ids = sorted({int(i) for i in account_ids})
    if not ids:
        return
    touch = pl.DataFrame(
        {"account_id": ids, "lo": [FIRST_DAY] * len(ids), "hi": [LAST_DAY] * len(ids)},
        schema=_ACCOUNT_TOUCH,
    )
    _refresh(con, touch, None)


def refresh_opd_platforms(con: duckdb.DuckDBPyConnection, keys: Iterable[tuple[int, str]]) -> None:
    """Recompute every day of coverage_opd_day for those (opd_id, platform) keys, in the
    caller's open transaction: after coverage rows changed OPD (an account the master list
    moved takes the rows naming it along: etl.account_moves)."""
    rows = sorted({(int(o), str(p)) for o, p in keys})
    if not rows:
        return
    touch = pl.DataFrame(
        {
            "opd_id": [o for o, _ in rows],
            "platform": [p for _, p in rows],
            "lo": [FIRST_DAY] * len(rows),
            "hi": [LAST_DAY] * len(rows),
        },
        schema={"opd_id": pl.Int32, "platform": pl.String, "lo": pl.Date, "hi": pl.Date},
    )
    _refresh(con, None, touch)


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Both tables recomputed from every live span (a restored snapshot, a warehouse written by
    hand). In the caller's transaction, if any."""
    for table in ("coverage_day", "coverage_opd_day", "coverage_month", "coverage_opd_month"):
        con.execute(f"DELETE FROM {table}")
    bounds = {"lo": FIRST_DAY, "hi": LAST_DAY}
    accounts = con.sql("SELECT account_id, $lo AS lo, $hi AS hi FROM account", params=bounds).pl()
    opds = con.sql(
        "SELECT DISTINCT opd_id, platform, $lo AS lo, $hi AS hi FROM load_coverage", params=bounds
    ).pl()
    _refresh(con, accounts, opds)


def account_keys(con: duckdb.DuckDBPyConnection) -> set[tuple[int, int | None, str]]:
    """(account_id, opd_id, platform) of every account: what the covered days depend on, read
    before a master-list change so that `changed_accounts` can tell which accounts moved
    (opd_id None: an account the list dropped, etl.account_moves)."""
    return {
        (int(a), None if o is None else int(o), str(p))
        for a, o, p in con.execute("SELECT account_id, opd_id, platform FROM account").fetchall()
    }


def changed_accounts(
    con: duckdb.DuckDBPyConnection, before: set[tuple[int, int | None, str]]
) -> None:
    """Refresh the accounts added, removed, or moved since `before` (account_keys' value)."""
    now = account_keys(con)
    refresh_accounts(con, {k[0] for k in before ^ now})


def _refresh(
    con: duckdb.DuckDBPyConnection, accounts: pl.DataFrame | None, opds: pl.DataFrame | None
) -> None:
    if accounts is not None and accounts.height:
        con.register("_cov_touch", accounts)
        try:
            con.execute(_DELETE_ACCOUNT_DAYS, _bounds(accounts))
            con.execute(_INSERT_ACCOUNT_DAYS)
            con.execute(_DELETE_ACCOUNT_MONTHS)
            con.execute(_INSERT_ACCOUNT_MONTHS, _month_bounds(accounts, "account_id"))
        finally:
            con.unregister("_cov_touch")
    if opds is not None and opds.height:
        con.register("_cov_opd_touch", opds)
        try:
            con.execute(_DELETE_OPD_DAYS, _bounds(opds))
            con.execute(_INSERT_OPD_DAYS)
            con.execute(_DELETE_OPD_MONTHS)
            con.execute(_INSERT_OPD_MONTHS, _month_bounds(opds, "opd_id"))
        finally:
            con.unregister("_cov_opd_touch")


def _bounds(touch: pl.DataFrame) -> dict[str, dt.date]:
    return {"lo": touch.get_column("lo").min(), "hi": touch.get_column("hi").max()}  # type: ignore[dict-item]


def _month_bounds(touch: pl.DataFrame, key: str) -> dict[str, object]:
    """The month recount's arguments: the touched ids, the first day of the first touched
    month and the last day of the last (every day of a touched month is read)."""
    lo: dt.date = touch.get_column("lo").min()  # type: ignore[assignment]
    hi: dt.date = touch.get_column("hi").max()  # type: ignore[assignment]
    last = LAST_DAY if hi.year == LAST_DAY.year and hi.month == 12 else _month_end(hi)
    return {
        "ids": sorted(int(i) for i in touch.get_column(key).drop_nulls().unique()),
        "from_d": lo.replace(day=1),
        "to_d": last,
    }


def _month_end(day: dt.date) -> dt.date:
    first_next = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)
