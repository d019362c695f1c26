"""Pages do only the work they show: a drill-down's queries run only while it is open (a
collapsed expander's body would run on every rerun), and the data version behind every cache
key is read once per script run, yet again on the next run, so a load shows at once."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory


def _script() -> None:
    import datetime as dt

    import streamlit as st

    from ui import data
    from ui import widgets as w

    asked: list[str] = st.session_state.setdefault("asked", [])
    real = data._run_cached

    def spy(name, v, _fn, *args, **kwargs):
        asked.append(name.rsplit(".", 1)[-1])
        return real(name, v, _fn, *args, **kwargs)

    data._run_cached = spy
    try:
        f = data.Filters(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        w.drilldown("semua", f, key="all")
    finally:
        data._run_cached = real


@pytest.fixture
def hand_db(tmp_path, use_db):
    con = factory.hand_warehouse()
    path = tmp_path / "hand.duckdb"
    con.execute(f"ATTACH '{path}' AS f")
    con.execute("COPY FROM DATABASE memory TO f")
    n = con.execute(
        "SELECT count(*) FROM posts WHERE published_at >= $a AND published_at < $b",
        {"a": dt.datetime(2026, 1, 1), "b": dt.datetime(2027, 1, 1)},
    ).fetchone()[0]
    con.close()
    use_db(path)
    return n


def test_collapsed_drilldown_runs_no_query_and_opened_lists_the_posts(hand_db):
    assert hand_db > 0
    at = AppTest.from_function(_script, default_timeout=60)
    at.run()
    assert not at.exception
    assert "drilldown_posts" not in at.session_state["asked"]
    assert "drilldown_count" not in at.session_state["asked"]
    assert not at.dataframe and not at.table

    at.session_state["drill_open_all"] = True  # what a click on the header does
    at.session_state["asked"] = []
    at.run()
    assert not at.exception
    assert {"drilldown_posts", "drilldown_count"} <= set(at.session_state["asked"])
    caption = " ".join(c.value for c in at.caption)
    assert f"{hand_db} postingan" in caption, caption


def _bounds_script() -> None:
    import streamlit as st

    from ui import data
    from warehouse.queries import options

    reads = st.session_state.setdefault("reads", [])
    real = options.data_version

    def counted(con):
        reads.append(1)
        return real(con)

    options.data_version = counted
    try:
        st.session_state["bounds"] = data.date_bounds()
        st.session_state["n_opd"] = data.filter_options().height
        st.session_state["platforms"] = data.platforms()
    finally:
        options.data_version = real


def test_data_version_read_once_per_run_and_again_after_a_load(hand_db, tmp_path):
    import os

    from warehouse import day_counts
    from warehouse.db import connect

    at = AppTest.from_function(_bounds_script, default_timeout=60)
    at.run()
    assert not at.exception
    assert len(at.session_state["reads"]) == 1  # three cached queries, one version read
    first, last = at.session_state["bounds"]
    assert last is not None
    # A post after the data end (v_data_end is never before the newest post) moves it.
    late = last + dt.timedelta(days=30)

    con = connect(os.environ["PANTAU_DB"])  # another session's load
    con.execute(
        "INSERT INTO loads (load_id, file_name, sha256, status) VALUES (99, 'x.csv', 'x', 'loaded')"
    )
    con.execute(
        "INSERT INTO posts (post_key, opd_id, platform, published_at, load_id, first_load_id,"
        " observed_at, content_type) SELECT 'late', min(opd_id), 'instagram',"
        " CAST($d AS TIMESTAMP) + INTERVAL 10 HOUR, 99, 99, CAST($d AS TIMESTAMP) + INTERVAL 1 DAY,"
        " 'kegiatan' FROM opd",
        {"d": late},
    )
    day_counts.recount(con)  # what every load does in its transaction
    con.close()
    at.session_state["reads"] = []
    at.run()
    assert not at.exception
    assert len(at.session_state["reads"]) == 1
    assert at.session_state["bounds"] == (first, late)
