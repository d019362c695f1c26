"""What the sidebar and Pengaturan list: OPDs, platforms, OPD kinds, the data's date bounds, the
data version (the UI's cache key) and the master list's contradictions."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from warehouse.queries.run import _run, once


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """Cache key for the UI: changes when a load, an undo, a label override, a rule set, a
    campaign tag, any row of the master list (OPDs, accounts, aliases: also a reload that
    keeps the counts) or a setting changes (a non-negative int, not a load id)."""
    return int(_run(con, "q_data_version", {})["version"][0])


def filter_options(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """OPD list for the sidebar.

    Columns: opd_id, opd, opd_short, opd_kind, parent_opd_id, expected_to_post (bool),
    n_accounts, has_operator (bool: a name, a phone or "Sudah pelatihan: Ya" in the master
    list), operator_named (bool: a name is recorded), operator_trained (bool or null: not
    stated). Sorted by opd_kind, opd.
    """
    return _run(con, "q_filter_options", {})


def platforms(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Platforms that have an account or a post, sorted (facebook, instagram, ...)."""
    return _run(con, "q_platforms", {})["platform"].to_list()


def opd_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    """OPD kinds present in the opd table, sorted."""
    return _run(con, "q_opd_kinds", {})["opd_kind"].to_list()


def date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[dt.date | None, dt.date | None]:
    """(first publication date, the data end: v_data_end, the last whole day any live data
    reaches, never before the newest post); (None, None) when empty. Read once per store
    inside warehouse.queries.run.sharing (the UI: once per data version, shared by the page's
    own call and the KPI tiles' comparison plan)."""
    row = once(("date_bounds",), lambda: _run(con, "q_date_bounds", {}).row(0))
    return row[0], row[1]


def data_start(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The first day any data reaches (a day a live export or logbook covers, or a post's day),
    which may precede the first post (exports with no post are data); None when empty.
    Shared like date_bounds."""
    value: dt.date | None = once(("data_start",), lambda: _run(con, "q_data_start", {}).row(0)[0])
    return value


def master_contradictions(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Rows of the master list that contradict themselves: warehouse.master_checks."""
    from warehouse import master_checks

    return master_checks.contradictions(con)
