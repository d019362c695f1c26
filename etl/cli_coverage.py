"""The `coverage` command's output: which data arrived, per account and month."""

from __future__ import annotations

import json

import duckdb

from warehouse import vocabulary
from warehouse.coverage import coverage_grid, waited_logbooks
from warehouse.queries.filters import Filters


def jsonable(v: object) -> object:
    """Dates and timestamps as ISO text; everything else as it is."""
    import datetime as dt

    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


def print_coverage(con: duckdb.DuckDBPyConnection, f: Filters, as_json: bool) -> None:
    """Print the coverage of every account (and OPD without one whose own logbook is waited
    for) per month of `f`'s period: text lines, or JSON lines (one object per account-month,
    then per such OPD-month, its handle the logbook's label and platform null)."""

    grid = coverage_grid(con, f)
    # OPDs with no account whose own logbook is waited for: no account row to hold them.
    own = waited_logbooks(con, f)
    cols = ["opd", "opd_kind", "platform", "handle", "month_start", "status", "days_covered",
            "days_in_month", "covered_days", "n_posts", "reason_code", "due_date", "load_ids",
            "latest_export"]  # fmt: skip
    if as_json:
        for row in grid.select(cols).iter_rows(named=True):
            print(json.dumps({k: jsonable(v) for k, v in row.items()}, ensure_ascii=False))
        for row in own.iter_rows(named=True):
            line = {k: row.get(k) for k in cols} | {"handle": vocabulary.OWN_LOGBOOK[0]}
            print(json.dumps({k: jsonable(v) for k, v in line.items()}, ensure_ascii=False))
        return
    if grid.height == 0 and own.height == 0:
        print("Tidak ada akun OPD wajib unggah dalam filter ini.")
        return
    for r in grid.iter_rows(named=True):
        status = vocabulary.COVERAGE_STATUS[r["status"]][0]
        days = f" tgl {r['covered_days']}" if r["status"] == "partial" else ""
        why = f", {vocabulary.INACTIVE_REASONS[r['reason_code']]}" if r["reason_code"] else ""
        loads = ", ".join(f"#{i}" for i in r["load_ids"]) or "-"
        print(
            f"{r['month_start']:%Y-%m}  {r['opd']} | {r['platform']} {r['handle']} | "
            f"{status}{days}{why} | {r['n_posts']} postingan | muatan {loads}"
        )
    for r in own.iter_rows(named=True):
        status = vocabulary.COVERAGE_STATUS[r["status"]][0]
        why = vocabulary.INACTIVE_REASONS[r["reason_code"]]
        print(
            f"{r['month_start']:%Y-%m}  {r['opd']} | {vocabulary.OWN_LOGBOOK[0]} | {status}, {why}"
        )
    counts = {k: int((grid["status"] == k).sum()) for k in vocabulary.COVERAGE_STATUS}
    print(
        "Ringkasan: "
        + ", ".join(f"{vocabulary.COVERAGE_STATUS[k][0].lower()} {n}" for k, n in counts.items())
        + f" akun-bulan, dari {grid.height}."
        + (
            f" OPD tanpa akun yang rekap postingannya belum lengkap: "
            f"{own.get_column('opd_id').n_unique()} OPD, {own.height} bulan."
            if own.height
            else ""
        )
    )
