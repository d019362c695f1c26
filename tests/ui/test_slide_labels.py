"""Short, whole labels on slides: month labels upright when the legend beside the chart is
narrow, a caption that says "every month" instead of listing six."""

from __future__ import annotations

import datetime as dt

import polars as pl

from ui import charts_time, coverage_panel

MONTHS = [dt.date(2026, m, 1) for m in range(6, 12)]


def _lines(names: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "period_start": [m for m in MONTHS for _ in names],
            "group": [n for _ in MONTHS for n in names],
            "posts": list(range(len(MONTHS) * len(names))),
        }
    )


def _label_angle(df: pl.DataFrame, kind: str | None) -> int:
    spec = charts_time.line_over_time(
        df, x="period_start", y="posts", y_title="Postingan", color="group", color_kind=kind,
        big=True,
    ).to_dict()  # fmt: skip
    return spec["encoding"]["x"]["axis"]["labelAngle"]


def test_month_labels_stand_upright_beside_a_legend_of_short_names():
    kinds = ["dinas", "badan", "bagian", "kecamatan", "kelurahan", "desa", "rsud", "lainnya"]
    assert _label_angle(_lines(kinds), "kind") == 0
    opds = [f"Dinas Pemberdayaan Masyarakat {i}" for i in range(8)]
    assert _label_angle(_lines(opds), None) == -40


def test_a_caption_over_every_month_says_every_month():
    trend = pl.DataFrame(
        {
            "month": MONTHS,
            "judged_opds": [40] * 6,
            "no_data_opds": [3] * 6,
            "expected_opds": [43] * 6,
        }
    )
    text = coverage_panel.gap_text(trend, rate=False)
    assert "(setiap bulan)" in text and "Jun 2026" not in text
    some = trend.with_columns(pl.Series("no_data_opds", [0, 0, 0, 0, 2, 3]))
    text = coverage_panel.gap_text(some, rate=False)
    assert "(Okt 2026, Nov 2026)" in text


def _row_label_px(**kw) -> int:
    from ui import charts

    df = pl.DataFrame({"reason": ["Belum punya akun", "Operator belum pelatihan"], "opds": [4, 7]})
    spec = charts.ranking_bar(df, y="reason", x="opds", x_title="OPD", **kw).to_dict()
    return spec["layer"][0]["encoding"]["y"]["axis"]["labelFontSize"]


def test_short_reason_names_on_a_slide_take_the_slide_axis_type_not_the_opd_name_size():
    # A 1920 slide drew the reasons at 17 px beside their 24 px counts: hard to read aloud.
    assert _row_label_px(big=True, short_labels=True) == 21
    assert _row_label_px(big=True) == 17  # OPD names stay small enough for ten on 1366x768
    assert _row_label_px() == 14


def test_reasons_about_data_are_drawn_grey_apart_from_reasons_about_the_opd():
    from ui import charts

    df = pl.DataFrame(
        {"reason": ["Belum punya akun", "Data belum diterima"], "opds": [4, 2], "nj": [False, True]}
    )
    spec = charts.ranking_bar(df, y="reason", x="opds", x_title="OPD", muted="nj").to_dict()
    color = spec["layer"][0]["encoding"]["color"]
    assert color["condition"] == {"test": "datum.nj", "value": charts.GAP_GREY}
    assert color["value"] == charts.ACCENT
    plain = charts.ranking_bar(df, y="reason", x="opds", x_title="OPD").to_dict()
    assert "color" not in plain["layer"][0]["encoding"]
