"""Queries of one OPD's own story (the one-OPD view of Keaktifan, Jenis Konten and Tren).

Same conventions as warehouse.queries (Filters, $parameters, fractions 0..1, dates as `date`):
a one-OPD view calls them with Filters narrowed to that OPD, and the comparisons with Filters
over every OPD (same period and platforms).
"""

from __future__ import annotations

from typing import Literal

import duckdb
import polars as pl

from warehouse.analyst_settings import Settings
from warehouse.queries.filters import Filters
from warehouse.queries.run import _activity_params, _run, _settings

Dimension = Literal["content", "format"]


def opd_months(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """Every month of the period for each expected-to-post OPD in scope: its judgement and how
    much of the month's data arrived (views/025_v_coverage.sql, opd_judgement in
    views/030_scope_and_activity.sql).

    Columns: opd_id, opd, opd_short, month (date, first day), posts (all accounts),
    max_account_posts, counted_posts (what the activity rule counts), required_posts
    (monthly minimum), is_active (bool), activity_status (active | inactive | no_data),
    n_accounts (accounts in scope), n_accounts_missing (accounts with no day of the month
    covered), coverage_state (complete | partial | missing | none: no account in scope),
    covered_through (date: every account's data reaches at least this day of the month;
    null when some account has none), whole_month (bool: judged on all of the month's data;
    what "bulan aktif k dari n" counts). Sorted by OPD and month.
    """
    s = _settings(con, settings)
    return _run(con, "q_opd_months", {**f.params(), **_activity_params(s)})


def opd_month_benchmark(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """Per month, the posts of a typical OPD in scope (pass Filters over every OPD).

    Columns: month (date), median_posts, mean_posts (float, posts of an OPD in that month),
    judged_opds (OPDs counted: expected to post and judged; an OPD whose data for the month did
    not arrive is left out, not counted as 0). Sorted by month.
    """
    s = _settings(con, settings)
    return _run(con, "q_opd_month_benchmark", {**f.params(), **_activity_params(s)})


def mix_against_all(
    con: duckdb.DuckDBPyConnection, f: Filters, dimension: Dimension
) -> pl.DataFrame:
    """The content mix (dimension "content") or the format mix ("format") of the OPDs in `f`
    beside every OPD's on the same platforms and period.

    Columns: category (content type, "belum_dilabeli" when unlabelled; or post format,
    "tidak_tercatat" when the source did not say), posts (in scope), share (0..1 of the
    scope's posts; null when it has none), all_posts (every OPD), all_share (0..1).
    Sorted by all_posts descending. Raises ValueError for another dimension.
    """
    if dimension not in ("content", "format"):
        raise ValueError(f"dimensi tidak dikenal: {dimension!r}")
    return _run(con, "q_mix_against_all", {**f.params(), "dimension": dimension})
