"""Every 100% bar says how many posts it stands on ("n=3"), few posts marked."""

from __future__ import annotations

import datetime as dt

import polars as pl

from ui import chart_counts, charts, charts_mix


def _layer_rows(spec: dict, field: str) -> list[dict]:
    """The inline rows of the chart's datasets that carry `field`."""
    return [r for rows in spec["datasets"].values() for r in rows if field in r]


def test_counts_per_bar_sum_every_part_and_mark_few_posts():
    df = pl.DataFrame(
        {
            "opd": ["Dinkes", "Dinkes", "Desa A", "Desa A", "Desa B"],
            "content_type": ["ucapan", "kegiatan", "ucapan", "layanan", "kegiatan"],
            "posts": [1200, 34, 2, 1, 9],
        }
    )
    got = chart_counts.counts(df, "opd")
    assert got.get_column("opd").to_list() == ["Dinkes", "Desa A", "Desa B"]
    assert got.get_column("_n").to_list() == [1234, 3, 9]
    assert got.get_column("_n_text").to_list() == ["n=1.234", "n=3", "n=9"]
    assert got.get_column("_low").to_list() == [False, True, True]


def test_the_composition_charts_draw_each_bars_count():
    by_opd = pl.DataFrame(
        {
            "opd": ["Dinkes", "Dinkes", "Desa A"],
            "content_type": ["ucapan", "kegiatan", "ucapan"],
            "posts": [20, 5, 3],
        }
    )
    spec = charts.mix_by_group(by_opd).to_dict()
    texts = {r["opd"]: r["_n_text"] for r in _layer_rows(spec, "_n_text")}
    assert texts == {"Dinkes": "n=25", "Desa A": "n=3"}
    months = pl.DataFrame(
        {
            "period_start": [dt.date(2026, 9, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1)],
            "post_format": ["foto", "video", "foto"],
            "posts": [1, 1, 40],
            "share": [0.5, 0.5, 1.0],
        }
    )
    spec = charts_mix.format_over_time(months).to_dict()
    assert sorted(r["_n_text"] for r in _layer_rows(spec, "_n_text")) == ["n=2", "n=40"]
