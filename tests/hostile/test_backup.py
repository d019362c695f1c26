"""Backups: snapshot then restore gives identical tables (row counts and content hashes);
restore is one transaction; snapshots are pruned to the newest N; sequences never go back."""

from __future__ import annotations

import duckdb
import pytest

from etl.load import load_file, undo_load
from etl.master import load_master
from tests.factory import write_master
from tests.hostile.corpus import IG_CSV, TIKTOK_ZIP
from warehouse import backup
from warehouse.db import connect


@pytest.fixture
def filled(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_BACKUP_DIR", str(tmp_path / "bk"))
    con = connect(tmp_path / "w.duckdb")
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    assert load_file(con, IG_CSV).status == "loaded"
    yield con
    con.close()


def test_backup_then_restore_gives_identical_tables(filled):
    before = backup.content_hashes(filled)
    snap = backup.snapshot(filled, "manual")
    assert snap is not None and snap.path.is_file()
    rep = load_file(
        filled, TIKTOK_ZIP, file_name="Content_diskominfo.sukamaju.zip", opd="Diskominfo"
    )
    assert rep.status == "loaded", rep.error
    changed = backup.content_hashes(filled)
    assert changed["posts"] != before["posts"] and changed["loads"] != before["loads"]
    current = backup.restore(filled, snap.path)
    assert backup.content_hashes(filled) == before
    # the state replaced by the restore was itself kept, and restores back exactly
    assert current is not None and current.reason == "sebelum-pulihkan"
    backup.restore(filled, current.path)
    assert backup.content_hashes(filled) == changed


def test_ids_after_restore_never_reuse_a_number(filled):
    snap = backup.snapshot(filled)
    second = load_file(
        filled, TIKTOK_ZIP, file_name="Content_diskominfo.sukamaju.zip", opd="Diskominfo"
    )
    backup.restore(filled, snap.path)
    again = load_file(
        filled, TIKTOK_ZIP, file_name="Content_diskominfo.sukamaju.zip", opd="Diskominfo"
    )
    assert again.status == "loaded" and again.load_id > second.load_id


def test_failed_restore_changes_nothing(filled, tmp_path):
    snap = backup.snapshot(filled)
    load_file(filled, TIKTOK_ZIP, file_name="Content_diskominfo.sukamaju.zip", opd="Diskominfo")
    before = backup.content_hashes(filled)
    # A snapshot whose posts rows break a NOT NULL column: the restore fails after the tables
    # sorted before posts (loads, opd, post_observation...) were already replaced.
    broken = duckdb.connect(str(snap.path))
    for (v,) in broken.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal"
    ).fetchall():
        broken.execute(f"DROP VIEW IF EXISTS {v} CASCADE")
    broken.execute("DROP TABLE posts")
    broken.execute("CREATE TABLE posts (post_key VARCHAR)")
    broken.execute("INSERT INTO posts VALUES ('x')")
    broken.close()
    with pytest.raises(backup.BackupError):
        backup.restore(filled, snap.path)
    assert backup.content_hashes(filled) == before
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(backup.BackupError):
        backup.restore(filled, bad)
    with pytest.raises(backup.BackupError):
        backup.restore(filled, tmp_path / "missing.duckdb")
    assert backup.content_hashes(filled) == before


def test_snapshots_are_kept_n_deep(filled, monkeypatch):
    monkeypatch.setenv("PANTAU_BACKUP_KEEP", "3")
    made = [backup.snapshot(filled) for _ in range(5)]
    kept = backup.list_snapshots(backup.db_file(filled))
    assert [s.path for s in kept] == [m.path for m in made[-3:]][::-1]
    assert not any(p.name.endswith(".tmp") for p in kept[0].path.parent.iterdir())


def test_undo_takes_a_snapshot_first(filled):
    db = backup.db_file(filled)
    n = len(backup.list_snapshots(db))
    (lid,) = filled.execute("SELECT max(load_id) FROM loads").fetchall()[0]
    undo_load(filled, lid)
    snaps = backup.list_snapshots(db)
    assert len(snaps) == n + 1 and snaps[0].reason == "sebelum-batal-muat"
    # the snapshot still holds the undone load
    backup.restore(filled, snaps[0].path)
    (status,) = filled.execute("SELECT status FROM loads WHERE load_id = ?", [lid]).fetchall()[0]
    assert status == "loaded"


def test_in_memory_warehouse_has_nothing_to_snapshot():
    con = connect(":memory:")
    assert backup.snapshot(con) is None


def test_a_snapshot_from_before_the_latest_migration_restores_and_opens_again(filled, tmp_path):
    """A snapshot taken by an older version (before the newest migration, here 370's
    post_top_month) restored by this one: the warehouse opens again, with every migration
    recorded once and the kept summaries equal to their recounts."""
    from warehouse import migrations
    from warehouse.db import SQL_DIR

    latest = max(m[0] for m in migrations.available())
    snap = backup.snapshot(filled, "manual")
    assert snap is not None
    old = duckdb.connect(str(snap.path))  # made as the older version left it
    old.execute("DROP TABLE post_top_month")
    old.execute("DELETE FROM schema_migrations WHERE version >= 370")
    old.close()
    backup.restore(filled, snap.path)
    path = filled.execute("SELECT path FROM duckdb_databases() WHERE NOT internal").fetchall()
    filled.close()
    con = connect(path[0][0])  # every later connect: no migration applied twice
    try:
        got = con.execute("SELECT max(version), count(*) FROM schema_migrations").fetchall()
        assert got[0][0] == latest
        assert con.execute("SELECT count(*) FROM post_top_month").fetchall()[0][0] > 0
        for name in ("post_top_month", "post_content_month"):
            check = (SQL_DIR / "checks" / f"{name}_matches_posts.sql").read_text("utf-8")
            assert con.sql(check).pl().height == 0, name
    finally:
        con.close()
