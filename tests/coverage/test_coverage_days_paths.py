"""The covered days kept at load time (coverage_day, coverage_opd_day: migration 280) equal a
recount from the live spans after any sequence of the writes that change what they are
derived from, each through its real path: a file loaded on its own, files loaded in one folder
batch, the same bytes again (skipped), a re-export of a period already loaded (a second live
load over the same days), an undo, and master lists (Daftar Akun) that move an account to
another OPD, add an account, add an OPD or rename one (its accounts go to the new OPD); and a
warehouse made before migration 280 (its tables backfilled), and a restored snapshot, older or
not. The recount is tests/coverage/test_coverage_recount.recount_days (Python, from the small
tables) and the check checks/coverage_day_matches_spans.sql (SQL, the old expansion); after each
sequence the judgement is also compared with the old macros (test_coverage_days_reference).
No analyst setting changes these rows: they hold only days and loads (settings are read when
the judgement reads them), so no setting path writes them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etl.load import load_tables
from etl.load_batch import Batch
from etl.master import load_master
from etl.undo import undo_load
from tests.coverage.test_coverage_days_reference import check as check_judgement
from tests.coverage.test_coverage_days_reference import load_before
from tests.coverage.test_coverage_recount import recount_days
from tests.factory import MASTER_HEADER, MASTER_ROWS, ig_post, sha, table, write_master
from tests.warehouse.test_judgement_planning import parameters
from warehouse import analyst_settings, backup, migrations
from warehouse.db import connect, sql_text

MONTHS = [(9, "Sep", "September"), (10, "Oct", "Oktober"), (11, "Nov", "November"),
          (12, "Dec", "Desember")]  # fmt: skip
# OPD (as a file names it) -> its Instagram handle in the master list (None: no account).
OPDS = {
    "Dinkes": "dinkes.sukamaju",
    "Diskominfo": "kominfo_sukamaju",
    "Bappeda": "bappeda.sukamaju",
    "Kecamatan Sukamaju": "kec.sukamaju",
    "Desa Mekarsari": "desa_mekarsari",
    "Kelurahan Cibeureum": None,
}


def _master_rows(variant: int) -> list[list]:
    """MASTER_ROWS changed: 1 Dinkes' Instagram account moved to Bappeda; 2 an account added
    (Kecamatan Sukamaju's TikTok); 3 an OPD added with an account; 4 Desa Mekarsari renamed (a
    new OPD: its account moves to it)."""
    rows = [list(r) for r in MASTER_ROWS]
    if variant == 1:
        rows[2][5], rows[0][5] = rows[0][5], None
    elif variant == 2:
        rows[3][7] = "@kec.sukamaju.tiktok"
    elif variant == 3:
        rows.append([7, "Dinas Pertanian", "Distan", "Dinas", None, "@distan.sukamaju", None,
                     None, None, None, None])  # fmt: skip
    elif variant == 4:
        rows[4][1] = "Desa Mekarsari Jaya"
    return rows


# A file: (OPD, kind, month index, first day, last day, with posts)
file_spec = st.tuples(
    st.sampled_from(sorted(OPDS)),
    st.sampled_from(["export", "export", "logbook", "logbook_platform"]),
    st.integers(0, 3),
    st.sampled_from([1, 1, 5, 16]),
    st.sampled_from([10, 20, 28]),
    st.booleans(),
)
op = st.one_of(
    st.tuples(st.just("file"), file_spec),
    st.tuples(st.just("batch"), st.lists(file_spec, min_size=1, max_size=3)),
    st.tuples(st.just("again"), st.integers(0, 20)),
    st.tuples(st.just("reexport"), st.integers(0, 20)),
    st.tuples(st.just("undo"), st.integers(0, 20)),
    st.tuples(st.just("master"), st.integers(0, 4)),
)


class World:
    """A warehouse written only through the loader, undo and the master list."""

    def __init__(self, con: duckdb.DuckDBPyConnection, folder: Path) -> None:
        self.con, self.folder = con, folder
        self.files: list[tuple[list, str, str, str | None]] = []  # tables, name, sha, opd
        self.n = 0

    def spec(self, spec: tuple) -> tuple[list, str, str, str | None]:
        opd, kind, m, first, last, with_posts = spec
        month, mon, bulan = MONTHS[m]
        self.n += 1
        handle = OPDS[opd]
        if kind == "export":
            rows = []
            if with_posts and handle:
                rows = [ig_post(self.n * 10 + i, handle=handle, day=dt.date(2026, month, d))
                        for i, d in enumerate((first, last))]  # fmt: skip
            name = f"{mon}-{first:02d}-2026_{mon}-{last:02d}-2026_{5000 + self.n}.csv"
            return [table(rows)], name, sha(f"file {self.n}"), None if rows else opd
        sheet = f"{bulan} 2026" if kind == "logbook" else "Instagram"
        book = table([], fmt="logbook", platform=None, sheet=sheet)
        tables = [dataclasses.replace(book, title=f"REKAP BULAN {bulan.upper()} 2026")]
        return tables, f"rekap {self.n}.xlsx", sha(f"file {self.n}"), opd

    def load(self, files: list[tuple[list, str, str, str | None]], batch: bool) -> None:
        if not batch:
            for tables, name, digest, opd in files:
                load_tables(self.con, tables, file_name=name, sha256=digest, opd=opd)
            return
        b = Batch(self.con)
        b.begin()
        try:
            for tables, name, digest, opd in files:
                load_tables(self.con, tables, file_name=name, sha256=digest, opd=opd,
                            labels=set(), batch=b)  # fmt: skip
            b.commit()
        except Exception:
            b.rollback()
            raise

    def apply(self, step: tuple) -> None:
        kind, arg = step
        if kind in ("file", "batch"):
            files = [self.spec(s) for s in (arg if kind == "batch" else [arg])]
            self.files += files
            self.load(files, batch=kind == "batch")
        elif kind == "again" and self.files:
            self.load([self.files[arg % len(self.files)]], batch=False)
        elif kind == "reexport" and self.files:
            tables, name, digest, opd = self.files[arg % len(self.files)]
            self.load([(tables, name, digest + "-2", opd)], batch=False)
        elif kind == "undo":
            live = [r[0] for r in self.con.execute(
                "SELECT load_id FROM loads WHERE status = 'loaded' ORDER BY load_id").fetchall()]  # fmt: skip
            if live:
                undo_load(self.con, live[arg % len(live)])
        elif kind == "master":
            path = self.folder / f"Daftar Akun {arg}.xlsx"
            load_master(self.con, write_master(path, MASTER_HEADER, _master_rows(arg)))


def assert_kept(con) -> None:
    """Both tables equal the Python recount and the SQL checks find nothing (their months
    kept for the judgement too: checks/judgement_months_match_days.sql)."""
    want_days, want_own = recount_days(con)
    got_days = set(con.execute("SELECT opd_id, account_id, platform, day, latest_load_id"
                               " FROM coverage_day").fetchall())  # fmt: skip
    got_own = set(con.execute("SELECT opd_id, platform, day FROM coverage_opd_day").fetchall())
    (n_days,) = con.execute("SELECT count(*) FROM coverage_day").fetchall()[0]
    (n_own,) = con.execute("SELECT count(*) FROM coverage_opd_day").fetchall()[0]
    assert got_days == want_days and n_days == len(want_days)
    assert got_own == want_own and n_own == len(want_own)
    assert con.execute(sql_text("checks/coverage_day_matches_spans")).fetchall() == []
    # and their months (migration 380), with the per-day posts' months, equal their recounts
    assert con.execute(sql_text("checks/judgement_months_match_days")).fetchall() == []


def backfilled(con) -> None:
    """The warehouse as migration 280 finds one made before it: tables gone, then migrated."""
    con.execute("DROP TABLE coverage_day")
    con.execute("DROP TABLE coverage_opd_day")
    con.execute("DELETE FROM schema_migrations WHERE version = 280")
    migrations.migrate(con)


@pytest.fixture(autouse=True)
def _no_labels(monkeypatch):
    """Labels are not what is tested here (and the classifier is the slow part of a load)."""
    monkeypatch.setattr("etl.recompute.label", lambda con, load_ids: None)


@settings(
    max_examples=12, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
@given(steps=st.lists(op, min_size=1, max_size=8))
# Always tried (found by h23c, session 20): Bappeda's export loaded, the master list then
# dropping an OPD: its coverage row keeps no OPD, which names no account and no OPD's days, and
# which migration 280 once copied into coverage_opd_day's NOT NULL OPD (a warehouse holding one
# could not migrate).
@example(
    steps=[
        ("batch", [("Bappeda", "export", 0, 1, 10, False), ("Bappeda", "export", 0, 1, 10, False)]),
        ("again", 13),
        ("again", 0),
        ("file", ("Bappeda", "export", 0, 5, 10, False)),
        ("master", 1),
        ("file", ("Kecamatan Sukamaju", "logbook", 0, 5, 28, True)),
    ]
)
def test_kept_days_equal_the_recount_after_any_writes(tmp_path_factory, steps):
    folder = tmp_path_factory.mktemp("paths")
    con = connect(":memory:")
    try:
        load_master(con, write_master(folder / "Daftar Akun Medsos OPD.xlsx"))
        world = World(con, folder)
        for step in steps:
            world.apply(step)
            assert_kept(con)
        load_before(con)
        s = analyst_settings.Settings()
        start, end = dt.date(2026, 9, 1), dt.date(2026, 12, 31)
        check_judgement(con, parameters(start, end, ((), (), ()), s, end, end), ("month",))
        backfilled(con)
        assert_kept(con)
    finally:
        con.close()


def test_a_restored_snapshot_keeps_its_days_right(tmp_path):
    """Restore brings back a snapshot's spans and accounts: the days follow them, also from a
    snapshot made before migration 280 (no covered days in it)."""
    db = tmp_path / "w.duckdb"
    con = connect(db)
    try:
        load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
        world = World(con, tmp_path)
        world.apply(("file", ("Dinkes", "logbook", 1, 1, 28, False)))
        world.apply(("file", ("Kelurahan Cibeureum", "logbook", 2, 1, 28, False)))
        snap = backup.snapshot(con)
        assert snap is not None
        world.apply(("file", ("Diskominfo", "export", 0, 5, 20, True)))
        world.apply(("master", 1))
        world.apply(("undo", 0))
        assert_kept(con)
        backup.restore(con, snap.path)
        assert_kept(con)
        assert con.execute("SELECT count(*) FROM coverage_opd_day").fetchall()[0][0] > 0
        old = duckdb.connect(str(snap.path))  # a snapshot from before migration 280
        old.execute("DROP TABLE coverage_day")
        old.execute("DROP TABLE coverage_opd_day")
        old.close()
        world.apply(("master", 4))
        world.apply(("file", ("Bappeda", "export", 3, 1, 28, False)))
        backup.restore(con, snap.path)
        assert_kept(con)
        assert con.execute("SELECT count(*) FROM coverage_day").fetchall()[0][0] > 0
    finally:
        con.close()


def test_the_sample_warehouse_is_backfilled_and_kept(tmp_path):
    from tests import factory

    con = connect(factory.private_copy(factory.sample_warehouse(), tmp_path))
    try:
        assert_kept(con)
        before = con.execute("SELECT * FROM coverage_day ORDER BY ALL").fetchall()
        backfilled(con)
        assert_kept(con)
        assert con.execute("SELECT * FROM coverage_day ORDER BY ALL").fetchall() == before
    finally:
        con.close()
