"""The month the data end cuts, shown apart from 'belum lengkap' in the Kelengkapan grid: a
partial month covered every day up to the data end (v_data_end) is 'baru sebagian (bulan
berjalan)' (column to_data_end, views/025_v_coverage.sql); one covered to an earlier day is
behind. Hand warehouse: data ends on 20 February 2026; Dinas Kesehatan (OPD 1) only to the
10th."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factory import coverage_written, hand_warehouse
from ui import coverage_chart, coverage_panel
from warehouse import coverage
from warehouse.queries.filters import Filters

DATA_END, BEHIND = dt.date(2026, 2, 20), dt.date(2026, 2, 10)
F = Filters(dt.date(2026, 1, 1), dt.date(2026, 2, 28))


@pytest.fixture(scope="module")
def con():
    c = hand_warehouse()
    c.execute("UPDATE load_coverage SET period_end = ?", [DATA_END])
    c.execute("UPDATE load_coverage SET period_end = ? WHERE opd_id = 1", [BEHIND])
    coverage_written(c)
    yield c
    c.close()


def test_only_the_cut_month_covered_to_the_data_end_is_running(con):
    assert con.execute("SELECT data_end FROM v_data_end").fetchone()[0] == DATA_END
    grid = coverage.coverage_grid(con, F, as_of=dt.date(2026, 2, 21))
    feb = grid.filter(grid["month_start"] == dt.date(2026, 2, 1))
    jan = grid.filter(grid["month_start"] == dt.date(2026, 1, 1))
    assert feb.height and jan.height
    assert not jan["to_data_end"].any()  # a whole month is received, never running
    for r in feb.iter_rows(named=True):
        assert r["status"] == "partial"  # the statuses still partition the grid
        assert r["to_data_end"] == (r["last_covered"] == DATA_END), r
    behind = feb.filter(feb["opd_id"] == 1)
    assert behind.height and not behind["to_data_end"].any()
    assert feb.filter(feb["opd_id"] != 1)["to_data_end"].all()
    s = coverage.summarize(grid)
    assert s["partial_running"] == feb.height - behind.height
    assert s["received"] + s["partial"] + s["missing"] == s["total"]
    # The Sebagian card says how many of its account-months are the running month.
    partial_card = coverage_panel.status_cards(s)[2]
    assert f"termasuk {s['partial_running']} bulan berjalan" in (partial_card.note or "")


def test_the_grid_draws_the_running_month_apart_with_its_legend(con):
    grid = coverage.coverage_grid(con, F, as_of=dt.date(2026, 2, 21))
    spec = coverage_chart.coverage_grid(grid, data_end=DATA_END).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    running = "Baru sebagian (bulan berjalan), data s.d. 20 Feb"
    assert running in scale["domain"] and "Sebagian" in scale["domain"]
    colour = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colour[running] != colour["Sebagian"]
    # Cells: the behind OPD's February is 'Sebagian', every other February running.
    rows = spec["datasets"][spec["data"]["name"]]
    feb = [r for r in rows if str(r["month_start"]).startswith("2026-02")]
    assert {r["label"] for r in feb if r["opd_id"] == 1} == {"Sebagian"}
    assert {r["label"] for r in feb if r["opd_id"] != 1} == {running}
    # The slide's list of accounts to chase leaves out those only in the running month.
    shown, _, whole = coverage_chart.needing_attention(grid, 10)
    assert set(shown["opd_id"].to_list()) == {1}
    assert whole == grid["account_id"].n_unique() - shown["account_id"].n_unique()
