"""id-ID formatting: examples and hypothesis round trips."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from reports import idfmt


def parse_id(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def test_examples():
    assert idfmt.format_number(1234.5, decimals=1) == "1.234,5"
    assert idfmt.format_number(1234567) == "1.234.567"
    assert idfmt.format_number(-1234.56, 2) == "-1.234,56"
    assert idfmt.format_number(2.5) == "3"  # half up, not banker's
    assert idfmt.format_number(-0.4) == "0"
    assert idfmt.format_number(None) == "-"
    assert idfmt.format_number(float("nan")) == "-"
    assert idfmt.format_percent(0.695) == "69,5%"
    assert idfmt.format_percent(1) == "100,0%"
    assert idfmt.format_percent(0.12345, 2) == "12,35%"
    assert idfmt.format_signed(3) == "+3"
    assert idfmt.format_signed(0) == "0"
    assert idfmt.format_change(0.2, "persen") == "+20,0 poin"
    assert idfmt.format_change(-3, "angka") == "-3"
    assert idfmt.format_value(0.4, "persen") == "40,0%"
    assert idfmt.format_value(23, "hari") == "23 hari"
    assert idfmt.format_value(80.357, "skor") == "80,4"
    assert idfmt.format_value(1500, "angka") == "1.500"


def test_dates_and_months():
    d = dt.date(2025, 12, 1)
    assert idfmt.format_date(d) == "1 Desember 2025"
    assert idfmt.format_date(d, short=True) == "1 Des 2025"
    assert idfmt.format_date(d, weekday=True) == "Senin, 1 Desember 2025"
    assert idfmt.format_month(d) == "Desember 2025"
    assert idfmt.format_month(dt.date(2026, 8, 1), short=True) == "Agu 2026"
    assert idfmt.format_datetime(dt.datetime(2025, 12, 1, 14, 5)) == "1 Desember 2025 14.05"
    assert idfmt.day_name(dt.date(2026, 1, 30)) == "Jumat"
    assert idfmt.day_name(6, short=True) == "Min"
    assert idfmt.month_name(5) == "Mei"


def test_period_labels():
    D = dt.date
    assert idfmt.format_period(D(2025, 12, 1), D(2025, 12, 31)) == "Desember 2025"
    assert idfmt.format_period(D(2026, 1, 1), D(2026, 3, 31)) == "Januari\u2013Maret 2026"
    assert idfmt.format_period(D(2025, 12, 1), D(2026, 2, 28)) == "Desember 2025\u2013Februari 2026"
    assert idfmt.format_period(D(2026, 1, 1), D(2026, 1, 15)) == "1\u201315 Januari 2026"
    assert idfmt.format_period(D(2026, 1, 28), D(2026, 2, 3)) == "28 Januari\u20133 Februari 2026"
    assert (
        idfmt.format_period(D(2025, 12, 28), D(2026, 1, 3))
        == "28 Desember 2025\u20133 Januari 2026"
    )
    assert idfmt.format_period(D(2026, 1, 5), D(2026, 1, 5)) == "5 Januari 2026"
    assert idfmt.format_period(D(2024, 2, 1), D(2024, 2, 29)) == "Februari 2024"


@given(st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, places=4),
       st.integers(min_value=0, max_value=3))  # fmt: skip
def test_number_round_trip(value, decimals):
    text = idfmt.format_number(value, decimals)
    expected = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert parse_id(text) == expected
    whole = text.lstrip("-").split(",")[0]
    groups = whole.split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    assert ("," in text) == (decimals > 0)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_date_text_names_the_month(d):
    text = idfmt.format_date(d)
    day, month, year = text.split(" ")
    assert (int(day), idfmt.MONTHS.index(month) + 1, int(year)) == (d.day, d.month, d.year)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 1, 1)),
       st.integers(min_value=0, max_value=400))  # fmt: skip
def test_period_label_mentions_both_ends(start, length):
    end = start + dt.timedelta(days=length)
    text = idfmt.format_period(start, end)
    assert str(end.year) in text and idfmt.MONTHS[end.month - 1] in text
    assert idfmt.MONTHS[start.month - 1] in text
