"""AppTest: Pengaturan > Cadangan makes a snapshot and restores one after confirmation; a
warehouse failing its integrity check is not served, the page says why and restores it."""

from __future__ import annotations

import duckdb
import pytest

from etl.load import load_file
from etl.master import load_master
from tests.app.test_pages import run_page
from tests.factory import write_master
from tests.hostile.corpus import IG_CSV, TIKTOK_ZIP
from warehouse import backup, integrity
from warehouse.db import connect


@pytest.fixture
def small_db(tmp_path, monkeypatch, use_db):
    monkeypatch.setenv("PANTAU_BACKUP_DIR", str(tmp_path / "bk"))
    path = tmp_path / "w.duckdb"
    con = connect(path)
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    assert load_file(con, IG_CSV).status == "loaded"
    con.close()
    return use_db(path)


def _hashes(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return backup.content_hashes(con)
    finally:
        con.close()


def test_backup_now_then_restore_after_confirming(small_db):
    at = run_page("pengaturan")
    at.button[[b.label for b in at.button].index("Buat cadangan sekarang")].click().run()
    assert not at.exception
    (snap,) = [s for s in backup.list_snapshots(small_db) if s.reason == "manual"]
    before = _hashes(snap.path)
    # another load after the snapshot, through the page's own process-wide handle
    from ui import data

    rep = load_file(data.con(), TIKTOK_ZIP, file_name="Content_x.zip", opd="Diskominfo")
    assert rep.status == "loaded"
    at.selectbox(key="restore_pick").select(snap.path.name).run()
    assert at.button(key="restore_go").disabled
    at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_go").click().run()
    assert not at.exception and not at.error
    data.con().execute("CHECKPOINT")
    assert backup.content_hashes(data.con()) == before


def test_a_failing_warehouse_is_refused_and_restored_from_the_page(small_db):
    con = connect(small_db)
    backup.snapshot(con)
    con.close()
    raw = duckdb.connect(str(small_db))
    raw.execute("UPDATE loads SET status = 'undone' WHERE load_id = 1")
    raw.close()
    at = run_page("ringkasan")
    assert not at.exception
    assert any("tidak lolos pemeriksaan keutuhan" in e.value for e in at.error)
    at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_go").click().run()
    assert not at.exception
    con = connect(small_db)
    assert integrity.problems(con) == []
    con.close()
