"""The integrity check on open: a warehouse whose loads are not wholly present or absent is
refused with restore steps, through connect() and the CLI; restore then serves it again."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from etl.load import load_file
from etl.master import load_master
from tests.factory import write_master
from tests.hostile.corpus import IG_CSV
from warehouse import backup, integrity
from warehouse.db import connect

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def etl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True
    )


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_BACKUP_DIR", str(tmp_path / "bk"))
    path = tmp_path / "w.duckdb"
    con = connect(path)
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    assert load_file(con, IG_CSV).status == "loaded"
    assert integrity.problems(con) == []
    backup.snapshot(con)
    con.close()
    return path


def _damage(path) -> None:
    """Rows of a load that was undone: what a half-applied undo or commit leaves behind."""
    raw = duckdb.connect(str(path))
    raw.execute("UPDATE loads SET status = 'undone' WHERE load_id = 1")
    raw.close()


def test_whole_warehouse_opens(db):
    con = connect(db)
    assert integrity.problems(con) == []
    con.close()


def test_damaged_warehouse_is_refused_with_restore_steps(db):
    _damage(db)
    with pytest.raises(integrity.WarehouseCorrupt) as err:
        connect(db)
    msg = str(err.value)
    assert "muatan #1" in msg and "restore" in msg and "Cadangan terbaru" in msg
    r = etl("--db", str(db), "history")
    assert r.returncode == 1 and "tidak lolos pemeriksaan keutuhan" in r.stderr
    assert "Traceback" not in r.stderr


def test_restore_from_the_cli_serves_it_again(db):
    (snap,) = backup.list_snapshots(db)
    _damage(db)
    r = etl("--db", str(db), "restore", str(snap.path))
    assert r.returncode == 0, r.stderr
    con = connect(db)
    assert integrity.problems(con) == []
    (status,) = con.execute("SELECT status FROM loads WHERE load_id = 1").fetchall()[0]
    assert status == "loaded"
    con.close()


def test_each_kind_of_damage_is_named(db):
    raw = duckdb.connect(str(db))
    raw.execute(
        "INSERT INTO post_link (load_id, post_key, link_key) VALUES (99, 'k', 'instagram:1')"
    )
    raw.execute(
        "INSERT INTO loads (load_id, file_name, sha256, status, n_new) VALUES (50, 'x', 'y', 'loaded', 3)"
    )
    found = integrity.problems(raw)
    raw.close()
    assert any("muatan #99" in p and "post_link" in p for p in found)
    assert any("Muatan #50" in p for p in found)
