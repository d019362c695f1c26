"""`metrics --json` gives the comparison the KPI cards show, from the same kpi_summary rows
(etl.cli_compare): the period compared with, both values, the change in points, or "belum ada
pembanding" when the other period has no data. Hand warehouse (tests.factory): posts from
January 2025 on, coverage of every day to 2027."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from etl import cli_reports
from tests.factory import hand_warehouse
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


def test_no_data_in_the_previous_period_is_no_comparison_never_a_change(con):
    # January 2025 is the first month with data: December 2024 has none.
    f = Filters(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    prev = cli_reports.metrics_payload(con, f)["comparison"]["previous"]
    assert prev["status"] == "none" and prev["reason"] == "before_data"
    assert prev["text"] == "belum ada pembanding"
    for figure in prev["kpis"].values():
        assert figure["other_value"] is None and figure["change"] is None
        assert figure["change_points"] is None and figure["change_text"] is None


def test_a_period_past_the_data_end_compares_the_same_days():
    c = hand_warehouse()
    try:
        # Data to 20 January 2026 only (no post after it): the data end cuts January.
        c.execute("DELETE FROM posts WHERE published_at >= TIMESTAMP '2026-01-21'")
        c.execute("UPDATE load_coverage SET period_end = DATE '2026-01-20'")
        from warehouse import day_counts

        day_counts.recount(c)
        payload = cli_reports.metrics_payload(c, JAN)
    finally:
        c.close()
    assert payload["data_end"] == "2026-01-20"
    prev = payload["comparison"]["previous"]
    assert prev["status"] == "cut"
    assert prev["compared_period"] == {"start": "2026-01-01", "end": "2026-01-20"}
    assert prev["other_period"] == {"start": "2025-12-01", "end": "2025-12-20"}
    assert payload["judged_period"]["end"] == prev["compared_period"]["end"]
