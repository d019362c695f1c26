"""One OPD's monthly chart: a month without data prints no count (it is not zero posts); a
partly received month has its own colour and says how far its data reaches."""

from __future__ import annotations

import datetime as dt

import polars as pl

from ui import charts_opd


def _text_layers(spec: dict) -> list[dict]:
    return [
        layer for layer in spec["layer"]
        if (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]) == "text"
    ]  # fmt: skip


def _months() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "month": [dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 11, 1)],
            "activity_status": ["active", "no_data", "no_data"],
            "coverage_state": ["complete", "missing", "partial"],
            "covered_through": [dt.date(2026, 8, 31), None, dt.date(2026, 11, 20)],
            "counted_posts": [4, 0, 3],
            "posts": [4, 0, 3],
            "required_posts": [4, 4, 4],
        }
    )


def test_a_month_without_data_prints_no_zero():
    spec = charts_opd.monthly_status(_months(), "account").to_dict()
    counts = [t for t in _text_layers(spec) if t["encoding"]["text"]["field"] == "counted_posts"]
    assert len(counts) == 1
    filters = [t["filter"] for t in counts[0].get("transform", []) if "filter" in t]
    assert filters == ["(datum.status !== 'Data belum diterima')"]


def test_a_partial_month_is_its_own_state_and_says_how_far():
    spec = charts_opd.monthly_status(_months(), "account").to_dict()
    rows = next(iter(spec["datasets"].values()))
    by_month = {r["month"][:7]: r for r in rows}
    assert by_month["2026-11"]["status"] == "Data sebagian (belum dinilai)"
    assert by_month["2026-11"]["through"] == "s.d. 20 Nov"
    assert by_month["2026-09"]["status"] == "Data belum diterima"
    assert by_month["2026-09"]["through"] == ""
    notes = [t for t in _text_layers(spec) if t["encoding"]["text"]["field"] == "through"]
    assert len(notes) == 1
    filters = [t["filter"] for t in notes[0].get("transform", []) if "filter" in t]
    assert filters == [
        "((datum.status === 'Data sebagian (belum dinilai)') || "
        "(datum.status === 'Aktif (data sebagian)'))"
    ]
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    colour = dict(zip(scale["domain"], scale["range"], strict=True))
    # Its own colour, apart from every other state's (drawn here or not).
    assert colour["Data sebagian (belum dinilai)"] not in (
        colour["Data belum diterima"],
        colour["Aktif"],
        charts_opd.WARN,
        charts_opd.PARTIAL_COLOR,
    )
    # The legend lists only the states drawn: no month here is "Belum aktif".
    assert sorted(scale["domain"]) == sorted({r["status"] for r in rows})


def test_accounts_rows_are_thick_and_labelled():
    acc = pl.DataFrame(
        {
            "platform": ["facebook", "instagram"],
            "handle": ["Bapenda", "@bapenda"],
            "posts_in_period": [79, 36],
            "status": ["aktif", "dorman"],
            "days_since_last_post": [11, 96],
        }
    )
    spec = charts_opd.accounts(acc).to_dict()
    # A legend under a short chart squeezed the rows flat: none; each row ~40 px.
    assert spec["height"] >= 50 + 2 * 40
    assert all("legend" not in str(layer["encoding"].get("color", "")) for layer in spec["layer"])
    rows = next(iter(spec["datasets"].values()))
    assert sorted(r["label"] for r in rows) == ["36 · dorman", "79 · masih mengunggah"]


def test_the_typical_opd_line_chart_names_its_three_lines():
    from ui import charts_opd_compare

    months = _months().with_columns(pl.lit("x").alias("opd"))
    bench = pl.DataFrame(
        {
            "month": [dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 11, 1)],
            "median_posts": [20.0, 22.0, 17.0],
            "mean_posts": [22.5, 22.4, 18.9],
            "judged_opds": [44, 42, 33],
        }
    )
    spec = charts_opd_compare.posts_against_typical(months, bench, who="Desa X").to_dict()
    enc = spec["layer"][0]["encoding"]
    # One legend: colour and dash on the same field, neither switched off.
    assert enc["color"].get("legend", {}) is not None
    assert enc["strokeDash"].get("legend", {}) is not None
    assert enc["color"]["scale"]["domain"] == ["Desa X", "Median semua OPD", "Rata-rata semua OPD"]
    rows = next(iter(spec["datasets"].values()))
    mine = {r["month"][:7]: r["value"] for r in rows if r["series"] == "Desa X"}
    # September's data never arrived: a gap, not 0; a partial month keeps its posts.
    assert mine == {"2026-08": 4.0, "2026-09": None, "2026-11": 3.0}


def test_an_active_month_on_part_of_its_data_is_not_drawn_as_a_whole_active_month():
    months = _months().with_columns(
        pl.Series("activity_status", ["active", "no_data", "active"]),
    )
    spec = charts_opd.monthly_status(months, "account").to_dict()
    rows = next(iter(spec["datasets"].values()))
    by_month = {r["month"][:7]: r for r in rows}
    assert by_month["2026-08"]["status"] == "Aktif"
    assert by_month["2026-11"]["status"] == "Aktif (data sebagian)"
    assert by_month["2026-11"]["through"] == "s.d. 20 Nov"
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    colour = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colour["Aktif (data sebagian)"] != colour["Aktif"]


def test_the_monthly_chart_title_says_what_its_bars_are():
    from ui import one_opd

    def title(rule: str) -> str:
        row = {"activity_rule": rule}
        return one_opd.months_title(one_opd.Story(1, "Dinas Kesehatan", "Dinkes", row, 3, None))

    # Under the one-account rule the bars are the busiest account, not the OPD's total.
    assert title("account") == "Unggahan Dinkes per bulan: akun terbanyak"
    assert title("opd_total") == "Unggahan Dinkes per bulan: semua akun"


def test_the_one_opd_line_marks_its_partial_month_and_keeps_counts_off_the_median():
    from ui import charts_opd_compare

    months = _months().with_columns(pl.lit("x").alias("opd"))
    bench = pl.DataFrame(
        {
            "month": [dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 11, 1)],
            "median_posts": [3.0, 4.0, 3.5],
            "mean_posts": [5.0, 5.0, 4.0],
            "judged_opds": [44, 42, 33],
        }
    )
    spec = charts_opd_compare.posts_against_typical(
        months, bench, who="Desa X", partial=(dt.date(2026, 11, 1), "s.d. 20 Nov")
    ).to_dict()
    label = spec["layer"][0]["encoding"]["x"]["axis"]["labelExpr"]
    assert "utcmonth(datum.value) == 10" in label and '"s.d. 20 Nov"' in label
    rows = next(iter(spec["datasets"].values()))
    above = {r["month"][:7]: r["_above"] for r in rows if r["series"] == "Desa X"}
    # August: 4 posts over a median of 3 (label above); November: 3 under 3.5 (below).
    assert above["2026-08"] is True and above["2026-11"] is False
    # A count at the chart's bottom keeps its label above the point, off the month axis.
    low = months.with_columns(pl.Series("posts", [4, None, 0]))
    spec = charts_opd_compare.posts_against_typical(low, bench, who="Desa X").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["_above"] for r in rows if r["series"] == "Desa X" and r["value"] == 0] == [True]
    offsets = sorted(layer["mark"].get("dy") for layer in spec["layer"][1:])
    assert offsets == [-14, 16]
