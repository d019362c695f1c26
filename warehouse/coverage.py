"""Data coverage queries: which account-months the loaded exports report on (Kelengkapan Data).

Coverage is derived at load time (etl/coverage.py -> table load_coverage) and read through the
views in warehouse/sql/views/025_v_coverage.sql; only live loads count, so an undo takes its
coverage back out. An account-month is `received` (every day covered by some export or logbook),
`partial` (some days: `covered_days` says which, e.g. "1-20") or `missing`. Missing data is
"belum diterima" (not_received) until the collection deadline (setting collection_deadline_day of
the next month) and "tidak menyerahkan data" (not_submitted) after it.

Every function takes the same `Filters` as warehouse.queries (platform, OPD kind and OPD apply to
accounts; the period selects the months it touches) and returns a polars frame.

The counts (coverage_summary) and the collection checklist (coverage_missing) read one relation,
the period's status per account and month (q_coverage_status.sql: no posts, no loads list),
computed once per rerun inside warehouse.queries.run.sharing (the UI: one store per data
version) and shared by both, or kept from coverage_grid's rows when the grid was read first
(Kelengkapan); the months are read from the days covered kept per account and month
(coverage_month, migration 410: views/025_v_coverage.sql), never a row per covered day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import polars as pl

from warehouse import periods, vocabulary
from warehouse.analyst_settings import Settings
from warehouse.queries.filters import Filters
from warehouse.queries.run import _run, _settings, keep, once

__all__ = [
    "coverage_accounts", "coverage_grid", "coverage_missing", "coverage_summary",
    "waited_logbooks",
]  # fmt: skip


def _params(
    con: duckdb.DuckDBPyConnection, f: Filters, s: Settings | None, as_of: dt.date | None
) -> dict[str, Any]:
    st = _settings(con, s)
    return {
        **f.params(),
        "deadline_day": int(st.collection_deadline_day),
        "as_of": _as_of_today(as_of),
    }


def _as_of_today(as_of: dt.date | None) -> dt.date:
    # The deadline is about today, not about the end of the chosen period.
    return as_of if as_of is not None else dt.date.today()


def coverage_grid(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """One row per account (of OPDs expected to post) and month the period touches.

    Columns: opd_id, opd, opd_short, opd_kind, expected_to_post, account_id, platform, handle,
    month_start, month_end (date), days_in_month, days_covered (int), first_covered,
    last_covered (date or null), covered_days (str "1-20, 25" or null), status
    (received | partial | missing), n_posts (posts of the account in the month; meaningful
    only where covered), load_ids (list of the live loads covering part of the month),
    latest_export (naive WIB timestamp of the newest such export), due_date (date),
    reason_code (null | not_received | not_submitted; as_of defaults to today), to_data_end
    (bool: a partial month the data end cuts, every day to the data end covered).
    Order: OPD kind, OPD, platform, handle, month, account.

    Inside warehouse.queries.run.sharing, its rows are kept as the period's status relation
    (_status: the same rows, columns and order, with the OPD's operator), so that
    coverage_summary and coverage_missing on the same page run no statement of their own.
    """
    params = _params(con, f, settings, as_of)
    rows = _run(con, "q_coverage_grid", params)
    keep(_status_key(f, params), rows.select(_STATUS_COLUMNS))
    return rows.drop("operator_name")


def coverage_accounts(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Per account: the newest export that reports on it, whatever its period.

    Columns: account_id, opd_id, platform, handle, opd, opd_short, opd_kind, operator_name
    (personal data: mask it for audiences that must not see it), latest_export (naive WIB
    timestamp or null = never received), covered_until (date), n_loads.
    """
    return _run(con, "q_coverage_accounts", f.params())


def coverage_missing(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    month: dt.date,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """What is still missing for one month, one row per OPD: the collection checklist.

    Columns: opd_id, opd, opd_kind, operator_name (personal data), accounts (str,
    "Facebook @x (belum ada), Instagram @y (1-20)"), n_missing, n_partial, reason_code
    (not_submitted when any account is past the deadline, else not_received), due_date.
    An OPD without an account in scope whose own logbook is waited for and has not (fully)
    arrived (the judgement's rule, q_coverage_bare_opds.sql) is listed too, its line
    "Rekap postingan OPD (belum ada)" or "(sebagian)"; order: OPD kind, OPD.
    """
    month_start = month.replace(day=1)
    month_end = periods.add_months(month_start, 1) - dt.timedelta(days=1)
    if f.start.replace(day=1) <= month_start <= f.end:
        # A month of the period: its rows of the period's relation (a month's rows do not
        # depend on the period around it), shared with coverage_summary.
        grid = _status(con, f, settings, as_of).filter(pl.col("month_start") == month_start)
    else:
        grid = _status(con, f.shifted(month_start, month_end), settings, as_of)
    gaps = grid.filter(pl.col("status") != "received")
    label = pl.col("platform").str.to_titlecase() + pl.lit(" ") + pl.col("handle")
    detail = (
        pl.when(pl.col("status") == "missing")
        .then(pl.lit(vocabulary.COVERAGE_STATUS["missing"][0].lower()))
        .otherwise(pl.lit("ada tgl ") + pl.col("covered_days"))
    )
    listed = (
        gaps.with_columns((label + pl.lit(" (") + detail + pl.lit(")")).alias("_acc"))
        .group_by("opd_id", "opd", "opd_kind", maintain_order=True)
        .agg(
            pl.col("_acc").str.join(", ").alias("accounts"),
            (pl.col("status") == "missing").sum().alias("n_missing"),
            (pl.col("status") == "partial").sum().alias("n_partial"),
            pl.when((pl.col("reason_code") == "not_submitted").any())
            .then(pl.lit("not_submitted"))
            .otherwise(pl.lit("not_received"))
            .alias("reason_code"),
            pl.col("due_date").first(),
            pl.col("operator_name").first(),  # the OPD's: one per OPD
        )
        .select(
            "opd_id",
            "opd",
            "opd_kind",
            "operator_name",
            "accounts",
            "n_missing",
            "n_partial",
            "reason_code",
            "due_date",
        )  # fmt: skip
        .with_columns(pl.col("n_missing", "n_partial").cast(pl.Int64))
    )
    bare = _bare_opds(con, f.shifted(month_start, month_end), settings, as_of)
    if bare.height == 0:
        return listed
    return pl.concat([listed, bare]).sort("opd_kind", "opd", nulls_last=True, maintain_order=True)


def _bare_opds(
    con: duckdb.DuckDBPyConnection, f: Filters, s: Settings | None, as_of: dt.date | None
) -> pl.DataFrame:
    """coverage_missing's rows for OPDs without an account in scope (its columns)."""
    rows = waited_logbooks(con, f, s, as_of)
    return rows.with_columns(
        accounts=pl.lit(vocabulary.OWN_LOGBOOK[0] + " (")
        + pl.col("status").replace_strict(_STATUS_WORD, return_dtype=pl.String)
        + pl.lit(")"),
        n_missing=(pl.col("status") == "missing").cast(pl.Int64),
        n_partial=(pl.col("status") == "partial").cast(pl.Int64),
    ).select(
        "opd_id", "opd", "opd_kind", "operator_name", "accounts", "n_missing", "n_partial",
        "reason_code", "due_date",
    )  # fmt: skip


_STATUS_WORD = {k: v[0].lower() for k, v in vocabulary.COVERAGE_STATUS.items()}


def waited_logbooks(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """OPDs expected to post without an account in scope whose own logbook is waited for and
    has not (fully) arrived, per month the period touches (whole months): the judgement's rule
    (macro opd_coverage), the rows an account-based coverage grid cannot hold.

    Columns: month_start (date), opd_id, opd, opd_kind, operator_name (personal data), status
    (missing | partial), reason_code (not_received | not_submitted), due_date (date).
    Order: month_start, opd_kind, opd.
    """
    first = f.start.replace(day=1)
    last = periods.add_months(f.end.replace(day=1), 1) - dt.timedelta(days=1)
    rows = _run(con, "q_coverage_bare_opds", _params(con, f.shifted(first, last), settings, as_of))
    status = pl.when(pl.col("data_missing")).then(pl.lit("missing")).otherwise(pl.lit("partial"))
    return rows.with_columns(status=status).select(
        "month_start", "opd_id", "opd", "opd_kind", "operator_name", "status", "reason_code",
        "due_date",
    )  # fmt: skip


def coverage_summary(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    """Counts of account-months by status over the period's months, for a panel.

    Keys as summarize().
    """
    return summarize(_status(con, f, settings, as_of))


def _status(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """coverage_grid's rows and status without what arrived (q_coverage_status.sql), computed
    once per filters, deadline, as_of and data end inside warehouse.queries.run.sharing.

    Columns: opd_id, opd, opd_kind, account_id, platform, handle, month_start (date),
    covered_days (str or null), status, to_data_end (bool), due_date (date), reason_code,
    operator_name (personal data: the checklist's). Order: opd_kind, opd, platform, handle,
    month_start, account_id.
    """
    params = _params(con, f, settings, as_of)
    status: pl.DataFrame = once(
        _status_key(f, params), lambda: _run(con, "q_coverage_status", params)
    )
    return status


# q_coverage_status's columns, in its order: also columns of q_coverage_grid's rows, in the
# same order of rows (coverage_grid keeps them as this relation).
_STATUS_COLUMNS = (
    "opd_id", "opd", "opd_kind", "account_id", "platform", "handle", "month_start",
    "covered_days", "status", "to_data_end", "due_date", "reason_code", "operator_name",
)  # fmt: skip


def _status_key(f: Filters, params: dict[str, Any]) -> tuple[Any, ...]:
    return ("coverage_status", f, params["deadline_day"], params["as_of"])


def summarize(grid: pl.DataFrame) -> dict[str, Any]:
    """Counts of a coverage_grid frame (columns account_id, month_start, status, reason_code).

    Keys: total (account-months of the grid), received, partial, missing (a partition of
    total), accounts, months (numbers), not_submitted (account-months past their deadline and
    not fully received), of which not_submitted_partial and not_submitted_missing (the part of
    partial and of missing: "tidak menyerahkan data" is a subset, never a status of its own),
    partial_running (the part of partial in the month the data end cuts and covered to it,
    column to_data_end: "baru sebagian, bulan berjalan"; 0 without that column).
    """
    counts = {k: int((grid["status"] == k).sum()) for k in vocabulary.COVERAGE_STATUS}
    late = grid["reason_code"] == "not_submitted"
    running = (
        int((grid["to_data_end"].fill_null(False) & (grid["status"] == "partial")).sum())
        if "to_data_end" in grid.columns
        else 0
    )
    return {
        "partial_running": running,
        "total": grid.height,
        **counts,
        "accounts": grid["account_id"].n_unique(),
        "months": grid["month_start"].n_unique(),
        "not_submitted": int(late.sum()),
        "not_submitted_partial": int((late & (grid["status"] == "partial")).sum()),
        "not_submitted_missing": int((late & (grid["status"] == "missing")).sum()),
    }
