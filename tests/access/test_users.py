"""Accounts: argon2 hashes, password length, lockout, first-run admin, roles; all on a fake
clock, against a real (in-memory) warehouse."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from access import audit, users
from access.clock import FakeClock
from warehouse.db import connect

T0 = dt.datetime(2026, 11, 2, 8, 0)
GOOD = "sandi-yang-panjang-1"


@pytest.fixture
def con():
    c = connect(":memory:")
    c.execute("INSERT INTO opd (opd_id, name, kind) VALUES (7, 'Dinas Kesehatan', 'dinas')")
    yield c
    c.close()


@pytest.fixture
def clock():
    return FakeClock(T0)


def _admin(con, clock):
    return users.create_first_admin(con, "Admin", "Admin Kominfo", GOOD, clock=clock)


def test_hash_is_argon2id_and_never_the_password(con, clock):
    _admin(con, clock)
    stored = con.execute("SELECT password_hash FROM app_user").fetchone()[0]
    assert stored.startswith("$argon2id$") and GOOD not in stored
    assert users.verify_password(stored, GOOD)
    assert not users.verify_password(stored, GOOD + "x")
    assert not users.verify_password("bukan-hash", GOOD)


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=0, max_size=11))
def test_passwords_shorter_than_12_are_refused(pw):
    with pytest.raises(users.AccessError, match="minimal 12"):
        users.hash_password(pw)


def test_first_admin_only_once(con, clock):
    assert users.needs_first_admin(con)
    u = _admin(con, clock)
    assert (u.username, u.role) == ("admin", "admin")
    assert not users.needs_first_admin(con)
    with pytest.raises(users.AccessError, match="Admin sudah ada"):
        users.create_first_admin(con, "kedua", "Orang Lain", GOOD, clock=clock)


def test_login_right_and_wrong_are_audited(con, clock):
    _admin(con, clock)
    assert users.authenticate(con, " ADMIN ", GOOD, clock=clock).role == "admin"
    with pytest.raises(users.AccessError, match="salah"):
        users.authenticate(con, "admin", "salah-sandi-panjang", clock=clock)
    with pytest.raises(users.AccessError, match="salah") as unknown:
        users.authenticate(con, "tidakada", GOOD, clock=clock)
    assert str(unknown.value) == "Nama pengguna atau kata sandi salah."
    trail = audit.read(con)
    assert trail["action"].to_list()[:4] == ["login_failed", "login_failed", "login", "user_add"]
    assert trail["username"].to_list()[:3] == ["tidakada", "admin", "admin"]
    assert set(trail["at"].to_list()) == {T0}


def test_lockout_after_five_failures_then_unlocks_after_15_minutes(con, clock):
    _admin(con, clock)
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(users.AccessError, match="salah"):
            users.authenticate(con, "admin", "salah-sandi-panjang", clock=clock)
    # Locked: even the right password is refused, saying when to come back.
    with pytest.raises(users.AccessError, match="terkunci.*15 menit"):
        users.authenticate(con, "admin", GOOD, clock=clock)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(users.AccessError, match="terkunci.*1 menit"):
        users.authenticate(con, "admin", GOOD, clock=clock)
    clock.advance(seconds=1)
    assert users.authenticate(con, "admin", GOOD, clock=clock).failed_logins == 0


def test_four_failures_then_success_resets_the_count(con, clock):
    _admin(con, clock)
    for _ in range(users.MAX_FAILED_LOGINS - 1):
        with pytest.raises(users.AccessError):
            users.authenticate(con, "admin", "salah-sandi-panjang", clock=clock)
    users.authenticate(con, "admin", GOOD, clock=clock)
    for _ in range(users.MAX_FAILED_LOGINS - 1):
        with pytest.raises(users.AccessError, match="salah"):
            users.authenticate(con, "admin", "salah-sandi-panjang", clock=clock)
    assert users.authenticate(con, "admin", GOOD, clock=clock).username == "admin"


def test_reset_password_unlocks_and_is_audited_without_the_hash(con, clock):
    _admin(con, clock)
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(users.AccessError):
            users.authenticate(con, "admin", "salah-sandi-panjang", clock=clock)
    users.set_password(con, "admin", "sandi-baru-yang-panjang", by="cli:root", by_role="admin",
                       clock=clock)  # fmt: skip
    assert users.authenticate(con, "admin", "sandi-baru-yang-panjang", clock=clock)
    with pytest.raises(users.AccessError):
        users.authenticate(con, "admin", GOOD, clock=clock)
    row = audit.read(con, actions=("password_reset",)).row(0, named=True)
    assert row["username"] == "cli:root" and row["target"] == "admin"
    assert "argon2" not in str(row) and "sandi-baru" not in str(row)


def test_operator_needs_an_existing_opd(con, clock):
    _admin(con, clock)
    with pytest.raises(users.AccessError, match="terikat pada satu OPD"):
        users.add_user(con, "ops", "Operator", "operator", GOOD, by="admin", by_role="admin",
                       clock=clock)  # fmt: skip
    with pytest.raises(users.AccessError, match="tidak ada"):
        users.add_user(con, "ops", "Operator", "operator", GOOD, opd_id=99, by="admin",
                       by_role="admin", clock=clock)  # fmt: skip
    with pytest.raises(users.AccessError, match="Hanya operator"):
        users.add_user(con, "rina", "Rina", "analis", GOOD, opd_id=7, by="admin",
                       by_role="admin", clock=clock)  # fmt: skip
    u = users.add_user(con, "ops", "Operator Dinkes", "operator", GOOD, opd_id=7, by="admin",
                       by_role="admin", clock=clock)  # fmt: skip
    assert (u.role, u.opd_id) == ("operator", 7)


def test_role_change_keeps_one_admin_and_records_before_after(con, clock):
    _admin(con, clock)
    with pytest.raises(users.AccessError, match="satu admin aktif"):
        users.set_role(con, "admin", "analis", by="admin", by_role="admin", clock=clock)
    users.add_user(con, "rina", "Rina", "analis", GOOD, by="admin", by_role="admin", clock=clock)
    clock.advance(hours=1)
    users.set_role(con, "rina", "pimpinan", by="admin", by_role="admin", clock=clock)
    row = audit.read(con, actions=("role_change",)).row(0, named=True)
    assert row["target"] == "rina" and row["at"] == T0 + dt.timedelta(hours=1)
    assert '"role": "analis"' in row["before"] and '"role": "pimpinan"' in row["after"]
    users.set_role(con, "rina", "pimpinan", active=False, by="admin", by_role="admin", clock=clock)
    with pytest.raises(users.AccessError, match="dinonaktifkan"):
        users.authenticate(con, "rina", GOOD, clock=clock)


def test_usernames_are_checked(con, clock):
    for bad in ("", "a", "nama dengan spasi", "x" * 40, "-awal"):
        with pytest.raises(users.AccessError, match="tidak sah"):
            users.normalize_username(bad)
    _admin(con, clock)
    with pytest.raises(users.AccessError, match="sudah dipakai"):
        users.add_user(con, "ADMIN", "Lain", "analis", GOOD, by="admin", by_role="admin",
                       clock=clock)  # fmt: skip


def test_audit_refuses_unknown_actions(con):
    with pytest.raises(KeyError):
        audit.record(con, "admin", "admin", "hapus_semua")
