"""`metrics --json` gives the comparison the KPI cards show, from the same kpi_summary rows
(etl.cli_compare): the period compared with, both values, the change in points, or "belum ada
pembanding" when the other period has no data. Hand warehouse (tests.factory): posts from
January 2025 on, coverage of every day to 2027."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from etl import cli_reports
from tests.factory import coverage_written, hand_warehouse
from warehouse.queries import summary
from warehouse.queries.filters import Filters

JAN = Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))


@pytest.fixture(scope="module")
def con():
    c = hand_warehouse()
    yield c
    c.close()


def test_the_json_comparison_is_the_cards_comparison(con):
    payload = json.loads(json.dumps(cli_reports.metrics_payload(con, JAN)))  # JSON-able
    prev = payload["comparison"]["previous"]
    # January 2026 against December 2025, both whole months with data: a full comparison.
    assert prev["status"] == "full" and prev["text"] is None
    assert prev["compared_period"] == {"start": "2026-01-01", "end": "2026-01-31"}
    assert prev["other_period"] == {"start": "2025-12-01", "end": "2025-12-31"}
    cards = {r["key"]: r for r in summary.kpi_summary(con, JAN).iter_rows(named=True)}
    rate = prev["kpis"]["activity_rate"]
    card = cards["activity_rate"]
    assert rate["value"] == card["compared_value"] == payload["kpis"]["activity_rate"]
    assert rate["other_value"] == card["previous_value"] is not None
    assert rate["change"] == pytest.approx(rate["value"] - rate["other_value"])
    assert rate["change_points"] == pytest.approx(100 * rate["change"])
    points = f"{abs(rate['change_points']):.1f}".replace(".", ",")
    assert rate["change_text"].endswith(f"{points} poin")
    posts = prev["kpis"]["posts"]
    assert (
        posts["change"] == posts["value"] - posts["other_value"] and posts["change_points"] is None
    )
    # A year ago: January 2025 has one post, so it compares too.
    assert payload["comparison"]["year_ago"]["other_period"]["start"] == "2025-01-01"


def test_no_data_in_the_previous_period_is_no_comparison_never_a_change():
    # Data from January 2025 on (coverage and posts): December 2024 has none.
    c = hand_warehouse()
    try:
        c.execute("UPDATE load_coverage SET period_start = DATE '2025-01-01'")
        coverage_written(c)
        f = Filters(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
        prev = cli_reports.metrics_payload(c, f)["comparison"]["previous"]
    finally:
        c.close()
    assert prev["status"] == "none" and prev["reason"] == "before_data"
    assert prev["text"] == "belum ada pembanding"
    for figure in prev["kpis"].values():
        assert figure["other_value"] is None and figure["change"] is None
        assert figure["change_points"] is None and figure["change_text"] is None


def test_a_period_past_the_data_end_compares_the_same_days(capsys):
    c = hand_warehouse()
    try:
        # Data to 20 January 2026 only (no post after it): the data end cuts January.
        c.execute("DELETE FROM posts WHERE published_at >= TIMESTAMP '2026-01-21'")
        c.execute("UPDATE load_coverage SET period_end = DATE '2026-01-20'")
        coverage_written(c)
        from warehouse import day_counts

        day_counts.recount(c)
        payload = cli_reports.metrics_payload(c, JAN)
        cli_reports._print_metrics(c, JAN, False)
    finally:
        c.close()
    heading = capsys.readouterr().out.splitlines()[0]
    assert heading == "Periode 1 Januari 2026 s.d. 31 Januari 2026 (data s.d. 20 Januari 2026)"
    assert payload["data_end"] == "2026-01-20"
    prev = payload["comparison"]["previous"]
    assert prev["status"] == "cut"
    assert prev["compared_period"] == {"start": "2026-01-01", "end": "2026-01-20"}
    assert prev["other_period"] == {"start": "2025-12-01", "end": "2025-12-20"}
    assert payload["judged_period"]["end"] == prev["compared_period"]["end"]


def _without_december(c, *, coverage: bool, opd_ids: tuple[int, ...] = ()) -> None:
    """December 2025 emptied: its posts deleted (of opd_ids, or all), and with coverage=True
    no export or logbook covering it either (a month nobody sent)."""
    from warehouse import day_counts

    scope = f" AND opd_id IN ({', '.join(map(str, opd_ids))})" if opd_ids else ""
    c.execute(
        "DELETE FROM posts WHERE published_at >= TIMESTAMP '2025-12-01'"
        " AND published_at < TIMESTAMP '2026-01-01'" + scope
    )
    if coverage:
        c.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) SELECT load_id, opd_id, platform, account_id, DATE '2026-01-01',"
            " period_end, basis FROM load_coverage WHERE TRUE" + scope
        )
        c.execute(
            "UPDATE load_coverage SET period_end = DATE '2025-11-30'"
            " WHERE period_end = DATE '2027-12-31' AND period_start < DATE '2025-12-01'" + scope
        )
        coverage_written(c)
    day_counts.recount(c)


def test_a_month_nobody_sent_is_no_comparison_even_with_data_around_it():
    # November 2025 and January 2026 have data; December 2025 was never sent.
    c = hand_warehouse()
    try:
        _without_december(c, coverage=True)
        prev = cli_reports.metrics_payload(c, JAN)["comparison"]["previous"]
        text = cli_reports._against(prev, "posts")
    finally:
        c.close()
    assert prev["status"] == "none" and prev["reason"] == "other_gaps"
    assert all(k["change"] is None for k in prev["kpis"].values())
    assert text == " (belum ada pembanding)"


def test_a_month_sent_with_no_post_is_a_real_change_against_zero():
    # December 2025's data arrived (covered) without a single post: zero posts, not no data.
    c = hand_warehouse()
    try:
        _without_december(c, coverage=False)
        prev = cli_reports.metrics_payload(c, JAN)["comparison"]["previous"]
        text = cli_reports._against(prev, "kinerja_share")
    finally:
        c.close()
    assert prev["status"] == "full" and prev["reason"] is None
    posts = prev["kpis"]["posts"]
    assert posts["other_value"] == 0 and posts["change"] == posts["value"] > 0
    rate = prev["kpis"]["activity_rate"]
    assert rate["other_value"] == 0 and rate["change"] == rate["value"]
    # A share of zero posts has no value: that figure says so, never 'None'.
    assert prev["kpis"]["kinerja_share"]["change_text"] is None
    assert text.startswith(" (belum ada pembanding untuk angka ini: ") and "None" not in text


def test_one_opd_compares_only_on_its_own_data():
    # Dinkes (1) sent nothing for December 2025; the other OPDs did.
    c = hand_warehouse()
    try:
        _without_december(c, coverage=True, opd_ids=(1,))
        whole = cli_reports.metrics_payload(c, JAN)["comparison"]["previous"]
        dinkes = Filters(JAN.start, JAN.end, opd_ids=(1,))
        one = cli_reports.metrics_payload(c, dinkes)["comparison"]["previous"]
        disdik = Filters(JAN.start, JAN.end, opd_ids=(2,))
        other = cli_reports.metrics_payload(c, disdik)["comparison"]["previous"]
    finally:
        c.close()
    # The whole scope compares, but only the OPDs complete in both months: Dinkes is left out
    # of both sides (its January posts would otherwise be a change against nothing).
    assert whole["status"] == "full"
    assert whole["compared_opds"]["count"] == whole["compared_opds"]["of"] - 1
    assert [o["opd"] for o in whole["compared_opds"]["left_out"]] == ["Dinas Kesehatan"]
    assert one["status"] == "none" and one["reason"] == "other_gaps"
    assert other["status"] == "full" and other["compared_opds"]["left_out"] == []


def test_a_not_active_row_says_which_count_fell_short_of_which_minimum(con, capsys):
    payload = cli_reports.metrics_payload(con, JAN)
    inactive = [o for o in payload["opds"] if o["activity_status"] == "inactive"]
    assert inactive  # the hand warehouse has OPDs below the minimum in January
    cli_reports._print_metrics(con, JAN, False)
    out = capsys.readouterr().out
    for o in inactive:
        line = next(x for x in out.splitlines() if f" {o['opd']}: " in x)
        counted = f"{o['counted_posts']:.0f}"
        assert f"akun terbanyak {counted} dari minimal {o['required_posts']:.0f})" in line
