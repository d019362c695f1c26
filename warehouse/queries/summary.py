"""Ringkasan: the KPI tiles with their period comparisons, and the top and bottom OPDs."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import duckdb
import polars as pl

from warehouse import compare, metrics
from warehouse.analyst_settings import Settings
from warehouse.periods import all_whole_months
from warehouse.queries import compared
from warehouse.queries.activity import opd_index
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import JUDGED_PERIODS, no_months_along, periods_judgement
from warehouse.queries.options import data_start, date_bounds
from warehouse.queries.run import (
    _activity_params,
    _run,
    _settings,
    data_end_in_force,
    is_sharing,
    sharing,
)

# KPI tiles in display order (Ringkasan).
KPI_SUMMARY_KEYS: tuple[str, ...] = (
    "activity_rate",
    "active_opds",
    "expected_opds",
    "judged_opds",
    "no_data_opds",
    "partial_data_opds",
    "posts",
    "kinerja_share",
    "ucapan_share",
    "figure_share",
    "engagement",
    "engagement_per_post",
    "engagement_per_reach",
    "opds_without_operator",
)

_LEFT_OUT = pl.List(pl.Struct({"opd_id": pl.Int64, "opd": pl.String, "missing": pl.String}))
_KPI_SCHEMA: dict[str, Any] = {
    "key": pl.String,
    "label": pl.String,
    "format": pl.String,
    "decimals": pl.Int64,
    "value": pl.Float64,
    "previous_value": pl.Float64,
    "change_previous": pl.Float64,
    "year_ago_value": pl.Float64,
    "change_year_ago": pl.Float64,
    "previous_start": pl.Date,
    "previous_end": pl.Date,
    "year_ago_start": pl.Date,
    "year_ago_end": pl.Date,
    "period_end": pl.Date,
    "compared_start": pl.Date,
    "compared_end": pl.Date,
    "compared_value": pl.Float64,
    "previous_status": pl.String,
    "year_ago_status": pl.String,
    "previous_reason": pl.String,
    "year_ago_reason": pl.String,
    "previous_compared_value": pl.Float64,
    "year_ago_compared_value": pl.Float64,
    "previous_scope_opds": pl.Int64,
    "year_ago_scope_opds": pl.Int64,
    "previous_compared_opds": pl.Int64,
    "year_ago_compared_opds": pl.Int64,
    "previous_left_out": _LEFT_OUT,
    "year_ago_left_out": _LEFT_OUT,
}

KINDS: tuple[compare.Kind, ...] = ("previous", "year_ago")


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def _diff(a: Any, b: Any) -> float | None:
    return None if a is None or b is None else float(a) - float(b)


def kpi_summary(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    bounds: tuple[dt.date | None, dt.date | None] | None = None,
) -> pl.DataFrame:
    """KPI tiles with period comparisons: one row per KPI key in KPI_SUMMARY_KEYS.

    Columns: key, label (Indonesian, from metrics), format ("persen"/"angka"/"hari"),
    decimals (Int64, digits after the comma of an "angka" value and change: metrics.Kpi),
    value (the whole chosen period, every OPD in scope), previous_value (the other period's,
    over the compared OPDs), change_previous, year_ago_value, change_year_ago, previous_start,
    previous_end, year_ago_start, year_ago_end, period_end (the chosen period's last day),
    compared_start, compared_end (the part of the chosen period the changes compare: the whole
    period, or its days up to the newest post when it is unfinished), compared_value
    (previous_compared_value, for the readers of one comparison), previous_status,
    year_ago_status ("full" / "cut" / "none", warehouse.compare), previous_reason,
    year_ago_reason (null, "no_data", "no_current_data", "before_data", "other_gaps",
    "current_gaps": no OPD in scope has complete data on both spans, warehouse.compare
    restrict), previous_compared_value, year_ago_compared_value (the KPI on the compared part
    over the compared OPDs), previous_scope_opds, year_ago_scope_opds (OPDs in scope; null
    when the dates alone rule the comparison out and no OPD was checked),
    previous_compared_opds, year_ago_compared_opds (how many of them are compared: data
    complete on both spans), previous_left_out, year_ago_left_out (list of {opd_id, opd,
    missing: "current" / "other" / "both"}: the others, and the span their data is
    incomplete on).
    Every figure of a comparison counts the same OPDs on both sides (warehouse.compare), so a
    change is like for like; value alone is always over every OPD in scope.
    change_* = *_compared_value - *_value (for "persen" KPIs a difference in fraction
    points); null with the other value when the status is "none" (no data to compare with).
    Which periods are compared: warehouse.compare.plan. bounds: (first, last) post date,
    read from the warehouse when not given.
    """
    s = _settings(con, settings)
    # The periods' judgement kept for this call when the caller shares nothing (the UI does):
    # the compared sets and the tiles read the same judgement (queries.compared); no months
    # judged along then (nothing after this call reads them: judgement.no_months_along).
    data_end = data_end_in_force(con)
    with contextlib.ExitStack() as stack:
        if not is_sharing():
            stack.enter_context(sharing({}))
            stack.enter_context(no_months_along())
        return _kpi_summary(con, f, s, bounds, data_end)


def _kpi_summary(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    s: Settings,
    bounds: tuple[dt.date | None, dt.date | None] | None,
    data_end: dt.date | None,
) -> pl.DataFrame:
    if bounds is not None:
        first, last = bounds
    else:
        # Data starts at the first day covered or posted (exports without a post are data).
        first, last = date_bounds(con)
        start = data_start(con)
        first = start if first is None or (start is not None and start < first) else first
    plans = {k: compare.plan(f.start, f.end, first, last, k) for k in KINDS}
    # Every period the tiles read, measured in one query (q_kpi: one row per OPD set and
    # period), for every OPD in scope and for each compared set that leaves some out (the same
    # periods, so the one judgement of them is shared: kpi_sets). Both spans of every
    # comparison are among them, so the compared sets are read from that judgement
    # (queries.compared); a comparison its compared set rules out leaves its other span
    # measured but unread.
    periods = [(f.start, f.end), plans["previous"].current]
    for p in plans.values():
        periods += [p.current, p.other] if p.comparable else [p.current]
    periods = list(dict.fromkeys(periods))
    plans = compared.restricted(con, f, s, plans, periods, data_end)
    sets: list[tuple[int, ...] | None] = [None]
    sets += [p.opds for p in plans.values() if p.subset]
    sets = list(dict.fromkeys(sets))
    # q_kpi's rows are ordered by set, then period
    keys = [(opds, period) for opds in sets for period in periods]
    measured = dict(
        zip(keys, kpi_sets(con, f, s, periods, sets).iter_rows(named=True), strict=True)
    )

    def at(p: compare.Comparison | None, span: tuple[dt.date, dt.date]) -> dict[str, Any]:
        return measured[(p.opds if p is not None and p.subset else None, span)]

    # Built column by column: a comparison's dates, status, counts and left-out list are the
    # same on every row (the list one Series repeated), only the values differ by KPI.
    n = len(KPI_SUMMARY_KEYS)
    cur_row = at(None, (f.start, f.end))
    cmp_cur = plans["previous"].current
    cols: dict[str, Any] = {
        "key": list(KPI_SUMMARY_KEYS),
        "label": [metrics.KPIS[k].label for k in KPI_SUMMARY_KEYS],
        "format": [metrics.KPIS[k].fmt for k in KPI_SUMMARY_KEYS],
        "decimals": [metrics.KPIS[k].decimals for k in KPI_SUMMARY_KEYS],
        "value": [_num(cur_row[k]) for k in KPI_SUMMARY_KEYS],
        "period_end": [f.end] * n,
        "compared_start": [cmp_cur[0]] * n,
        "compared_end": [cmp_cur[1]] * n,
    }
    for name in KINDS:
        p = plans[name]
        mine = [at(p, p.current)[k] for k in KPI_SUMMARY_KEYS]
        other = [at(p, p.other)[k] for k in KPI_SUMMARY_KEYS] if p.comparable else [None] * n
        cols[f"{name}_compared_value"] = [_num(v) for v in mine]
        cols[f"{name}_value"] = [_num(v) for v in other]
        cols[f"change_{name}"] = [_diff(a, b) for a, b in zip(mine, other, strict=True)]
        compared_opds = len(p.opds) if p.scope_opds is not None else None
        for col, v in (
            ("start", p.other[0]), ("end", p.other[1]), ("status", p.status),
            ("reason", p.reason), ("scope_opds", p.scope_opds), ("compared_opds", compared_opds),
        ):  # fmt: skip
            cols[f"{name}_{col}"] = [v] * n
        cols[f"{name}_left_out"] = left_out_column(f"{name}_left_out", p.left_out, n)
    cols["compared_value"] = cols["previous_compared_value"]
    return pl.DataFrame(cols, schema=_KPI_SCHEMA).select(list(_KPI_SCHEMA))


def left_out_column(name: str, left_out: tuple[compare.LeftOut, ...], n: int) -> pl.Series:
    """A kpi_summary left-out column: n rows, each the list of {opd_id, opd, missing} of
    left_out (in its order), typed as _KPI_SCHEMA says: the list converted once, then repeated."""
    one = [{"opd_id": o.opd_id, "opd": o.opd, "missing": o.missing} for o in left_out]
    return pl.Series(name, [one], dtype=_LEFT_OUT).new_from_index(0, n)


def kpi_periods(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    s: Settings,
    periods: list[tuple[dt.date, dt.date]],
    opds: tuple[int, ...] | None = None,
) -> pl.DataFrame:
    """The KPIs of f's other filters over each of `periods` ((first, last) days, inclusive;
    f's own dates are not read): one row per period, in the order given (q_kpi.sql). Columns:
    i (1-based), activity_rate, active_opds, expected_opds, judged_opds, no_data_opds,
    partial_data_opds, posts, kinerja_share, ucapan_share, figure_share, engagement,
    engagement_per_post, engagement_per_reach, opds_without_operator. The periods' judgement
    is judged once for all of them (judgement.periods_judgement, shared within
    warehouse.queries.run.sharing) and read by q_kpi as a relation. opds: only these OPDs of
    f's scope are counted (a compared set, warehouse.compare.restrict; None: every OPD in
    scope); the judgement read is f's own (an OPD is judged alone, so its rows are the same),
    shared with the run over every OPD. Raises ValueError when opds is empty."""
    return kpi_sets(con, f, s, periods, [opds]).drop("k")


def kpi_sets(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    s: Settings,
    periods: list[tuple[dt.date, dt.date]],
    sets: list[tuple[int, ...] | None],
) -> pl.DataFrame:
    """kpi_periods of every OPD set of `sets` (None: every OPD in scope) in one statement:
    one row per set and period, ordered by k (1-based position in `sets`) then i, with
    kpi_periods' columns after k. The rows of set k are kpi_periods(con, f, s, periods,
    opds=sets[k - 1]). Raises ValueError when a set is empty."""
    if any(opds is not None and not opds for opds in sets):
        raise ValueError("opds kosong: tidak ada OPD untuk diukur")
    params = {
        **f.params(),
        **_activity_params(s),
        "starts": [a for a, _ in periods],
        "ends_excl": [b + dt.timedelta(days=1) for _, b in periods],
        # an empty list: f's own OPDs (q_kpi.sql)
        "sets": [[] if opds is None else sorted(opds) for opds in sets],
        "judged": JUDGED_PERIODS,
    }
    judged = periods_judgement(con, f, s, periods)
    name = "q_kpi_months" if all_whole_months(periods) else "q_kpi"  # months: no post read
    return _run(con, name, params, tables={JUDGED_PERIODS: judged})


def top_bottom_opds(
    con: duckdb.DuckDBPyConnection, f: Filters, n: int = 5, settings: Settings | None = None
) -> pl.DataFrame:
    """The n best and n worst OPDs by Indeks Medsos (expected-to-post OPDs only), ties kept.

    An OPD tied with the n-th (same rank, i.e. the same index score) is listed too, so a list
    may be longer than n and never picks some of several equal OPDs; the two lists never
    overlap (top first). Columns: position ("atas" / "bawah"), rank (shared by ties), opd_id,
    opd, opd_kind, index_score, grade, posts, tie_size (OPDs in the whole ranking with this
    rank; 1 = no tie). Raises ValueError when n < 1.
    """
    return top_bottom(opd_index(con, f, settings), n)


def top_bottom(index: pl.DataFrame, n: int = 5) -> pl.DataFrame:
    """top_bottom_opds read from an opd_index frame already at hand (the UI's cached one, so
    a page showing both computes the index once). Same columns and errors."""
    if n < 1:
        raise ValueError(f"n harus sedikitnya 1: {n}")
    # OPDs without received data have no index: they are neither top nor bottom.
    ranked = index.filter(pl.col("index_score").is_not_null())
    ranked = ranked.with_columns(pl.len().over("rank").cast(pl.Int64).alias("tie_size"))
    cols = ["rank", "opd_id", "opd", "opd_kind", "index_score", "grade", "posts", "tie_size"]
    if not ranked.height:
        empty = ranked.select(cols).with_columns(position=pl.lit("atas"))
        return empty.select(["position", *cols])
    cut = ranked["rank"][min(n, ranked.height) - 1]
    top = ranked.filter(pl.col("rank") <= cut)
    rest = ranked.filter(pl.col("rank") > cut)
    if rest.height:
        low = rest.sort("rank", descending=True)["rank"][min(n, rest.height) - 1]
        bottom = rest.filter(pl.col("rank") >= low)
    else:
        bottom = rest
    return pl.concat(
        [
            top.select(cols).with_columns(position=pl.lit("atas")),
            bottom.select(cols).with_columns(position=pl.lit("bawah")),
        ]
    ).select(["position", *cols])
