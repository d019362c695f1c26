"""Format slides explain themselves: why a format is not recorded (logbooks without a format
column, from where the posts came), which OPDs it concerns; the running month is named under
its own label on every composition-per-month chart."""

from __future__ import annotations

import datetime as dt

import polars as pl

from ui import charts_mix, charts_time


def _by_opd(logbook_unrecorded: int) -> pl.DataFrame:
    rows = [
        ("Kecamatan Cibening", "Kec. Cibening", "tidak_tercatat", 81, logbook_unrecorded, 142),
        ("Kecamatan Cibening", "Kec. Cibening", "foto", 61, 61, 142),
        ("Desa Karangsari", None, "tidak_tercatat", 10, 10, 18),
        ("Desa Karangsari", None, "video", 8, 8, 18),
        ("Dinas Kesehatan", "Dinkes", "foto", 300, 0, 300),
    ]
    df = pl.DataFrame(
        rows,
        schema=["opd", "opd_short", "post_format", "posts", "from_logbook", "opd_posts"],
        orient="row",
    )
    return df.with_columns((pl.col("posts") / pl.col("opd_posts")).alias("share"))


def test_the_slide_names_the_opds_and_why_their_formats_are_missing():
    note = charts_mix.unrecorded_slide_note(_by_opd(81))
    assert "buku rekap OPD tidak punya kolom format" in note
    # Largest share first (57% before 56%), short names where there are.
    assert note.index("Kec. Cibening 57%") < note.index("Desa Karangsari 56%")
    assert "Kec. Cibening 57%" in note and "Dinkes" not in note
    # Some unrecorded posts came from exports: the reason is not pinned on logbooks.
    assert "buku rekap atau ekspor" in charts_mix.unrecorded_slide_note(_by_opd(40))
    assert (
        charts_mix.unrecorded_slide_note(_by_opd(81).filter(pl.col("opd") == "Dinas Kesehatan"))
        == ""
    )


def test_the_screen_note_gives_the_reason_from_the_sources():
    note = charts_mix.unrecorded_note(_by_opd(81), "OPD ini")
    assert "91 dari 460 postingan" in note and "tidak punya kolom format" in note


def test_the_running_month_is_named_under_its_label_on_composition_charts():
    months = [dt.date(2026, 10, 1), dt.date(2026, 11, 1)]
    fmt = pl.DataFrame(
        {"period_start": months, "post_format": ["foto", "video"], "posts": [3, 4],
         "share": [1.0, 1.0], "from_logbook": [0, 0]}
    )  # fmt: skip
    partial = (dt.date(2026, 11, 1), "s.d. 20 Nov")
    mix = pl.DataFrame(
        {"period_start": months, "content_type": ["ucapan", "kegiatan"], "posts": [3, 4]}
    )
    for chart in (
        charts_mix.format_over_time(fmt, partial=partial, big=True),
        charts_time.share_over_time(mix, x="period_start", partial=partial, big=True),
    ):
        spec = str(chart.to_dict())
        assert "s.d. 20 Nov" in spec and "utcmonth(datum.value) == 10" in spec
