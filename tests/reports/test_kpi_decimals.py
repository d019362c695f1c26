"""An average KPI's change is written with the digits of its value, everywhere: a letter read
"161,3" beside "-5" (the change -4,5 rounded to a whole), and the screen card "161" beside it.
The digits come from one place, metrics.Kpi.decimals, carried on every kpi_summary row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reports import idfmt, monthly, whatsapp
from warehouse import metrics
from warehouse.queries import summary


def _row(**extra: Any) -> dict[str, Any]:
    kpi = metrics.KPIS["engagement_per_post"]
    row: dict[str, Any] = {
        "key": kpi.key,
        "label": kpi.label,
        "format": kpi.fmt,
        "decimals": kpi.decimals,
        "value": 161.3,
        "change_previous": 89.2 - 93.7,
        "previous_start": dt.date(2026, 9, 1),
        "previous_end": dt.date(2026, 9, 30),
        "previous_status": "full",
        "previous_left_out": None,
        "previous_compared_value": 89.2,
        "previous_value": 93.7,
    }
    row.update(extra)
    return row


def test_an_average_keeps_its_digit() -> None:
    assert metrics.KPIS["engagement_per_post"].decimals == 1
    # Counts stay whole.
    assert metrics.KPIS["posts"].decimals == 0
    assert idfmt.format_change(-4.5, "angka", 1) == "-4,5"
    assert idfmt.format_value(160.0, "angka", 1) == "160,0"
    assert idfmt.format_change(12, "angka", 0) == "+12"


def test_letter_and_whatsapp_write_the_change_as_the_value() -> None:
    r = _row()
    letter = monthly._change_text(r)
    assert letter.startswith("-4,5 vs "), letter
    assert idfmt.format_value(r["value"], r["format"], r["decimals"]) == "161,3"
    wa = whatsapp._change(r, "id")
    assert wa.startswith("; -4,5 dibanding "), wa
    assert whatsapp._change(r, "en").startswith("; -4.5 ")


def test_subset_sides_carry_the_digit() -> None:
    r = _row(previous_left_out=[{"opd_id": 1, "opd": "X", "missing": "other"}])
    r.update(previous_compared_opds=3, previous_scope_opds=4, previous_compared_value=160.0)
    # Both sides with the same digit ("160 vs 93,7" read as two kinds of figure); they are
    # joined by non-breaking spaces so they never part at a line end.
    assert "160,0\u00a0vs\u00a093,7" in monthly._change_text(r)


@pytest.fixture(scope="module")
def kpis():
    from tests.factory import JAN, hand_warehouse
    from warehouse.queries import filters

    con = hand_warehouse()
    yield summary.kpi_summary(con, filters.Filters(*JAN))
    con.close()


def test_every_summary_row_carries_its_kpis_digits(kpis) -> None:
    got = dict(zip(kpis["key"], kpis["decimals"], strict=True))
    assert got == {k: metrics.KPIS[k].decimals for k in summary.KPI_SUMMARY_KEYS}
