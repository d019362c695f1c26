"""Uploads from several sessions at the same moment, through the upload page's own path
(ui.forms.common.cursor: the write turn of ui/import_queue.py on the app's one cached
connection, then the page's _safe_load around etl.load.load_file), on a fresh warehouse (the
first loads race to store rule-set version 1) with files about the SAME posts (each load
rewrites the same posts rows: two open transactions on them conflict inside DuckDB).

A write that holds its transaction open a moment (the hook below: each load, once written and
before its COMMIT, waits up to HOLD seconds for the other sessions to be inside a write too)
makes the collision certain whenever two writes can overlap. With the turn they never overlap:
every file loads. The control test takes the turn away (the lock replaced by one that never
blocks) and must see the collision, each colliding file reported in Indonesian with its own
loads row: that is what proves the first test can fail.
"""

from __future__ import annotations

import contextlib
import threading

import pytest

import etl.load
from etl.master import load_master
from tests.factory import write_master
from tests.hostile.corpus import IG_CSV
from ui import data, import_queue
from ui.forms.common import cursor
from ui.forms.upload import _safe_load
from warehouse.db import connect

SESSIONS = 6
HOLD = 1.5  # seconds a written, uncommitted load waits for the other sessions (with the turn
# nobody else can be inside a write, so each load waits this long in vain)
HOLD_WITHOUT_TURN = 20.0  # the control: all sessions get in at once; long, for a busy machine
ENGLISH = ("Exception", "Error", "cannot", "transaction", "Conflict", "Duplicate", "key")


def _variant(i: int) -> bytes:
    """The golden Instagram export with other metrics: another file about the same 3 posts."""
    return IG_CSV.read_bytes().replace(b'"12,400"', b'"12,4%02d"' % i)


class _NoLock:
    """A lock that never blocks: the write turn taken away."""

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return True

    def release(self) -> None:
        pass


def _run_sessions(tmp_path, monkeypatch, hold: float = HOLD) -> tuple[dict, list, object]:
    db = tmp_path / "w.duckdb"
    con = connect(db)
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    assert con.execute("SELECT count(*) FROM rule_set").fetchall()[0][0] == 0
    con.close()
    monkeypatch.setenv("PANTAU_DB", str(db))
    data._handle.clear()

    inside = threading.Barrier(SESSIONS)
    real_write = etl.load.write_prepared

    def held_write(con, prep, **kw):  # the real write, then its transaction held open
        load_id = real_write(con, prep, **kw)
        if not kw.get("dry_run"):
            with contextlib.suppress(threading.BrokenBarrierError):
                inside.wait(hold)
        return load_id

    monkeypatch.setattr(etl.load, "write_prepared", held_write)
    start = threading.Barrier(SESSIONS)
    reports: dict = {}
    escaped: list = []

    def session(i: int) -> None:
        try:
            start.wait()
            for dry in (True, False):  # the upload page checks first, then loads
                with cursor() as cur:
                    reports[(i, dry)] = _safe_load(
                        etl.load.load_file, cur, f"ig_{i}.csv", data=_variant(i),
                        file_name=f"ig_{i}.csv", dry_run=dry, loaded_by=f"sesi {i}",
                    )  # fmt: skip
        except BaseException as exc:  # noqa: BLE001 - asserted below
            escaped.append(exc)

    threads = [threading.Thread(target=session, args=(i,)) for i in range(SESSIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    return reports, escaped, data.con()


@pytest.fixture(autouse=True)
def _fresh_handle():
    yield
    with contextlib.suppress(Exception):  # already closed or never opened
        data.con().close()
    data._handle.clear()


def test_simultaneous_uploads_take_turns_and_all_load(tmp_path, monkeypatch):
    reports, escaped, con = _run_sessions(tmp_path, monkeypatch)
    assert not escaped, escaped
    loaded = [reports[(i, False)] for i in range(SESSIONS)]
    assert [r.status for r in loaded] == ["loaded"] * SESSIONS, [r.error for r in loaded]
    assert all(reports[(i, True)].status == "loaded" for i in range(SESSIONS))
    rows = con.execute(
        "SELECT count(*), count(DISTINCT loaded_by) FROM loads WHERE status = 'loaded'"
    ).fetchall()[0]
    assert rows == (SESSIONS, SESSIONS)
    assert con.execute("SELECT count(*) FROM loads").fetchall()[0][0] == SESSIONS
    assert con.execute("SELECT count(*) FROM post_observation").fetchall()[0][0] == 3 * SESSIONS
    assert con.execute("SELECT count(*) FROM posts").fetchall()[0][0] == 3
    assert con.execute("SELECT list(version) FROM rule_set").fetchall()[0][0] == [1]
    # the newest export's metrics won, by the rule of etl/recompute.py: these files carry no
    # export date, so the load time (whole seconds) orders them; two loads in the same second
    # are a re-export, where the larger total wins; load order is the last resort
    loaded_at = dict(con.execute("SELECT load_id, loaded_at FROM loads").fetchall())
    variant = {r.load_id: int(r.file.split("_")[1].split(".")[0]) for r in loaded}
    winner = max(variant, key=lambda lid: (loaded_at[lid], variant[lid], lid))
    views = con.execute("SELECT max(views) FROM posts").fetchall()[0][0]
    assert views == 12400 + variant[winner]


def test_without_the_turn_the_same_uploads_collide(tmp_path, monkeypatch):
    """Measured without the turn: every load 'succeeds' and posts holds each of the 3 posts
    once per session (18 rows), a silent wrong number; or a load fails on the conflict. Either
    way the warehouse differs from the serialized one, and the integrity check says so."""
    from warehouse.integrity import problems

    monkeypatch.setattr(import_queue, "_LOCK", _NoLock())
    reports, escaped, con = _run_sessions(tmp_path, monkeypatch, hold=HOLD_WITHOUT_TURN)
    assert not escaped, escaped  # even then no exception leaves the page's path
    loaded = [reports[(i, False)] for i in range(SESSIONS)]
    failed = [r for r in loaded if r.status != "loaded"]
    rows, keys = con.execute("SELECT count(*), count(DISTINCT post_key) FROM posts").fetchall()[0]
    assert failed or rows > keys, "no collision without the turn: the first test could not fail"
    for r in failed:  # each colliding file: an Indonesian reason, its own loads row
        assert r.error and "muat berkas ini sekali lagi" in r.error, r.error
        assert not any(w in r.error for w in ENGLISH), r.error
    assert con.execute("SELECT count(*) FROM loads").fetchall()[0][0] == SESSIONS
    if rows > keys:
        assert any("post_key" in p for p in problems(con)), problems(con)
