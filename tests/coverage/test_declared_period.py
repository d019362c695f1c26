"""The period a file declares (etl/coverage.py): names, logbook titles, sheet names."""

from __future__ import annotations

import calendar
import datetime as dt

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from etl.coverage import declared_span, period_from_title
from etl.schema import POST_SCHEMA, ParsedTable

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")  # fmt: skip


def _table(fmt: str, sheet: str | None = None, title: str | None = None, dates=()) -> ParsedTable:
    posts = pl.DataFrame(
        [{**dict.fromkeys(POST_SCHEMA), "published_at": d, "platform": "instagram"} for d in dates],
        schema=POST_SCHEMA,
    )
    t = ParsedTable(format=fmt, posts=posts, rejects=pl.DataFrame(), sheet=sheet)
    t.title = title
    return t


def _month(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


@given(st.integers(2020, 2035), st.integers(1, 12), st.sampled_from(["upper", "title", "abbr"]))
def test_title_month_any_spelling(year, month, style):
    name = {"upper": BULAN[month - 1].upper(), "title": BULAN[month - 1],
            "abbr": BULAN[month - 1][:3]}[style]  # fmt: skip
    title = f"PEMERINTAH KABUPATEN SUKAMAJU DESA MEKARSARI REKAP POSTINGAN BULAN {name} {year}"
    assert period_from_title(title) == _month(year, month)


def test_title_range_year_and_nothing():
    assert period_from_title("REKAP ... DESEMBER 2025 - NOVEMBER 2026") == (
        dt.date(2025, 12, 1),
        dt.date(2026, 11, 30),
    )
    assert period_from_title("REKAP POSTINGAN INSTAGRAM DINSOS TAHUN 2026") == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
    )
    assert period_from_title("OKT 26") == _month(2026, 10)
    # A word that only looks like a month abbreviation, with no year: nothing declared.
    assert period_from_title("REKAP POSTINGAN DESA MARGAMULYA") is None
    # Two different months without a range: the title does not say which.
    assert period_from_title("Oktober 2026 dan November 2026") is None


def test_names_beat_titles_and_posts_span_is_last_resort():
    meta = _table("meta_facebook", dates=[dt.datetime(2026, 10, 5, 9)])
    span = declared_span(
        meta, meta.posts, file_name="Oct-01-2026_Oct-31-2026_99.csv", file_path=None
    )
    assert (span.start, span.end, span.basis) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 10, 31),
        "file_name",
    )
    yt = _table("youtube")
    span = declared_span(yt, yt.posts, file_name="Table data.csv",
                         file_path="/x/Content 2026-09-01_2026-09-30 Dinkes/Table data.csv")  # fmt: skip
    assert (span.start, span.end) == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    x = _table("x")
    span = declared_span(x, x.posts, file_name="tweet_activity_metrics_a_20261001_20261031_en.csv",
                         file_path=None)  # fmt: skip
    assert (span.start, span.end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    tiktok = _table("tiktok", dates=[dt.datetime(2026, 9, 3), dt.datetime(2026, 10, 20)])
    span = declared_span(tiktok, tiktok.posts, file_name="Content_dinkes.zip", file_path=None)
    assert (span.start, span.end, span.basis) == (
        dt.date(2026, 9, 3),
        dt.date(2026, 10, 20),
        "posts_span",
    )
    assert (
        declared_span(_table("tiktok"), _table("tiktok").posts, file_name="a.csv", file_path=None)
        is None
    )


def test_logbook_sheet_month_alone_takes_the_posts_year():
    # A 2026 logbook whose "Desember" sheet holds December 2025 posts.
    t = _table("logbook", sheet="Desember", dates=[dt.datetime(2025, 12, 3, 8)])
    span = declared_span(t, t.posts, file_name="Rekap Postingan Desa X 2026.xlsx", file_path=None)
    assert (span.start, span.end, span.basis) == (
        dt.date(2025, 12, 1),
        dt.date(2025, 12, 31),
        "sheet_name",
    )
    # An empty "Oktober" sheet: the year comes from the file name.
    t = _table("logbook", sheet="Oktober")
    span = declared_span(t, t.posts, file_name="Rekap Postingan Desa X 2026.xlsx", file_path=None)
    assert (span.start, span.end) == _month(2026, 10)
    # The title wins over the sheet name.
    t = _table("logbook", sheet="Sheet1", title="REKAP BULAN NOVEMBER 2026")
    span = declared_span(t, t.posts, file_name="rekap.xlsx", file_path=None)
    assert (span.start, span.end, span.basis) == (*_month(2026, 11), "title")
