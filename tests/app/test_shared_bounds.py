"""The data's date bounds and start read once per data version (warehouse.queries.options,
shared through ui.data's store): the page's own bounds call and the KPI tiles' comparison plan
read q_date_bounds once per rerun, and a load moves both at once, so the tiles never compare
with bounds of older data."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory

# The hand warehouse's data starts on 1 January 2024 (coverage; its first post is of 10
# January 2025): the month before lies before the data until a post of 1 December 2023 comes
# in. Then January 2026 (data on both sides).
FIRST = (dt.date(2024, 1, 1), dt.date(2024, 1, 31))


def _script() -> None:
    import datetime as dt

    import streamlit as st

    from ui import data
    from warehouse.queries import options
    from warehouse.queries.filters import Filters

    ran: list[str] = st.session_state.setdefault("ran", [])
    real = options._run

    def counted(con, name, params, tables=None):
        ran.append(name)
        return real(con, name, params, tables)

    options._run = counted
    try:
        st.session_state["bounds"] = data.date_bounds()
        st.session_state["kpis"] = [
            data.kpi_summary(Filters(dt.date(2024, 1, 1), dt.date(2024, 1, 31))),
            data.kpi_summary(Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))),
        ]
    finally:
        options._run = real


@pytest.fixture
def hand_db(tmp_path, use_db):
    con = factory.hand_warehouse()
    path = tmp_path / "hand.duckdb"
    con.execute(f"ATTACH '{path}' AS f")
    con.execute("COPY FROM DATABASE memory TO f")
    con.close()
    use_db(path)
    return path


def _direct(path):
    """kpi_summary of both periods on a connection of its own, nothing shared or cached."""
    from warehouse.db import connect
    from warehouse.queries import summary
    from warehouse.queries.filters import Filters

    con = connect(str(path))
    try:
        return [summary.kpi_summary(con, Filters(*p)) for p in (FIRST, factory.JAN)]
    finally:
        con.close()


def _same(a, b) -> bool:
    return all(x.equals(y, null_equal=True) for x, y in zip(a, b, strict=True))


def test_bounds_read_once_per_version_and_again_after_a_load(hand_db):
    from warehouse import day_counts
    from warehouse.db import connect

    at = AppTest.from_function(_script, default_timeout=60)
    at.run()
    assert not at.exception
    # The page's call and the KPI tiles' plan (two periods) share one read of each.
    assert at.session_state["ran"].count("q_date_bounds") == 1
    assert at.session_state["ran"].count("q_data_start") == 1
    first_kpis = at.session_state["kpis"]
    assert _same(first_kpis, _direct(hand_db))
    assert at.session_state["bounds"][0] == dt.date(2025, 1, 10)  # the first post (factory)

    # Another session loads a post of 1 December 2023: the data now starts a month earlier.
    con = connect(str(hand_db))
    con.execute(
        "INSERT INTO loads (load_id, file_name, sha256, status) VALUES (99, 'x.csv', 'x', 'loaded')"
    )
    con.execute(
        "INSERT INTO posts (post_key, opd_id, account_id, platform, published_at, load_id,"
        " first_load_id, observed_at, content_type) VALUES ('early', 1, 1, 'facebook',"
        " TIMESTAMP '2023-12-01 08:00', 99, 99, TIMESTAMP '2023-12-02 08:00', 'kegiatan')"
    )
    day_counts.recount(con)  # what every load does in its transaction
    con.close()

    at.session_state["ran"] = []
    at.run()
    assert not at.exception
    now = _direct(hand_db)
    assert not _same(first_kpis, now)
    # The month before January 2024 was before the data; now it is compared.
    assert first_kpis[0]["previous_reason"][0] == "before_data"
    assert now[0]["previous_reason"][0] != "before_data"
    assert _same(at.session_state["kpis"], now)
    assert at.session_state["bounds"][0] == dt.date(2023, 12, 1)
    assert at.session_state["ran"].count("q_date_bounds") == 1
    assert at.session_state["ran"].count("q_data_start") == 1
