"""One OPD's monthly chart: a month without data prints no count (it is not zero posts)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from ui import charts_opd


def test_a_month_without_data_prints_no_zero():
    months = pl.DataFrame(
        {
            "month": [dt.date(2026, 8, 1), dt.date(2026, 9, 1)],
            "activity_status": ["active", "no_data"],
            "counted_posts": [4, 0],
            "posts": [4, 0],
            "required_posts": [4, 4],
        }
    )
    spec = charts_opd.monthly_status(months, "account").to_dict()
    text_layers = [
        layer for layer in spec["layer"]
        if (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]) == "text"
    ]  # fmt: skip
    assert len(text_layers) == 1
    filters = [t["filter"] for t in text_layers[0].get("transform", []) if "filter" in t]
    assert filters == ["(datum.status !== 'Data belum diterima')"]
