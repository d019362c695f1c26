"""A partly received bucket is "data sebagian", never "data belum diterima", and an OPD not
judged is never counted as inactive (hand warehouse of tests/coverage/test_judgement.py: Disdik's
January data reaches 15 January only, Dinkes's instagram has no January data, Dinkes is active
on facebook)."""

from __future__ import annotations

import datetime as dt

from tests.coverage.test_judgement import F, con  # noqa: F401  (the fixture)
from tests.factory import JAN, coverage_written
from warehouse import figures
from warehouse.analyst_settings import Settings
from warehouse.queries import activity, judgement, summary
from warehouse.queries.filters import Filters

END = JAN[1] + dt.timedelta(days=1)


def _judged(con) -> dict:  # noqa: F811
    rows = con.execute(
        "SELECT opd_id, activity_status, data_state, judgement FROM opd_judgement('period',"
        " ?, ?, [], [], [], 4, 1, 'account', (SELECT data_end FROM v_data_end)) ORDER BY ALL",
        [JAN[0], END],
    ).fetchall()
    return {o: (a, d, j) for o, a, d, j in rows}


def test_partly_received_is_not_not_received(con):  # noqa: F811
    got = _judged(con)
    # Disdik: its only account covered 1-15 January: part of the data, not judged.
    assert got[2] == ("no_data", "partial", "partly_received")
    # Dinkes: active on facebook; its instagram's January is missing: active on part.
    assert got[1] == ("active", "partial", "active")
    assert got[3] == ("inactive", "complete", "inactive")
    # Without any January day of Disdik's account: no data at all.
    con.execute("DELETE FROM load_coverage WHERE opd_id = 2")
    coverage_written(con)
    assert _judged(con)[2] == ("no_data", "missing", "not_received")


def test_inactive_list_reason_partly_received_before_the_deadline(con):  # noqa: F811
    # The macro reads the period's judgement by name (warehouse.queries.judgement), as the
    # not-active list does; `today` is given so the collection deadline can be tried.
    judged = judgement.period_judgement(con, Filters(*JAN), Settings())

    def reason(today: dt.date) -> str:
        cur = con.cursor()
        try:
            cur.register(judgement.JUDGED_AS_OF, judged)
            return cur.execute(
                "SELECT reason_codes[1] FROM inactive_opds(?, ?, [], [], [], 4, 1, ?,"
                " ?, ?, 5, 30, (SELECT data_end FROM v_data_end)) WHERE opd_id = 2",
                [JAN[0], END, judgement.JUDGED_AS_OF, JAN[1], today],
            ).fetchone()[0]
        finally:
            cur.close()

    assert reason(dt.date(2026, 2, 1)) == "partly_received"
    assert reason(dt.date(2026, 3, 1)) == "not_submitted"


def test_kpi_and_heatmap_say_partial(con):  # noqa: F811
    k = {r["key"]: r["value"] for r in summary.kpi_summary(con, F).iter_rows(named=True)}
    assert (k["no_data_opds"], k["partial_data_opds"]) == (1, 1)
    heat = activity.opd_month_heatmap(con, F)
    assert heat.filter(heat["partial_data"]).select("opd_id").to_series().to_list() == [2]
    con.execute("DELETE FROM load_coverage WHERE opd_id = 2")
    coverage_written(con)
    k = {r["key"]: r["value"] for r in summary.kpi_summary(con, F).iter_rows(named=True)}
    assert (k["no_data_opds"], k["partial_data_opds"]) == (1, 0)
    heat = activity.opd_month_heatmap(con, F)
    assert heat.filter(heat["no_data"] & ~heat["partial_data"]).height == 1


def test_unjudged_never_counted_inactive(con):  # noqa: F811
    k = figures.keaktifan_figures(con, F, as_of=JAN[1]).row(0, named=True)
    # Dinkes, Kec. Kota active; BKD, Desa inactive (all data in); Disdik not judged.
    assert (k["active_opds"], k["inactive_opds"], k["not_judged_opds"]) == (2, 2, 1)
    assert k["active_opds"] + k["inactive_opds"] + k["not_judged_opds"] == k["expected_opds"]
    assert k["judged_opds"] == k["active_opds"] + k["inactive_opds"]
    assert k["partial_data_opds"] == 1


def test_kecamatan_rollup_counts_not_judged_apart(con):  # noqa: F811
    # Desa Sukamaju under Kecamatan Kota; take its data away: it is not judged, not inactive.
    con.execute("UPDATE opd SET parent_opd_id = 4 WHERE opd_id = 5")
    con.execute("DELETE FROM load_coverage WHERE opd_id = 5")
    coverage_written(con)
    r = activity.kecamatan_rollup(con, F).row(0, named=True)
    assert (r["members"], r["active_members"], r["inactive_members"]) == (2, 1, 0)
    assert r["not_judged_members"] == 1


def test_an_active_month_on_part_of_its_data_is_not_a_whole_month(con):  # noqa: F811
    from warehouse import opd_story

    months = {r["opd_id"]: r for r in opd_story.opd_months(con, F).iter_rows(named=True)}
    # Dinkes is active in January, but its instagram's January never came: not a whole month.
    assert months[1]["is_active"] and not months[1]["whole_month"]
    # BKD: judged inactive on all of its data.
    assert months[3]["whole_month"] and not months[3]["is_active"]
    assert not months[2]["whole_month"]  # not judged
