"""Counts read on whole, evenly spaced ticks from 0 (one helper, ui.chart_axes.count_encoding);
legends list only what is drawn; every heatmap state has a colour of its own."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from ui import chart_axes, chart_base, charts_grid, charts_opd, charts_reach


@given(st.floats(0, 1e7, allow_nan=False))
def test_count_ticks_are_whole_even_and_start_at_zero(top):
    ticks = chart_axes.count_ticks(top)
    assert ticks[0] == 0 and ticks[-1] >= top and 2 <= len(ticks) <= 6
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1 and all(isinstance(t, int) for t in ticks)
    # No coarser than needed: one step fewer would not reach the top.
    assert ticks[-2] < top or top == 0 or ticks == [0, 1]


def _months(statuses: list[str], counts: list[int]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "month": [dt.date(2026, 6 + i, 1) for i in range(len(counts))],
            "activity_status": statuses,
            "coverage_state": ["complete"] * len(counts),
            "covered_through": [None] * len(counts),
            "counted_posts": counts,
            "posts": counts,
            "required_posts": [4] * len(counts),
        }
    )


def test_the_one_opd_bars_read_whole_ticks_from_zero_and_name_their_count():
    spec = charts_opd.monthly_status(_months(["active"] * 3, [7, 12, 10]), "account").to_dict()
    y = spec["layer"][0]["encoding"]["y"]
    assert y["axis"]["values"] == [0, 5, 10, 15] and y["axis"]["labelFlush"] is False
    assert y["scale"]["domain"] == [0, 15]
    # A count of posts, whose: not "Akun terbanyak" over a count of posts.
    assert y["title"] == "Postingan (akun terbanyak)"
    # Only the state drawn is in the legend.
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["Aktif"]
    # And no number axis anywhere lifts its end labels off their ticks.
    assert spec["config"]["axisQuantitative"]["labelFlush"] is False


def test_the_kecamatan_legend_lists_only_drawn_states():
    rows = [
        {"kecamatan": "", "villages": 1, "kecamatan_short": "Kec. A", "members": 2,
         "active_members": 1, "inactive_members": 1, "not_judged_members": 0},
    ]  # fmt: skip
    spec = charts_reach.kecamatan_rollup(pl.DataFrame(rows)).to_dict()
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["Aktif", "Belum aktif"]
    assert spec["layer"][0]["encoding"]["x"]["axis"]["values"] == [0, 1, 2]


def test_every_heatmap_state_has_its_own_colour():
    df = pl.DataFrame(
        {
            "month": [dt.date(2026, 9, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 1)] * 2,
            "opd": ["A"] * 3 + ["B"] * 3,
            "posts": [0, 1, 2, 5, 0, 3],
            "no_data": [False, False, False, False, True, True],
            "partial": [False, False, False, False, False, True],
        }
    )
    spec = charts_grid.heatmap(
        df, value="posts", value_title="Postingan", no_data="no_data", partial="partial"
    ).to_dict()
    counts = spec["layer"][0]["layer"][0]["encoding"]["color"]
    # 1 post is a clear blue, not the scale's near-white start (which read like 0's grey).
    assert counts["condition"]["scale"]["scheme"]["extent"][0] >= 0.25
    assert counts["value"] == chart_base.ZERO_COLOR
    gaps = spec["layer"][0]["layer"][1]["encoding"]["fill"]["scale"]
    colour = dict(zip(gaps["domain"], gaps["range"], strict=True))
    partial, missing = colour["Data sebagian (belum dinilai)"], colour["Data belum diterima"]
    assert len({partial, missing, chart_base.ZERO_COLOR}) == 3

    # A hue apart from the blues: its red channel is above its blue one.
    def rgb(h: str) -> tuple[int, ...]:
        return tuple(int(h[i : i + 2], 16) for i in (1, 3, 5))

    assert rgb(partial)[0] > rgb(partial)[2] + 60
