"""Ringkasan: the KPI tiles with their period comparisons, and the top and bottom OPDs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import polars as pl

from warehouse import metrics
from warehouse.analyst_settings import Settings
from warehouse.queries.activity import opd_index
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import JUDGED_PERIODS, periods_judgement
from warehouse.queries.options import data_start, date_bounds
from warehouse.queries.run import _activity_params, _run, _settings

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

_KPI_SCHEMA = {
    "key": pl.String,
    "label": pl.String,
    "format": pl.String,
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
}


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
    value (the whole chosen period), previous_value, change_previous, year_ago_value,
    change_year_ago, previous_start, previous_end, year_ago_start, year_ago_end, period_end
    (the chosen period's last day), compared_start, compared_end (the part of the chosen period the changes compare: the whole
    period, or its days up to the newest post when it is unfinished), compared_value (the KPI on
    that part), previous_status, year_ago_status ("full" / "cut" / "none", warehouse.compare),
    previous_reason, year_ago_reason (null, "no_data", "no_current_data", "before_data",
    "other_gaps", "current_gaps": a day of the other period or of the compared part holds no
    data in scope, warehouse.compare.require_data).
    change_* = compared_value - other value (for "persen" KPIs a difference in fraction
    points); null with the other value when the status is "none" (no data to compare with).
    Which periods are compared: warehouse.compare.plan. bounds: (first, last) post date,
    read from the warehouse when not given.
    """
    from warehouse import compare

    s = _settings(con, settings)
    if bounds is not None:
        first, last = bounds
    else:
        # Data starts at the first day covered or posted (exports without a post are data).
        first, last = date_bounds(con)
        start = data_start(con)
        first = start if first is None or (start is not None and start < first) else first
    plans = {k: compare.plan(f.start, f.end, first, last, k) for k in ("previous", "year_ago")}
    spans = list(
        dict.fromkeys(s for p in plans.values() if p.comparable for s in (p.current, p.other))
    )
    if spans:
        found = _run(
            con,
            "q_period_data_days",
            {
                **f.params(),
                "starts": [a for a, _ in spans],
                "ends_excl": [b + dt.timedelta(days=1) for _, b in spans],
            },
        )
        data_days = {
            (r["period_start"], r["period_end"]): int(r["data_days"])
            for r in found.iter_rows(named=True)
        }
        plans = {k: compare.require_data(p, data_days) for k, p in plans.items()}

    # Every period the tiles read, measured in one query (q_kpi: one row per period).
    periods = [(f.start, f.end), plans["previous"].current]
    for p in plans.values():
        periods += [p.current, p.other] if p.comparable else [p.current]
    periods = list(dict.fromkeys(periods))
    measured = dict(
        zip(periods, kpi_periods(con, f, s, periods).iter_rows(named=True), strict=True)
    )

    def at(start: dt.date, end: dt.date) -> dict[str, Any]:
        return measured[(start, end)]

    rows = []
    for key in KPI_SUMMARY_KEYS:
        kpi = metrics.KPIS[key]
        cur = at(f.start, f.end)[key]
        row: dict[str, Any] = {"key": key, "label": kpi.label, "format": kpi.fmt}
        row["value"] = _num(cur)
        cmp_cur = plans["previous"].current
        row["period_end"] = f.end
        row["compared_start"], row["compared_end"] = cmp_cur
        row["compared_value"] = _num(at(*cmp_cur)[key])
        for name, p in (("previous", plans["previous"]), ("year_ago", plans["year_ago"])):
            other = at(*p.other)[key] if p.comparable else None
            mine = at(*p.current)[key]
            row[f"{name}_value"] = _num(other)
            row[f"change_{name}"] = _diff(mine, other) if p.comparable else None
            row[f"{name}_start"], row[f"{name}_end"] = p.other
            row[f"{name}_status"] = p.status
            row[f"{name}_reason"] = p.reason
        rows.append(row)
    return pl.DataFrame(rows, schema=_KPI_SCHEMA).select(list(_KPI_SCHEMA))


def kpi_periods(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    s: Settings,
    periods: list[tuple[dt.date, dt.date]],
) -> pl.DataFrame:
    """The KPIs of f's other filters over each of `periods` ((first, last) days, inclusive;
    f's own dates are not read): one row per period, in the order given (q_kpi.sql). Columns:
    i (1-based), activity_rate, active_opds, expected_opds, judged_opds, no_data_opds,
    partial_data_opds, posts, kinerja_share, ucapan_share, figure_share, engagement,
    engagement_per_post, engagement_per_reach, opds_without_operator. The periods' judgement
    is judged once for all of them (judgement.periods_judgement, shared within
    warehouse.queries.run.sharing) and read by q_kpi as a relation."""
    params = {
        **f.params(),
        **_activity_params(s),
        "starts": [a for a, _ in periods],
        "ends_excl": [b + dt.timedelta(days=1) for _, b in periods],
        "judged": JUDGED_PERIODS,
    }
    judged = periods_judgement(con, f, s, periods)
    return _run(con, "q_kpi", params, tables={JUDGED_PERIODS: judged})


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
