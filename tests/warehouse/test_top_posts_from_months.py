"""Tren's top posts of a period of whole months are read from the posts kept per OPD, platform
and month (post_top_month, migration 370; q_top_posts_months.sql), any other period from the
posts (q_top_posts.sql). Both equal the statement as it was at 314e6ff, kept verbatim
(tests/warehouse/before/q_top_posts_360.sql), on the sample warehouse and on random warehouses:
hand-written ones whose posts tie on engagement and time across the 10th place, and ones built
by loads, re-exports that move engagement, undos, relabelling and analysts' overrides (the
table equals its recount after every write); for whole months, cut months, every filter and an
operator OPD's view; and after restoring a snapshot taken before the table existed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.classify import classify_posts, clear_override, set_override
from etl.load import load_tables, undo_load
from etl.master import load_master
from tests import factory
from tests.factory import hand_warehouse, ig_post, sha, table, write_master
from tests.warehouse.test_counts_from_months import _old, _same
from warehouse import backup, periods, top_posts
from warehouse.db import SQL_DIR, connect
from warehouse.queries import run as run_queries
from warehouse.queries import trend
from warehouse.queries.filters import Filters

BEFORE = (Path(__file__).parent / "before" / "q_top_posts_360.sql").read_text(encoding="utf-8")
CHECK = (SQL_DIR / "checks" / "post_top_month_matches_posts.sql").read_text(encoding="utf-8")
LIMITS = (1, 3, 10, 11)


def _statements(monkeypatch) -> list[str]:
    """The q_*.sql files trend.top_posts runs from now on, in order."""
    names: list[str] = []
    real = trend._run

    def spy(con, name, params, *args, **kwargs):
        names.append(name)
        return real(con, name, params, *args, **kwargs)

    monkeypatch.setattr(trend, "_run", spy)
    return names


def check(con, f: Filters, viewer: int | None = None, limits=LIMITS) -> None:
    """The top posts of f (and as the operator OPD `viewer` sees them), every limit, equal the
    statement before."""
    views = (f,) if viewer is None else (f, dataclasses.replace(f, viewer_opd_id=viewer))
    for g in views:
        for n in limits:
            _same(_old(con, BEFORE, {**g.params(), "limit": n}), trend.top_posts(con, g, n))


def months(first: dt.date, n: int, **kw) -> Filters:
    return Filters(first, periods.add_months(first, n) - dt.timedelta(days=1), **kw)


def test_the_kept_count_is_the_macros():
    con = connect(":memory:")
    assert con.execute("SELECT top_posts_kept()").fetchone()[0] == trend.TOP_POSTS_KEPT


def test_sample_top_posts_equal_the_statement_before(sample, sample_windows, monkeypatch):
    names = _statements(monkeypatch)
    half = sample_windows.half
    opd = sample.execute("SELECT min(opd_id) FROM posts").fetchone()[0]
    kinds = sorted(r[0] for r in sample.execute("SELECT DISTINCT kind FROM opd").fetchall())
    whole = [months(periods.add_months(half, i), 1) for i in range(6)]
    whole += [
        months(half, 6),
        months(periods.add_months(half, -6), 12),
        months(half, 6, platforms=("instagram",)),
        months(half, 6, platforms=("facebook", "tiktok")),
        months(half, 6, opd_kinds=(kinds[0],)),
        months(half, 6, opd_ids=(opd,)),
    ]
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for f in (*sample_windows.filters, *whole):
            check(sample, f, viewer=opd)
    # The whole months were read from the table, the other periods from the posts.
    assert "q_top_posts_months" in names and "q_top_posts" in names
    assert sample.execute(CHECK).fetchall() == []
    assert sample.execute("SELECT count(*) FROM post_top_month").fetchone()[0] > 0


# Hand warehouses: two OPD-platforms hold most posts, in one month or two, so a month holds more
# posts than the table keeps; three engagement values and six times, so posts tie on both
# across the 10th place (and the order falls to post_key).
_TIMES = [dt.datetime(2026, 1, d, h, 0) for d in (1, 31) for h in (7, 9, 20)]
tied_post = st.tuples(
    st.sampled_from([(1, 1, "facebook")] * 3 + [(1, 2, "instagram"), (4, None, "facebook")]),
    st.one_of(
        st.sampled_from(_TIMES),
        st.sampled_from(_TIMES),
        st.datetimes(min_value=dt.datetime(2025, 12, 1), max_value=dt.datetime(2026, 2, 28)),
    ),
    st.sampled_from([None, "ucapan", "kegiatan"]),
    st.integers(0, 2),
    st.one_of(st.none(), st.integers(0, 1)),
    st.sampled_from([0, 100]),
).map(lambda t: (t[0][0], t[0][1], t[0][2], t[1], t[2], False, t[3], t[4], 0, t[5]))

_month = st.sampled_from([dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1)])
_whole = st.tuples(_month, st.integers(1, 3)).map(lambda t: months(*t))
# Cut periods, some starting on a month's first day (and ending inside a month).
_cut = st.tuples(
    st.one_of(st.dates(dt.date(2025, 12, 1), dt.date(2026, 2, 27)), _month), st.integers(0, 50)
).map(lambda t: Filters(t[0], t[0] + dt.timedelta(days=t[1])))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(tied_post, min_size=12, max_size=70),
    st.one_of(_whole, _whole, _cut),
    st.sampled_from([(), (), (), ("facebook",), ("instagram", "tiktok")]),
    st.sampled_from([(), (), (), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (), (), (1,), (2, 4)]),
)
def test_tied_posts_equal_the_statement_before(posts, f, platforms, kinds, opd_ids):
    con = hand_warehouse(posts)
    try:
        assert con.execute(CHECK).fetchall() == []
        g = dataclasses.replace(f, platforms=platforms, opd_kinds=kinds, opd_ids=opd_ids)
        check(con, g, viewer=4)
    finally:
        con.close()


def test_ties_across_the_tenth_place():
    """Dinkes' January on Facebook: 5 posts of engagement 9, then 8 of engagement 5 (three at
    one time), one of 1; Disdik's: 3 of engagement 5, older. The month's list is the 5, then
    the newest 5 of the 11 tied at 5 (Dinkes' kept 10 must be its newest tied ones, the three
    at one time in post_key order), as the statement before lists them; Disdik's operator sees
    Disdik's 3; 1-20 January leaves the three out."""
    at = [dt.datetime(2026, 1, d, 9, 0) for d in range(2, 30)]
    posts = [(1, 1, "facebook", at[i], "kegiatan", False, 9, 0, 0, None) for i in range(5)]
    posts += [(1, 1, "facebook", at[20], "kegiatan", False, 5, 0, 0, None)] * 3
    posts += [
        (1, 1, "facebook", at[5 + i], "kegiatan", False, 5, 0, 0, None) for i in (0, 9, 3, 14, 7)
    ]
    posts += [(1, 1, "facebook", at[27], "kegiatan", False, 1, 0, 0, None)]
    posts += [(2, 3, "facebook", at[i], "kegiatan", False, 4, 1, 0, None) for i in (1, 2, 4)]
    con = hand_warehouse(posts)
    jan = months(dt.date(2026, 1, 1), 1)
    check(con, jan, viewer=2)
    # Cut before the three tied posts of 22 January: read from the posts.
    check(con, Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 20)))
    top = trend.top_posts(con, jan, 10)
    assert top["engagement"].to_list() == [9] * 5 + [5] * 5
    assert top["published_at"].to_list()[5:8] == [at[20]] * 3
    assert con.execute("SELECT count(*) FROM post_top_month WHERE opd_id = 1").fetchone()[0] == 10
    con.close()


def test_the_hand_warehouse_reads_whole_months_from_the_table():
    """A row changed in post_top_month (never done outside this test: the table is kept equal
    to its recount) shows in the top posts of whole months, not in those of cut months."""
    con = hand_warehouse()
    jan, cut = months(dt.date(2026, 1, 1), 1), Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 30))
    check(con, jan)
    top = trend.top_posts(con, jan, 1)["post_key"][0]
    con.execute("UPDATE post_top_month SET engagement = -1 WHERE post_key = $k", {"k": top})
    assert trend.top_posts(con, jan, 1)["post_key"][0] != top
    assert trend.top_posts(con, cut, 1)["post_key"][0] == top
    assert len(con.execute(CHECK).fetchall()) == 1
    con.close()


# Warehouses built by loads: one Instagram account per OPD, up to 40 posts a file over two
# months; a later export of a post carries other interaction counts, so its engagement (and the
# month's order) moves; many posts share an engagement value and some a time.
_MASTER = Path(tempfile.mkdtemp()) / "Daftar Akun Medsos OPD.xlsx"
write_master(_MASTER)
HANDLES = ("dinkes.sukamaju", "kominfo_sukamaju")
DAYS = [dt.date(2026, 9, 30), dt.date(2026, 10, 1), dt.date(2026, 10, 31), dt.date(2026, 11, 2)]

file_st = st.tuples(
    # (post, day, account), the export day
    st.lists(
        st.tuples(st.integers(0, 89), st.integers(0, 3), st.integers(0, 1)),
        min_size=1,
        max_size=40,
    ),
    st.integers(1, 4),
)
op_st = st.one_of(
    st.tuples(st.just("load"), file_st),
    st.tuples(st.just("load"), file_st),
    st.tuples(st.just("undo"), st.integers(0, 5)),
    st.tuples(st.just("override"), st.integers(0, 89), st.sampled_from(["ucapan", "capaian"])),
    st.tuples(st.just("clear"), st.integers(0, 89)),
    st.tuples(st.just("relabel"), st.booleans()),
)
PERIODS = (
    months(dt.date(2026, 10, 1), 1),
    months(dt.date(2026, 9, 1), 3),
    months(dt.date(2026, 11, 1), 1, platforms=("instagram",)),
    Filters(dt.date(2026, 10, 1), dt.date(2026, 10, 30)),
    Filters(dt.date(2026, 9, 30), dt.date(2026, 11, 2)),
)


def _tables(spec):
    rows, export_day = spec
    posts = [
        ig_post(n, day=DAYS[d], handle=HANDLES[h], likes=(n % 4 + export_day) % 3)
        for n, d, h in {n: (n, d, h) for n, d, h in rows}.values()
    ]
    return [table(posts, exported_at=dt.datetime(2026, 12, 10 + export_day))]


def _post_key(con, n: int) -> str | None:
    keys = [r[0] for r in con.execute("SELECT post_key FROM posts ORDER BY post_key").fetchall()]
    return keys[n % len(keys)] if keys else None


def _apply(con, op, ids: list[int | None]) -> None:
    kind = op[0]
    if kind == "load":
        i = len(ids)
        r = load_tables(con, _tables(op[1]), file_name=f"f{i}.csv", sha256=sha(f"f{i}"))
        assert r.status in ("loaded", "duplicate"), r.error
        if r.status == "loaded":
            ids.append(r.load_id)
    elif kind == "undo":
        live = [i for i in ids if i is not None]
        if live:
            j = ids.index(live[op[1] % len(live)])
            undo_load(con, live[op[1] % len(live)])
            ids[j] = None
    elif kind == "relabel":
        classify_posts(con, None if op[1] else [i for i in ids if i is not None])
    elif (key := _post_key(con, op[1])) is not None:
        if kind == "override":
            set_override(con, key, op[2], note="uji", by="uji")
        else:
            clear_override(con, key)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op_st, min_size=2, max_size=6))
def test_loads_reexports_and_undo_keep_the_top_posts(ops):
    con = connect(":memory:")
    try:
        load_master(con, _MASTER)
        ids: list[int | None] = []
        opd = con.execute("SELECT min(opd_id) FROM account").fetchone()[0]
        for op in ops:
            _apply(con, op, ids)
            assert con.execute(CHECK).fetchall() == [], op
            for f in PERIODS:
                check(con, f, viewer=opd, limits=(1, 10, 11))
        kept = con.sql("SELECT * FROM post_top_month ORDER BY ALL").pl()
        top_posts.recount(con)
        assert kept.equals(con.sql("SELECT * FROM post_top_month ORDER BY ALL").pl())
    finally:
        con.close()


def test_restoring_a_snapshot_without_the_table_recounts_it(tmp_path):
    """A snapshot taken before migration 370 (no post_top_month) is restored with the table
    recounted from its posts, not left as the warehouse held it before the restore."""
    path = factory.private_copy(factory.sample_warehouse(), tmp_path)
    snap = tmp_path / "older.duckdb"
    snap.write_bytes(path.read_bytes())
    raw = duckdb.connect(str(snap))  # not migrated: the snapshot stays as an older one was
    raw.execute("DROP TABLE post_top_month")
    raw.close()
    con = connect(path)
    kept = con.sql("SELECT * FROM post_top_month ORDER BY ALL").pl()
    # The warehouse's rows differ from the snapshot's posts before the restore.
    con.execute(
        "DELETE FROM post_top_month"
        " WHERE month_start = (SELECT max(month_start) FROM post_top_month)"
    )
    assert con.execute(CHECK).fetchall() != []
    backup.restore(con, snap)
    assert con.execute(CHECK).fetchall() == []
    assert kept.equals(con.sql("SELECT * FROM post_top_month ORDER BY ALL").pl())
    con.close()


@pytest.mark.parametrize("n", [0])
def test_no_post_asked_reads_none(sample, n):
    f = months(dt.date(2025, 1, 1), 24)
    _same(_old(sample, BEFORE, {**f.params(), "limit": n}), trend.top_posts(sample, f, n))
