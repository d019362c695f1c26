"""The date fast path (etl.date_fast) reads every value it takes exactly as the general patterns
do: generated values of every shape it knows, valid or not (31/02, hour 27, a month word that is
no month, unpadded numbers, two-digit years), and in every order and source zone, give the same
timestamps and flags with and without it."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from etl.date_fast import fast_wall_times
from etl.date_text import parse_datetime_series
from etl.date_words import DAY_NAMES, MONTHS

ASCII_MONTHS = sorted(m for m in MONTHS if m.isascii() and m.isalpha())
ASCII_DAYS = sorted(d for d in DAY_NAMES if d.isalpha())


def _num(lo: int, hi: int, width: int) -> st.SearchStrategy[str]:
    return st.integers(lo, hi).map(lambda n: str(n).zfill(width))


def _cased(words: list[str]) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(words), st.sampled_from([str.lower, str.title, str.upper]))\
        .map(lambda t: t[1](t[0]))  # fmt: skip


year = _num(0, 9999, 4)
# Out-of-range parts on purpose: the general path must refuse them too.
two = _num(0, 39, 2)
hour, minute = _num(0, 27, 2), _num(0, 63, 2)


@st.composite
def fast_shaped(draw: st.DrawFn) -> str:
    """A value in one of the fast path's shapes, or one character away from it."""
    y, a, b = draw(year), draw(two), draw(two)
    sep = draw(st.sampled_from("/-."))
    fraction = "." + draw(st.text("0123456789", max_size=10))  # "." alone too
    time = draw(st.sampled_from(["", f" {draw(hour)}:{draw(minute)}",
                                 f" {draw(hour)}:{draw(minute)}:{draw(minute)}",
                                 f" {draw(hour)}:{draw(minute)}:{draw(minute)}{fraction}"]))  # fmt: skip
    kind = draw(st.sampled_from(["iso", "num", "day", "dmon", "serial", "near"]))
    if kind == "iso":
        return f"{y}-{a}-{b}{time}"
    if kind == "num":
        return f"{a}{sep}{b}{sep}{y}{time}"
    if kind == "day":
        return f"{draw(_cased(ASCII_DAYS + ['bukan']))}, {a}{sep}{b}{sep}{y}"
    if kind == "dmon":
        day = draw(st.sampled_from([a, a.lstrip("0") or "0"]))
        return f"{day} {draw(_cased(ASCII_MONTHS + ['jam', 'de', 'xyz']))} {y}"
    if kind == "serial":
        return str(draw(st.integers(10000, 99999)))
    near = [f"{a}/{b}/{y[2:]}", f"{a.lstrip('0')}/{b}/{y}", f" {y}-{a}-{b}", f"{y}-{a}-{b}T10:00",
            f"{a}/{b}/{y} {draw(hour)}.{draw(minute)}", f"{draw(year)}.{draw(two)}",
            f"{a} {draw(_cased(ASCII_MONTHS))}, {y}", f"+{y}-{a}-{b}"]  # fmt: skip
    return draw(st.sampled_from(near))


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.one_of(fast_shaped(), st.none()), min_size=1, max_size=30),
    order=st.sampled_from(["dmy", "mdy"]),
    tz=st.sampled_from(["Asia/Jakarta", "America/Los_Angeles", "UTC"]),
    ref=st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))),
)
def test_fast_path_reads_like_the_general_path(values, order, tz, ref) -> None:
    s = pl.Series("published_at", values, pl.String)
    kw = {"order": order, "source_tz": tz, "ref_date": ref, "with_flags": True}
    fast = parse_datetime_series(s, **kw)
    general = parse_datetime_series(s, fast=False, **kw)
    assert isinstance(fast, pl.DataFrame) and isinstance(general, pl.DataFrame)
    # In polars: year 0 is a polars datetime but not a Python one.
    assert_frame_equal(fast, general, check_exact=True)


@settings(max_examples=30, deadline=None)
@given(moment=st.datetimes(dt.datetime(2004, 1, 1), dt.datetime(2099, 12, 31)))
def test_fast_path_takes_the_platforms_own_formats(moment: dt.datetime) -> None:
    """Not vacuous: the exports' exact formats are read by the fast path itself."""
    texts = [
        f"{moment:%Y-%m-%d %H:%M:%S}",
        f"{moment:%m/%d/%Y %H:%M}",
        f"Rabu, {moment:%d-%m-%Y}",
        f"{moment.day} {next(m for m in ASCII_MONTHS if MONTHS[m] == moment.month)} {moment.year}",
        str((moment - dt.datetime(1899, 12, 30)).days),
        f"{moment:%Y-%m-%d %H:%M:%S.%f}"[: 20 + moment.microsecond % 7],  # fastexcel's ".600"
    ]
    got = fast_wall_times(pl.Series(texts), order="mdy").to_list()
    assert got[0] == moment.replace(microsecond=0)
    assert got[1] == moment.replace(second=0, microsecond=0)
    # 'Rabu, dd-mm-yyyy' under order mdy reads month first, as the general path does.
    assert got[2] == parse_datetime_series(pl.Series([texts[2]]), order="mdy", fast=False)[0]
    assert got[2] is not None or moment.day > 12
    assert got[3] == got[4] == dt.datetime(moment.year, moment.month, moment.day)
    assert got[5] == (moment.replace(microsecond=0) if len(texts[5]) > 20 else None)
