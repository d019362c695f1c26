"""A table's cells are formatted with one read of the chosen language (ui.lang.pinned), and
read the same as when each cell read the session itself."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
import streamlit as st

from ui import i18n, lang
from ui.tables import Col, display_frame


class Session(dict):
    """A session holding the chosen language that counts how often it is read."""

    reads = 0

    def get(self, key, default=None):
        self.reads += 1
        return super().get(key, default)


FRAME = pl.DataFrame(
    {
        "n": [1234, None, 5, 1_000_000],
        "share": [0.4525, 0.1, None, 1.0],
        "avg": [1234.55, 0.05, 2.0, None],
        "day": [dt.date(2026, 10, 3), dt.date(2026, 1, 31), None, dt.date(2026, 12, 1)],
        "content": ["ucapan", "kinerja", "lainnya", None],
    }
)
COLS = [
    Col("n", "Jumlah", "int"),
    Col("share", "Porsi", "pct"),
    Col("avg", "Rata-rata", "num"),
    Col("day", "Tanggal", "date"),
    Col("content", "Jenis", "content"),
]


@pytest.mark.parametrize("chosen", ["id", "en", "English"])
def test_a_table_reads_the_language_once_and_formats_as_each_cell_did(chosen, monkeypatch):
    session = Session(lang=chosen)
    monkeypatch.setattr(st, "session_state", session)
    got = display_frame(FRAME, COLS, numbered=False)
    assert session.reads == 1
    session.reads = 0
    # Each cell on its own, reading the session each time, as before the pin.
    fmt = {
        "int": i18n.fmt_int,
        "pct": i18n.fmt_pct,
        "num": lambda v: i18n.fmt_num(v, 1),
        "date": lambda v: i18n.fmt_date(v) if v is not None else "-",
        "content": i18n.content_label,
    }
    for c in COLS:
        want = [fmt[c.kind](v) for v in FRAME.get_column(c.name).to_list()]
        assert got.get_column(c.label).to_list() == want
    assert session.reads >= FRAME.height  # the cells above read it themselves
    if chosen != "id":
        assert got.get_column("Jumlah").to_list()[0] == "1,234"


def test_the_pin_ends_with_its_block(monkeypatch):
    session = Session(lang="en")
    monkeypatch.setattr(st, "session_state", session)
    with lang.pinned() as pinned:
        session["lang"] = "id"
        assert pinned == "en" and lang.current_lang() == "en"
        with lang.pinned() as inner:  # a pin inside a pin reads the session again
            assert inner == "id"
        assert lang.current_lang() == "en"
    assert lang.current_lang() == "id"
