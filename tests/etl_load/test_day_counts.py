"""post_day_count (per-account per-day counts kept at load time) equals a recount from posts
after any sequence of loads, reloads and undos, and after an alias ties posts to an account;
a drifted table is refused, never used to go negative."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.load import load_tables, undo_load
from etl.master import load_master
from tests.factory import coverage_written, ig_post, sha, table, write_master
from warehouse import day_counts
from warehouse.db import SQL_DIR, connect

CHECK = (SQL_DIR / "checks" / "post_day_count_matches_posts.sql").read_text(encoding="utf-8")
MONTHS_CHECK = (SQL_DIR / "checks" / "judgement_months_match_days.sql").read_text("utf-8")
HANDLES = ("dinkes.sukamaju", "kominfo_sukamaju", "bappeda.sukamaju", "Akun Tak Dikenal")

_MASTER = Path(tempfile.mkdtemp()) / "Daftar Akun Medsos OPD.xlsx"
write_master(_MASTER)

file_st = st.tuples(
    st.lists(
        # (post, day of October, account, caption variant)
        st.tuples(st.integers(0, 9), st.integers(1, 6), st.integers(0, 2), st.booleans()),
        min_size=1,
        max_size=8,
    ),
    st.integers(1, 4),  # export day
)


def _tables(spec):
    rows, day = spec
    posts = [
        ig_post(n, caption=f"Teks {n} versi {int(v)}", day=d, handle=HANDLES[h])
        for n, d, h, v in rows
    ]
    return [table(posts, exported_at=dt.datetime(2026, 10, 20 + day))]


def _drift(con) -> pl.DataFrame:
    """The check's rows, and those of the months kept from post_day_count (post_month_count,
    migration 380: checks/judgement_months_match_days.sql)."""
    days = con.sql(CHECK).pl().with_columns(kept_in=pl.lit("post_day_count"))
    return pl.concat([days.select("kept_in"), con.sql(MONTHS_CHECK).pl().select("kept_in")])


def _kept(con) -> pl.DataFrame:
    return con.sql("SELECT * FROM post_day_count ORDER BY ALL").pl()


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(file_st, min_size=1, max_size=3), data=st.data())
def test_kept_counts_equal_a_recount_after_loads_and_undos(files, data):
    con = connect(":memory:")
    load_master(con, _MASTER)
    ids = []
    for i, spec in enumerate(files):
        r = load_tables(con, _tables(spec), file_name=f"f{i}.csv", sha256=sha(f"f{i}"))
        assert r.status == "loaded", r.error
        ids.append(r.load_id)
        assert _drift(con).height == 0
    undo = data.draw(st.lists(st.sampled_from(range(len(files))), unique=True), label="undo")
    for i in undo:
        undo_load(con, ids[i])
        assert _drift(con).height == 0
    # The kept table is the recount itself, row for row (the check proves it; this says so
    # on the rows, and that no zero rows linger).
    kept = _kept(con)
    day_counts.recount(con)
    assert kept.equals(_kept(con))
    assert kept.filter(pl.col("posts") <= 0).height == 0
    assert int(kept["posts"].sum() or 0) == con.execute("SELECT count(*) FROM posts").fetchone()[0]


def test_alias_moves_posts_to_their_account(master_con):
    from etl.accounts import map_alias

    master_con.execute(
        "INSERT INTO account (opd_id, platform, handle, handle_norm)"
        " SELECT opd_id, 'instagram', 'dinkes.kedua', 'dinkes.kedua' FROM account"
        " WHERE handle_norm = 'dinkes.sukamaju'"
    )
    coverage_written(master_con)
    load_tables(
        master_con, [table([ig_post(1, handle="Dinkes Lama"), ig_post(2, handle="Dinkes Lama")])],
        file_name="a.csv", sha256=sha("a"), opd="Dinkes",
    )  # fmt: skip
    before = _kept(master_con)
    assert before["account_key"].to_list() == ["platform:instagram"]
    _acc, n = map_alias(master_con, "instagram", "Dinkes Lama", "@dinkes.sukamaju")
    assert n == 2
    after = _kept(master_con)
    assert after["account_key"].to_list() != ["platform:instagram"]
    assert after["posts"].to_list() == [2]
    assert _drift(master_con).height == 0


def test_a_drifted_table_is_refused(master_con):
    load_tables(master_con, [table([ig_post(1)])], file_name="a.csv", sha256=sha("a"))
    master_con.execute("DELETE FROM post_day_count")
    assert master_con.sql(CHECK).pl().height == 1
    gone = master_con.sql("SELECT * FROM posts").pl()
    with pytest.raises(day_counts.DayCountDrift):
        day_counts.apply_change(master_con, gone, None)
