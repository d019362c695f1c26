"""`python -m etl user ...`: add, list, reset (unlocks), role; passwords only via stdin/tty."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from access import users
from tests.factory import write_master
from warehouse.db import connect

ROOT = Path(__file__).resolve().parents[2]


def etl(*args: str, db: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", "--db", str(db), *args],
        capture_output=True, text=True, cwd=ROOT, input=stdin, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    master = write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx")
    assert etl("opd", str(master), db=path).returncode == 0
    return path


def test_add_list_reset_role(db):
    out = etl("user", "add", "Admin", "--nama", "Admin Kominfo", "--peran", "admin",
              "--sandi-stdin", db=db, stdin="sandi-admin-panjang\n")  # fmt: skip
    assert out.returncode == 0, out.stderr
    short = etl("user", "add", "rina", "--nama", "Rina", "--peran", "analis", "--sandi-stdin",
                db=db, stdin="pendek\n")  # fmt: skip
    assert short.returncode == 1 and "minimal 12" in short.stderr
    fuzzy = etl("user", "add", "ops", "--nama", "Ops", "--peran", "operator", "--opd",
                "Dinas Kesehatn", "--sandi-stdin", db=db, stdin="sandi-ops-panjang\n")  # fmt: skip
    assert fuzzy.returncode == 1 and "tidak persis" in fuzzy.stderr
    ops = etl("user", "add", "ops", "--nama", "Ops", "--peran", "operator", "--opd",
              "Dinas Kesehatan", "--sandi-stdin", db=db, stdin="sandi-ops-panjang\n")  # fmt: skip
    assert ops.returncode == 0, ops.stderr
    listed = etl("user", "list", db=db).stdout
    assert "admin" in listed and "operator" in listed and "Dinas Kesehatan" in listed

    con = connect(db)
    try:
        for _ in range(users.MAX_FAILED_LOGINS):
            with pytest.raises(users.AccessError):
                users.authenticate(con, "ops", "bukan-sandinya-ya")
    finally:
        con.close()
    assert "terkunci" in etl("user", "list", db=db).stdout
    reset = etl("user", "reset", "ops", "--sandi-stdin", db=db, stdin="sandi-ops-yang-baru\n")
    assert reset.returncode == 0, reset.stderr
    role = etl("user", "role", "ops", "--peran", "pimpinan", db=db)
    assert role.returncode == 0, role.stderr
    con = connect(db)
    try:
        u = users.authenticate(con, "ops", "sandi-ops-yang-baru")
        assert (u.role, u.opd_id) == ("pimpinan", None)
        who = con.execute(
            "SELECT DISTINCT username FROM audit_log WHERE action IN ('password_reset',"
            " 'role_change', 'user_add')"
        ).fetchall()
        assert len(who) == 1 and who[0][0].startswith("cli")
    finally:
        con.close()
    missing = etl("user", "reset", "siapa", "--sandi-stdin", db=db, stdin="x" * 12 + "\n")
    assert missing.returncode == 1 and "tidak ada" in missing.stderr
