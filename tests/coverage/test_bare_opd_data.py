"""One definition of "its data arrived" for an OPD with no account in scope (macro opd_coverage,
views/030_scope_and_activity.sql), read alike by the period's judgement (opd_judgement) and by
the compared set of a comparison (compared_opds, views/170_compared_opds.sql):
- never sent anything naming it (no logbook, no export): nothing to wait for, so judged on its
  zero posts (inactive) and compared, never left out as "data tidak lengkap";
- sent logbooks of its own (which may list posts of accounts the master list does not hold):
  those are its data, so a month its logbook has not arrived for is "data belum diterima", not
  a zero, and is left out of a comparison.
Hand warehouse (tests.factory): Kecamatan Kota has no account and a logbook with posts; an OPD
added here (Kesbangpol) has no account and never sent anything."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import cli_coverage, cli_reports
from tests.factory import JAN, coverage_written, hand_warehouse
from tests.warehouse.test_compared_set import DEC, _gap
from warehouse import coverage, vocabulary
from warehouse.queries import summary
from warehouse.queries.filters import Filters

KOTA = 4  # Kecamatan Kota: no account, its logbook lists Facebook posts
KESBANGPOL = 7  # added below: no account, nothing ever sent
F = Filters(*JAN)
NOV = (dt.date(2025, 11, 1), dt.date(2025, 11, 30))


def _with_kesbangpol(con) -> None:
    con.execute(
        "INSERT INTO opd (opd_id, name, short_name, kind, operator_name, operator_trained,"
        " expected_to_post) VALUES (?, 'Badan Kesatuan Bangsa dan Politik', 'Kesbangpol',"
        " 'badan', NULL, NULL, TRUE)",
        [KESBANGPOL],
    )


def _judged(con, month: tuple[dt.date, dt.date], platforms=()) -> dict[int, dict]:
    """opd_judgement over `month` as one bucket, the data end far after it: {opd_id: row}."""
    cur = con.execute(
        "SELECT * FROM opd_judgement('period', ?, ?, ?, [], [], 4, 1, 'account', DATE"
        " '2027-12-31')",
        [month[0], month[1] + dt.timedelta(days=1), list(platforms)],
    )
    cols = [d[0] for d in cur.description]
    return {r[cols.index("opd_id")]: dict(zip(cols, r, strict=True)) for r in cur.fetchall()}


def _compared(con, cur, oth, platforms=()) -> dict[int, tuple[bool, bool]]:
    rows = con.execute(
        "SELECT opd_id, complete_current, complete_other FROM compared_opds(?, ?, ?, ?, ?, [], [])",
        [cur[0], cur[1] + dt.timedelta(days=1), oth[0], oth[1] + dt.timedelta(days=1),
         list(platforms)],
    ).fetchall()  # fmt: skip
    return {o: (c, p) for o, c, p in rows}


def test_an_opd_with_no_account_that_never_sent_is_judged_and_compared():
    con = hand_warehouse()
    try:
        _with_kesbangpol(con)
        jan = _judged(con, JAN)[KESBANGPOL]
        posts = {r["key"]: r for r in summary.kpi_summary(con, F).iter_rows(named=True)}["posts"]
        prev = cli_reports.metrics_payload(con, F)["comparison"]["previous"]
    finally:
        con.close()
    assert (jan["activity_status"], jan["data_state"], jan["is_judged"]) == (
        "inactive", "complete", True,
    )  # fmt: skip
    assert KESBANGPOL not in [o["opd_id"] for o in posts["previous_left_out"]]
    assert prev["compared_opds"]["left_out"] == []
    assert prev["compared_opds"]["count"] == prev["compared_opds"]["of"] == 7
    assert prev["text"] is None  # every OPD in scope compared: no "pada n dari m OPD"


def test_a_month_whose_logbook_has_not_arrived_is_no_data_for_an_opd_with_no_account():
    con = hand_warehouse()
    try:
        _gap(con, KOTA, DEC)
        dec, jan, nov = _judged(con, DEC), _judged(con, JAN), _judged(con, NOV)
        posts = {r["key"]: r for r in summary.kpi_summary(con, F).iter_rows(named=True)}["posts"]
    finally:
        con.close()
    assert (dec[KOTA]["activity_status"], dec[KOTA]["judgement"]) == ("no_data", "not_received")
    assert dec[KOTA]["data_state"] == "missing" and not dec[KOTA]["is_judged"]
    # The months its logbook covers are judged on its posts.
    assert jan[KOTA]["is_judged"] and jan[KOTA]["posts"] == 4
    assert nov[KOTA]["activity_status"] == "inactive"
    assert [o["opd_id"] for o in posts["previous_left_out"]] == [KOTA]


def test_a_logbook_of_part_of_a_month_is_partial_data():
    con = hand_warehouse()
    try:
        con.execute(
            "UPDATE load_coverage SET period_start = DATE '2026-01-10' WHERE opd_id = ?", [KOTA]
        )
        coverage_written(con)
        jan = _judged(con, JAN)[KOTA]
    finally:
        con.close()
    # Four posts of January prove nothing of the days the logbook did not cover.
    assert (jan["data_state"], jan["judgement"]) in (
        ("partial", "partly_received"), ("partial", "active"),
    )  # fmt: skip


MONTHS = [NOV, DEC, JAN]


def _with_gaps(gaps: list[set[int]], kesbangpol_sends: bool):
    """The hand warehouse with Kesbangpol (no account; when it sends, one logbook of its own
    for November only) and, for each OPD in turn, its data withheld for the MONTHS indexed."""
    con = hand_warehouse()
    _with_kesbangpol(con)
    if kesbangpol_sends:
        con.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) VALUES (1, ?, NULL, NULL, DATE '2025-11-01',"
            " DATE '2025-11-30', 'title')",
            [KESBANGPOL],
        )
        coverage_written(con)
    for opd_id, months in enumerate(gaps, start=1):
        for m in sorted(months):
            if opd_id != KESBANGPOL:
                _gap(con, opd_id, MONTHS[m])
    return con


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sets(st.sampled_from(range(3))), min_size=7, max_size=7),
    st.sampled_from([(), ("facebook",), ("instagram", "tiktok"), ("tiktok",)]),
    st.sampled_from(range(3)),
    st.sampled_from(range(3)),
    st.booleans(),
)
def test_compared_is_complete_as_the_judgement_says_on_both_sides(
    gaps, platforms, cur, oth, kesbangpol_sends
):
    """For every OPD in scope, any two months and any platforms: compared_opds's complete on a
    side is exactly opd_judgement's data_complete over that month (one definition), and an OPD
    judged on both sides is compared."""
    con = _with_gaps(gaps, kesbangpol_sends)
    try:
        got = _compared(con, MONTHS[cur], MONTHS[oth], platforms)
        a, b = _judged(con, MONTHS[cur], platforms), _judged(con, MONTHS[oth], platforms)
    finally:
        con.close()
    assert set(got) == set(a) == set(b)
    for opd_id, (complete_cur, complete_oth) in got.items():
        assert complete_cur == a[opd_id]["data_complete"], opd_id
        assert complete_oth == b[opd_id]["data_complete"], opd_id
        if a[opd_id]["activity_status"] == "inactive" and b[opd_id]["activity_status"] == (
            "inactive"
        ):
            assert complete_cur and complete_oth, opd_id
    # Kesbangpol: complete everywhere when it never sent; when it sent November only, exactly
    # November is complete.
    for side, month in ((0, cur), (1, oth)):
        assert got[KESBANGPOL][side] == (not kesbangpol_sends or month == 0)


def _checklist(con, month: tuple[dt.date, dt.date], platforms=()) -> dict[int, dict]:
    f = Filters(*month, platforms=tuple(platforms))
    rows = coverage.coverage_missing(con, f, month[0], as_of=dt.date(2026, 12, 1))
    return {r["opd_id"]: r for r in rows.iter_rows(named=True)}


def test_the_collection_checklist_lists_an_opd_whose_own_logbook_is_missing():
    con = hand_warehouse()
    try:
        _gap(con, KOTA, DEC)
        dec, jan = _checklist(con, DEC), _checklist(con, JAN)
        con.execute(
            "UPDATE load_coverage SET period_start = DATE '2026-01-10' WHERE opd_id = ?", [KOTA]
        )
        coverage_written(con)
        part = _checklist(con, JAN)
    finally:
        con.close()
    # "data belum diterima" in the judgement is a line of the checklist, not nothing.
    assert dec[KOTA]["accounts"] == f"{vocabulary.OWN_LOGBOOK[0]} (belum ada)"
    assert (dec[KOTA]["n_missing"], dec[KOTA]["n_partial"]) == (1, 0)
    assert dec[KOTA]["reason_code"] == "not_submitted"  # due 10 Jan 2026, asked 1 Dec 2026
    assert KOTA not in jan  # its January logbook arrived
    assert part[KOTA]["accounts"] == f"{vocabulary.OWN_LOGBOOK[0]} (sebagian)"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sets(st.sampled_from(range(3))), min_size=7, max_size=7),
    st.sampled_from([(), ("facebook",), ("instagram", "tiktok"), ("tiktok",)]),
    st.sampled_from(range(3)),
    st.booleans(),
)
def test_the_checklist_holds_every_opd_the_judgement_waits_for(gaps, platforms, m, sends):
    """Every OPD in scope whose data for the month is not complete (opd_judgement's data_state)
    is on the collection checklist, and no other: with accounts or without."""
    con = _with_gaps(gaps, sends)
    try:
        listed = _checklist(con, MONTHS[m], platforms)
        judged = _judged(con, MONTHS[m], platforms)
    finally:
        con.close()
    waited = {
        o for o, r in judged.items() if r["data_state"] != "complete" and r["expected_to_post"]
    }
    assert set(listed) == waited


def test_the_coverage_command_lists_an_opd_whose_own_logbook_is_missing(capsys):
    con = hand_warehouse()
    try:
        _gap(con, KOTA, DEC)
        cli_coverage.print_coverage(con, Filters(DEC[0], JAN[1]), as_json=True)
        lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        cli_coverage.print_coverage(con, Filters(DEC[0], JAN[1]), as_json=False)
        text = capsys.readouterr().out
    finally:
        con.close()
    own = [x for x in lines if x["platform"] is None]
    assert [(x["opd"], x["month_start"], x["status"]) for x in own] == [
        ("Kecamatan Kota", "2025-12-01", "missing")
    ]
    assert own[0]["handle"] == vocabulary.OWN_LOGBOOK[0]
    assert f"2025-12  Kecamatan Kota | {vocabulary.OWN_LOGBOOK[0]} | Belum ada" in text
    assert "OPD tanpa akun yang rekap postingannya belum lengkap: 1 OPD, 1 bulan." in text
