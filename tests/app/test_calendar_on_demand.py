"""Keaktifan's one-OPD calendar reads its days only once an OPD is chosen: shown first, the page
asks no opd_daily_counts (before, the first OPD of the ranking was chosen for the reader and its
calendar read on every rerun); chosen, the calendar of that OPD is read and drawn."""

from __future__ import annotations

import pytest

from tests.app.test_pages import run_page
from ui import data
from warehouse.db import connect


@pytest.fixture
def asked(monkeypatch):
    """The names of the cached queries the page asks for, with their keyword arguments."""
    calls: list[tuple[str, dict]] = []
    real = data._run_cached

    def spy(name, v, viewer, _fn, *args, **kwargs):
        calls.append((name.rsplit(".", 1)[-1], kwargs))
        return real(name, v, viewer, _fn, *args, **kwargs)

    monkeypatch.setattr(data, "_run_cached", spy)
    return calls


def test_the_calendar_is_read_once_an_opd_is_chosen(sample_db, use_db, asked):
    use_db(sample_db)
    at = run_page("keaktifan")
    assert not at.exception
    box = at.selectbox(key="calendar_opd")
    assert box.value is None
    assert "opd_index" in [n for n, _ in asked]
    assert "opd_daily_counts" not in [n for n, _ in asked]

    name = box.options[2]
    asked.clear()
    box.select(name).run()
    assert not at.exception
    days = [kw for n, kw in asked if n == "opd_daily_counts"]
    con = connect(sample_db)
    try:
        (opd_id,) = con.execute("select opd_id from opd where name = ?", [name]).fetchone()
    finally:
        con.close()
    assert days == [{"opd_id": opd_id}]
