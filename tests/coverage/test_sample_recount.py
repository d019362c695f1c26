"""The activity rate over OPDs whose data arrived equals a recount from the raw sample files.

The recount reads the Meta Business Suite CSVs under sample_data/exports/ with the csv module
(nothing from etl/): posts per account in a month from `Publish time` (MM/DD/YYYY HH:MM, WIB),
the period each file covers from its name. Scope: OPD kinds badan and bagian (their data comes
only as Meta exports), platforms facebook and instagram, whole months. The roster (which OPDs
must post and which accounts they have) is the input master list, read from the warehouse."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from tests.factory import private_copy, sample_warehouse
from warehouse.db import connect
from warehouse.queries import filters, summary

EXPORTS = Path(__file__).resolve().parents[2] / "sample_data" / "exports"
MON = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}  # fmt: skip
NAME = re.compile(r"^([A-Z][a-z]{2})-(\d{2})-(\d{4})_([A-Z][a-z]{2})-(\d{2})-(\d{4})_\d+\.csv$")
KINDS = ("badan", "bagian")
PLATFORMS = ("facebook", "instagram")
MIN_PER_MONTH = 4  # the shipped default (Pengaturan)


def _files(platform: str, folder: str):
    """(period start, period end, publish dates) of every export of one account folder."""
    out = []
    for path in sorted((EXPORTS / platform / folder).glob("*.csv")):
        m = NAME.match(path.name)
        assert m, path.name
        a = dt.date(int(m[3]), MON[m[1]], int(m[2]))
        b = dt.date(int(m[6]), MON[m[4]], int(m[5]))
        with path.open(encoding="utf-8-sig", newline="") as fh:
            dates = [
                dt.datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M")
                for r in csv.DictReader(fh)
            ]
        out.append((a, b, dates))
    return out


def _recount(con, year: int, month: int) -> tuple[int, int]:
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    roster = con.execute(
        "SELECT o.opd_id, o.short_name, list(a.platform) FILTER (WHERE a.platform IN"
        " ('facebook', 'instagram')) FROM opd o LEFT JOIN account a USING (opd_id)"
        " WHERE o.expected_to_post AND o.kind IN ('badan', 'bagian') GROUP BY ALL"
    ).fetchall()
    active = judged = 0
    for _opd_id, short, platforms in roster:
        folder = re.sub(r"[^A-Za-z0-9]+", "_", short).strip("_")
        busiest, complete = 0, True
        for platform in sorted(set(platforms or [])):
            files = _files(platform, folder)
            n = sum(1 for _, _, ds in files for d in ds if first <= d.date() <= last)
            busiest = max(busiest, n)
            complete &= any(a <= first and b >= last for a, b, _ in files)
        is_active = busiest >= MIN_PER_MONTH
        active += is_active
        judged += is_active or complete
    return active, judged


@pytest.mark.parametrize("month", [(2026, 9), (2026, 10)])
def test_activity_rate_over_covered_opds_equals_recount(tmp_path, month):
    con = connect(private_copy(sample_warehouse(), tmp_path))
    try:
        active, judged = _recount(con, *month)
        start = dt.date(*month, 1)
        end = dt.date(*month, calendar.monthrange(*month)[1])
        f = filters.Filters(start, end, PLATFORMS, KINDS)
        k = {r["key"]: r["value"] for r in summary.kpi_summary(con, f).iter_rows(named=True)}
    finally:
        con.close()
    assert (k["active_opds"], k["judged_opds"]) == (active, judged)
    assert k["activity_rate"] == pytest.approx(active / judged)
