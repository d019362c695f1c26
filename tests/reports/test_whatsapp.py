"""Rekap WhatsApp: the text against golden files, and its figures against the warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports import idfmt, whatsapp
from tests.factory import JAN
from warehouse.queries import activity, filters, summary

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_recap_matches_the_golden_file(wh, lang):
    text = whatsapp.recap(wh, filters.Filters(*JAN), lang=lang)
    assert text + "\n" == (GOLDEN / f"whatsapp_jan2026_{lang}.txt").read_text(encoding="utf-8")


def test_recap_is_plain_whatsapp_text_with_the_warehouse_figures(wh):
    f = filters.Filters(*JAN)
    text = whatsapp.recap(wh, f)
    assert "|" not in text and "<" not in text and "http" not in text  # no tables, no markup
    assert all(line.count("*") % 2 == 0 for line in text.splitlines())  # bold pairs close
    k = {r["key"]: r for r in summary.kpi_summary(wh, f).iter_rows(named=True)}
    active, expected = int(k["active_opds"]["value"]), int(k["expected_opds"]["value"])
    rate = idfmt.format_percent(k["activity_rate"]["value"])
    assert f"*Keaktifan:* {active} dari {expected} OPD aktif ({rate})" in text
    inactive = activity.inactive_opds(wh, f)
    assert f"*Belum aktif ({inactive.height}; minimal 4 unggahan dari satu akun):*" in text
    for r in inactive.iter_rows(named=True):
        assert f"- {r['opd']}: {r['reason']}" in text
    best = activity.opd_index(wh, f).row(0, named=True)
    assert f"1. {best['opd']} \u2013 {idfmt.format_number(best['index_score'], 1)}" in text


def test_recap_of_an_empty_period_says_so(wh):
    text = whatsapp.recap(wh, filters.Filters.month_of(__import__("datetime").date(2020, 1, 1)))
    assert "Belum ada data postingan untuk periode ini." in text and "*OPD teratas" not in text
