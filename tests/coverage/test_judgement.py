"""The activity rule read with coverage (opd_judgement) on the hand warehouse, numbers by hand.

Coverage here: every OPD's data for all days, except Disdik (facebook #3, its only account),
whose January export covers 1-15 January only, and Dinkes's instagram (#2), not received for
January at all. Dinkes is active on facebook whatever its instagram says; Disdik is not active
and its data is incomplete: not judged."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factory import JAN, coverage_written, hand_warehouse
from warehouse.queries import activity as activity_queries
from warehouse.queries import filters, summary

F = filters.Filters(*JAN)


@pytest.fixture
def con():
    c = hand_warehouse()
    c.execute("DELETE FROM load_coverage")
    c.execute(
        "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
        " period_end, basis) VALUES"
        " (1, 1, 'facebook', NULL, DATE '2025-01-01', DATE '2026-02-28', 'file_name'),"
        " (1, 1, 'instagram', NULL, DATE '2025-01-01', DATE '2025-12-31', 'file_name'),"
        " (1, 2, 'facebook', NULL, DATE '2025-01-01', DATE '2026-01-15', 'file_name'),"
        " (1, 3, NULL, NULL, DATE '2025-01-01', DATE '2026-02-28', 'title'),"
        " (1, 5, NULL, NULL, DATE '2025-01-01', DATE '2026-02-28', 'title'),"
        " (1, 6, NULL, NULL, DATE '2025-01-01', DATE '2026-02-28', 'title')"
    )
    coverage_written(c)
    yield c
    c.close()


def _status(con, bucket="period", start=JAN[0], end=JAN[1]) -> dict:
    rows = con.execute(
        "SELECT opd_id, period_start, activity_status FROM opd_judgement(?, ?, ?, [], [], [],"
        " 4, 1, 'account', (SELECT data_end FROM v_data_end)) ORDER BY ALL",
        [bucket, start, end + dt.timedelta(days=1)],
    ).fetchall()
    return {(o, p): s for o, p, s in rows}


def test_statuses_by_hand(con):
    got = _status(con)
    jan = JAN[0]
    # Dinkes: 5 facebook posts, active although its instagram data never came.
    assert got[(1, jan)] == "active"
    # Disdik: 3 posts, data only to 15 January: not judged.
    assert got[(2, jan)] == "no_data"
    # BKD and Desa: all data received, below the minimum: inactive.
    assert got[(3, jan)] == "inactive" and got[(5, jan)] == "inactive"
    # Kecamatan Kota has no account: nothing to wait for, active on its logbook rows.
    assert got[(4, jan)] == "active"


def test_kpi_rate_is_over_judged_opds(con):
    k = {r["key"]: r["value"] for r in summary.kpi_summary(con, F).iter_rows(named=True)}
    assert (k["expected_opds"], k["judged_opds"], k["no_data_opds"]) == (5, 4, 1)
    assert k["active_opds"] == 2
    assert k["activity_rate"] == pytest.approx(2 / 4)


def test_inactive_list_says_data_not_received(con):
    got = {
        r["opd_id"]: r
        for r in activity_queries.inactive_opds(con, F, as_of=JAN[1]).iter_rows(named=True)
    }
    assert set(got) == {2, 3, 5}
    # Today is long past 5 February 2026, January's deadline: not submitted.
    assert got[2]["reason_code"] == "not_submitted"
    # What the master list says still holds; dormancy and the minimum need data: not claimed.
    assert got[2]["all_reasons"].split("; ") == [
        "Tidak menyerahkan data",
        "Operator belum mengikuti pelatihan",
    ]
    assert got[3]["reason_code"] == "no_operator"


def test_no_index_without_data_and_heatmap_gap(con):
    idx = {r["opd_id"]: r for r in activity_queries.opd_index(con, F).iter_rows(named=True)}
    assert idx[2]["index_score"] is None and idx[2]["rank"] is None and idx[2]["grade"] is None
    assert all(r["index_score"] is not None for k, r in idx.items() if k != 2)
    heat = activity_queries.opd_month_heatmap(con, F)
    gaps = heat.filter(heat["no_data"])
    assert gaps.select("opd_id", "month").rows() == [(2, JAN[0])]


def test_trend_months_judged_separately(con):
    trend = activity_queries.activity_trend(con, filters.Filters(dt.date(2025, 12, 1), JAN[1]))
    rows = {r["month"]: r for r in trend.iter_rows(named=True)}
    dec, jan = rows[dt.date(2025, 12, 1)], rows[JAN[0]]
    # December: every OPD's data arrived (Dinkes's instagram ran to 31 Dec); Dinkes active.
    assert (dec["judged_opds"], dec["no_data_opds"], dec["active_opds"]) == (5, 0, 1)
    assert (jan["judged_opds"], jan["no_data_opds"], jan["active_opds"]) == (4, 1, 2)
    assert jan["activity_rate"] == pytest.approx(0.5)


def test_adding_the_missing_days_makes_disdik_judged(con):
    con.execute(
        "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
        " period_end, basis) VALUES (1, 2, 'facebook', NULL, DATE '2026-01-16',"
        " DATE '2026-01-31', 'file_name')"
    )
    coverage_written(con)
    assert _status(con)[(2, JAN[0])] == "inactive"
    k = {r["key"]: r["value"] for r in summary.kpi_summary(con, F).iter_rows(named=True)}
    assert (k["judged_opds"], k["active_opds"]) == (5, 2)
