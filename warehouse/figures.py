"""Figures the pages and the reports show as numbers of their own (a count of OPDs, a mean
index, a participation rate), each computed once in SQL from the same definition as the list
it summarises, so a tile and the table beside it (or the monthly report) cannot disagree.

Same conventions as warehouse.queries: a DuckDB connection and Filters in, a polars DataFrame
out; shares 0..1, index scores 0..100; settings from warehouse.metrics unless passed.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from warehouse.analyst_settings import Settings
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import judged_tables
from warehouse.queries.run import _as_of, _run, _settings, inactive_params, index_params


def keaktifan_figures(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """Keaktifan OPD's key figures, one row.

    Columns (Int64 unless said): expected_opds (OPDs expected to post in the filters),
    judged_opds (of those, with an activity status other than no_data), active_opds,
    inactive_opds (judged and not active: the rows of queries.activity.inactive_opds with the same
    as_of whose activity_status is 'inactive'), not_judged_opds (the other rows: data not all
    in, never counted as inactive; expected = active + inactive + not_judged),
    partial_data_opds (of the not judged, those part of whose data arrived), mean_index (Float64,
    0..100: mean Indeks Medsos of the OPDs with an index; null when none has), kurang_opds
    (graded Kurang). Index and grades: queries.activity.opd_index; as_of defaults to min(f.end, today).
    """
    s = _settings(con, settings)
    names, tables = judged_tables(con, f, s, _as_of(f, as_of))
    params = {**index_params(f, s), **inactive_params(f, s, as_of), **names}
    return _run(con, "q_keaktifan_figures", params, tables).cast(
        {
            c: pl.Int64
            for c in (
                "expected_opds",
                "judged_opds",
                "active_opds",
                "inactive_opds",
                "not_judged_opds",
                "partial_data_opds",
                "kurang_opds",
            )
        }  # fmt: skip
    )


def inactive_reason_counts(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """Not-active OPDs per main reason (the reason_code of queries.activity.inactive_opds).

    Columns: reason_code (String, warehouse.vocabulary.INACTIVE_REASONS keys), opds (Int64).
    Only reasons that occur; most OPDs first, then by code. as_of as in inactive_opds.
    """
    s = _settings(con, settings)
    names, tables = judged_tables(con, f, s, _as_of(f, as_of))
    df = _run(con, "q_inactive_reason_counts", {**inactive_params(f, s, as_of), **names}, tables)
    return df.cast({"opds": pl.Int64})


def campaign_totals(con: duckdb.DuckDBPyConnection, f: Filters, campaign_id: int) -> pl.DataFrame:
    """One campaign's participation over every expected-to-post OPD in the filters, one row.

    Columns: expected_opds (Int64), participating_opds (Int64: at least one campaign post in
    the period), participation_rate (Float64 0..1; null when no OPD is expected),
    campaign_posts (Int64). The rows behind it: queries.campaigns.campaign_participation.
    """
    params = {**f.params(), "campaign_id": int(campaign_id)}
    df = _run(con, "q_campaign_totals", params)
    return df.cast(
        {"expected_opds": pl.Int64, "participating_opds": pl.Int64, "campaign_posts": pl.Int64}
    )
