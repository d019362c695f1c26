"""A restore brings back a snapshot's data but not its older accounts, and never takes back
the audit trail."""

from __future__ import annotations

from access import audit, users
from warehouse import backup
from warehouse.db import connect

PW = "sandi-yang-panjang-1"


def test_restore_keeps_accounts_and_the_trail(tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_BACKUP_DIR", str(tmp_path / "bk"))
    con = connect(tmp_path / "w.duckdb")
    try:
        users.create_first_admin(con, "admin", "Admin", PW)
        con.execute("INSERT INTO opd (opd_id, name, kind) VALUES (1, 'Dinas Kesehatan', 'dinas')")
        snap = backup.snapshot(con, "manual")
        users.add_user(con, "rina", "Rina", "analis", PW, by="admin", by_role="admin")
        users.set_password(con, "admin", "sandi-baru-yang-panjang", by="admin", by_role="admin")
        con.execute("INSERT INTO opd (opd_id, name, kind) VALUES (2, 'Dinas Pendidikan', 'dinas')")
        n_trail = audit.read(con).height
        backup.restore(con, snap.path)
        # Data as in the snapshot...
        assert con.execute("SELECT list(opd_id ORDER BY opd_id) FROM opd").fetchone() == ([1],)
        # ...accounts and the trail as they are now.
        assert [u.username for u in users.list_users(con)] == ["admin", "rina"]
        assert users.authenticate(con, "admin", "sandi-baru-yang-panjang").role == "admin"
        assert audit.read(con).height == n_trail + 1  # + the login just made
    finally:
        con.close()
