"""The kill-during-COMMIT corruption (docs/duckdb-wal-replay-visibility.md), reproduced on the
project's own warehouse and loader, then the workaround and the detection.

A child loads a file through the real loader and exits right after its COMMIT with no
checkpoint: what `kill -9` between the COMMIT and the checkpoint leaves (the commit only in the
WAL). Opening that pair and committing anything that runs DuckDB 2.0.0's automatic checkpoint
(the WAL above checkpoint_threshold; here the threshold is lowered so that a small file does
what a 200,000-row one does at the default 16 MB) leaves the load's rows counted by GROUP BY and
invisible to WHERE load_id = N at the next open. connect() checkpoints a replayed WAL first (no
corruption), and its integrity check refuses a warehouse corrupted this way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import warehouse.db
from tests.hostile.killtest import build_base
from warehouse import integrity
from warehouse.migrations import create_views

ROOT = Path(__file__).resolve().parents[2]
THRESHOLD = "64KB"  # the small load's WAL is ~1 MB: the first commit after replay checkpoints


def commit_without_checkpoint(db: str, big: str) -> None:
    """Load `big` through connect() + load_paths, then exit at once after the COMMIT."""
    from etl.load_folder import load_paths
    from warehouse.db import connect

    con = connect(db)
    con.execute("SET checkpoint_threshold = '1TB'")
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    (report,) = load_paths(con, [big])
    print(report.status, report.load_id, flush=True)
    os._exit(0)


@pytest.fixture(scope="module")
def killed_pair(tmp_path_factory) -> tuple[Path, int]:
    """A base warehouse (master + 3 loads) and load 4 committed only in the WAL."""
    work = tmp_path_factory.mktemp("walreplay")
    base, big = build_base(work, 3000)
    run = subprocess.run(
        [sys.executable, "-m", "tests.hostile.test_wal_replay", str(base), str(big)], cwd=ROOT, capture_output=True,
        text=True, timeout=600, env={**os.environ, "PANTAU_BACKUP_HOURS": "0"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    status, load_id = run.stdout.split()[:2]
    assert status == "loaded"
    assert Path(str(base) + ".wal").stat().st_size > 100_000  # the commit sits in the WAL
    return base, int(load_id)


def _copy(pair: Path, dest: Path) -> Path:
    dest.mkdir()
    for suffix in ("", ".wal"):
        (dest / ("w.duckdb" + suffix)).write_bytes(Path(str(pair) + suffix).read_bytes())
    return dest / "w.duckdb"


def _counts(db: Path, load_id: int) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT count(*) FILTER (WHERE load_id = $i),"
            " (SELECT count(*) FROM post_observation WHERE load_id = $i)"
            " FROM post_observation",
            {"i": load_id},
        ).fetchall()[0]
    finally:
        con.close()


def _old_open(db: Path) -> None:
    """The open sequence before the workaround: views recreated right after the replay."""
    con = duckdb.connect(str(db))
    con.execute(f"SET checkpoint_threshold = '{THRESHOLD}'")
    con.execute("SET TimeZone = 'Asia/Jakarta'")
    create_views(con)
    con.close()


def test_old_open_sequence_corrupts_and_the_check_refuses(killed_pair, tmp_path, monkeypatch):
    pair, load_id = killed_pair
    db = _copy(pair, tmp_path / "old")
    _old_open(db)
    counted, filtered = _counts(db, load_id)
    assert counted > 2000 and filtered == 0, (counted, filtered)  # the upstream bug, as reported
    monkeypatch.setenv("PANTAU_BACKUP_DIR", str(tmp_path / "bk"))
    with pytest.raises(integrity.WarehouseCorrupt) as refused:
        warehouse.db.connect(db)
    msg = str(refused.value)
    assert f"muatan #{load_id}: {counted} baris terhitung, 0 terlihat" in msg
    assert "Cara memulihkan" in msg  # how to restore is part of the refusal


@pytest.mark.parametrize("check", [True, False], ids=["app", "restore"])
def test_connect_checkpoints_the_replayed_wal_first(killed_pair, tmp_path, monkeypatch, check):
    """check=False is how `restore` opens: no integrity check's filtered scans before the
    migrations (those scans alone also avoid the trigger); the CHECKPOINT must do it."""
    pair, load_id = killed_pair
    db = _copy(pair, tmp_path / "app")
    monkeypatch.setenv("PANTAU_BACKUP_DIR", str(tmp_path / "bk"))
    real = duckdb.connect

    def low_threshold(path, *a, **kw):  # what a 200,000-row WAL is to the default 16 MB
        con = real(path, *a, **kw)
        con.execute(f"SET checkpoint_threshold = '{THRESHOLD}'")
        return con

    monkeypatch.setattr(warehouse.db.duckdb, "connect", low_threshold)
    con = warehouse.db.connect(db, check=check)  # replay, checkpoint, check, migrations, views
    con.close()
    con = warehouse.db.connect(db)  # the next command: the corruption would show here
    try:
        assert integrity.problems(con) == []
        (n,) = con.execute(
            "SELECT count(*) FROM post_observation WHERE load_id = ?", [load_id]
        ).fetchall()[0]
        (reported,) = con.execute(
            "SELECT n_new FROM loads WHERE load_id = ?", [load_id]
        ).fetchall()[0]
        assert n == reported > 2000
        from etl.load import undo_load

        undo_load(con, load_id)
        left = con.execute(
            "SELECT count(*) FROM post_observation WHERE load_id = ?", [load_id]
        ).fetchall()[0][0]
        assert left == 0
        assert integrity.problems(con) == []
    finally:
        con.close()
    assert _counts(db, load_id) == (0, 0)


if __name__ == "__main__":
    commit_without_checkpoint(sys.argv[1], sys.argv[2])
