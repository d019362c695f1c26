"""Property: after any sequence of loads and undos, posts equal what loading only the surviving
files (in the same order) into a fresh warehouse gives; loading a file twice adds nothing."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from etl.load import load_tables, undo_load
from etl.master import load_master
from tests.factory import ig_post, posts_state, sha, table, write_master
from warehouse.db import connect

_MASTER = Path(tempfile.mkdtemp()) / "Daftar Akun Medsos OPD.xlsx"
write_master(_MASTER)

file_st = st.tuples(
    st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, 3), st.booleans()), min_size=1, max_size=6
    ),  # (post, likes, caption variant)
    st.integers(1, 4),  # export day
)


def _tables(spec):
    rows, day = spec
    posts = [ig_post(n, likes=likes, caption=f"Teks {n} versi {int(v)}") for n, likes, v in rows]
    return [table(posts, exported_at=dt.datetime(2026, 10, 20 + day))]


def _fresh():
    con = connect(":memory:")
    load_master(con, _MASTER)
    return con


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(file_st, min_size=1, max_size=4), data=st.data())
def test_undo_any_subset_equals_never_loading_it(files, data):
    con = _fresh()
    ids = []
    for i, spec in enumerate(files):
        r = load_tables(con, _tables(spec), file_name=f"f{i}.csv", sha256=sha(f"f{i}"))
        assert r.status == "loaded", r.error
        ids.append(r.load_id)
        again = load_tables(con, _tables(spec), file_name=f"f{i}.csv", sha256=sha(f"f{i}"))
        assert again.status == "skipped"
    undo = data.draw(st.lists(st.sampled_from(range(len(files))), unique=True), label="undo")
    for i in undo:
        undo_load(con, ids[i])
    got = posts_state(con)

    ref = _fresh()
    ref_ids = {}
    for i, spec in enumerate(files):
        if i in undo:
            continue
        r = load_tables(ref, _tables(spec), file_name=f"f{i}.csv", sha256=sha(f"f{i}"))
        ref_ids[r.load_id] = ids[i]
    want = posts_state(ref).with_columns(
        pl.col("load_id").replace_strict(ref_ids, return_dtype=pl.Int32),
        pl.col("first_load_id").replace_strict(ref_ids, return_dtype=pl.Int32),
    )
    assert_frame_equal(got, want)
    assert con.execute("SELECT count(*) FROM post_observation").fetchall()[0][0] == sum(
        len({n for n, _, _ in spec[0]}) for i, spec in enumerate(files) if i not in undo
    )
