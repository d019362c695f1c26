"""A table formats each distinct value of a column of codes, text or whole numbers once
(ui.tables._formatted); its cells, on the screen and in the lampiran, read the same as each
cell formatted on its own, in both languages, whatever the values repeat."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
import streamlit as st
from hypothesis import given, settings
from hypothesis import strategies as s

from ui import i18n
from ui.tables import _FORMATS, Col, _fmt_cell, display_frame, lampiran_frame

CODES = ["ucapan", "kegiatan", "layanan", "lainnya", "belum_dilabeli", "dinas", "kecamatan",
         "facebook", "instagram", "A", "B", "weird code", ""]  # fmt: skip
INTS = s.one_of(s.none(), s.integers(-3, 3), s.integers(-(10**7), 10**7))
FLOATS = s.one_of(
    s.none(), s.sampled_from([0.0, -0.0, 0.5, 0.05, 0.4525, 1.0, 1234.55, float("nan")]),
    s.floats(-1e6, 1e6, allow_nan=False),
)  # fmt: skip
DATES = s.one_of(s.none(), s.dates(dt.date(2020, 1, 1), dt.date(2027, 12, 31)))
TIMES = s.one_of(s.none(), s.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2027, 12, 31)))
TEXT = s.one_of(s.none(), s.sampled_from(CODES), s.text(max_size=160))
BOOLS = s.one_of(s.none(), s.booleans())

# Kinds by the values their columns hold.
KINDS = {
    "i": (INTS, pl.Int64, ["int", "num", "pct", "text"]),
    "f": (FLOATS, pl.Float64, ["int", "num", "pct", "text"]),
    "d": (DATES, pl.Date, ["date", "date_short", "text"]),
    "s": (TEXT, pl.String, ["content", "platform", "kind", "format", "reason", "grade",
                             "load_status", "coverage", "who", "caption", "text", "long"]),
    "b": (BOOLS, pl.Boolean, ["bool", "text"]),
    "t": (TIMES, pl.Datetime("us"), ["datetime", "text"]),
}  # fmt: skip


class Session(dict):
    pass


@s.composite
def tables(draw):
    n = draw(s.integers(0, 40))
    columns, cols = {}, []
    for i, key in enumerate(draw(s.lists(s.sampled_from(sorted(KINDS)), min_size=1, max_size=6))):
        values, dtype, kinds = KINDS[key]
        # Few distinct values, repeated (as a column of grades or counts is).
        pool = draw(s.lists(values, min_size=1, max_size=5))
        columns[f"c{i}"] = pl.Series(draw(s.lists(s.sampled_from(pool), min_size=n, max_size=n)),
                                     dtype=dtype)  # fmt: skip
        cols.append(Col(f"c{i}", f"Kolom {i}", draw(s.sampled_from(kinds))))
    return pl.DataFrame(columns), cols


def _each_cell(df: pl.DataFrame, c: Col) -> list[str]:
    """The cells as each was formatted before: one call per cell."""
    fn = _fmt_cell(c.kind)
    return [fn(v) for v in df.get_column(c.name).to_list()]


def _same(got: list[str], want: list[str]) -> None:
    assert got == want


@pytest.mark.parametrize("chosen", ["id", "en"])
@settings(max_examples=150, deadline=None)
@given(table=tables())
def test_cells_read_as_each_cell_formatted_alone(chosen, table):
    df, cols = table
    session = Session(lang=chosen)
    real = st.session_state
    st.session_state = session  # type: ignore[misc]
    try:
        shown = display_frame(df, cols, numbered=False)
        frame, spec = lampiran_frame(df, cols)
        for c in cols:
            want = _each_cell(df, c)
            _same(shown.get_column(c.label).to_list(), want)
            (name,) = [n for n, label, _ in spec if label == c.label]
            if c.kind in ("int", "num", "pct", "date", "date_short", "datetime"):  # kept typed
                assert frame.get_column(name).equals(df.get_column(c.name), null_equal=True)
            else:
                _same(frame.get_column(name).to_list(), want)
    finally:
        st.session_state = real  # type: ignore[misc]


def test_every_kind_is_covered():
    covered = {k for _, _, kinds in KINDS.values() for k in kinds}
    assert set(_FORMATS) <= covered, set(_FORMATS) - covered
    assert i18n.fmt_num(-0.0, 1) == i18n.fmt_num(0.0, 1)  # why floats may not share a cell
