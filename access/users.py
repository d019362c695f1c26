"""Accounts in the warehouse (table app_user): argon2id password hashes, lockout, first run.

Rules (the numbers live here, once; the password length rule in access.passwords):
- MAX_FAILED_LOGINS (5) wrong passwords in a row lock the account for LOCKOUT_MINUTES (15);
  a good login resets the count; an admin's password reset unlocks;
- usernames are lower case; a failed login says the same thing whether the name exists or not.

Hashing (argon2id) and the password rule live in access.passwords.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from access import audit
from access.clock import Clock, now_wib
from access.passwords import (
    DUMMY_HASH,
    HASHER,
    MIN_PASSWORD_LENGTH,
    AccessError,
    hash_password,
    verify_password,
)
from access.policy import ROLES

# Re-exported: the login form, the pages and the tests read these from users.
__all__ = ["MIN_PASSWORD_LENGTH", "AccessError", "hash_password", "verify_password"]

MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


@dataclass(frozen=True)
class User:
    """One account, without its hash. opd_id only for operators."""

    user_id: int
    username: str
    display_name: str
    role: str
    opd_id: int | None
    active: bool
    failed_logins: int
    locked_until: dt.datetime | None


_COLUMNS = "user_id, username, display_name, role, opd_id, active, failed_logins, locked_until"


def normalize_username(name: str) -> str:
    """Lower case, trimmed. Raises AccessError unless 2-32 of a-z 0-9 . _ - (letter/digit first)."""
    n = name.strip().lower()
    if not _USERNAME.match(n):
        raise AccessError(
            f"Nama pengguna '{name}' tidak sah: 2-32 huruf kecil, angka, titik, garis bawah "
            "atau tanda hubung, diawali huruf atau angka."
        )
    return n


def _row_to_user(row: tuple[Any, ...]) -> User:
    return User(
        user_id=int(row[0]),
        username=str(row[1]),
        display_name=str(row[2]),
        role=str(row[3]),
        opd_id=None if row[4] is None else int(row[4]),
        active=bool(row[5]),
        failed_logins=int(row[6]),
        locked_until=row[7],
    )


def list_users(con: duckdb.DuckDBPyConnection) -> list[User]:
    """Every account, by username."""
    rows = con.execute(f"SELECT {_COLUMNS} FROM app_user ORDER BY username").fetchall()
    return [_row_to_user(r) for r in rows]


def get_user(con: duckdb.DuckDBPyConnection, username: str) -> User | None:
    row = con.execute(
        f"SELECT {_COLUMNS} FROM app_user WHERE username = ?", [username.strip().lower()]
    ).fetchone()
    return None if row is None else _row_to_user(row)


def needs_first_admin(con: duckdb.DuckDBPyConnection) -> bool:
    """True while no active admin exists: the app then offers only the first-run form."""
    row = con.execute("SELECT count(*) FROM app_user WHERE role = 'admin' AND active").fetchone()
    return not row or int(row[0]) == 0


def _check_role(con: duckdb.DuckDBPyConnection, role: str, opd_id: int | None) -> None:
    if role not in ROLES:
        raise AccessError(f"Peran '{role}' tidak dikenal; pilih salah satu: {', '.join(ROLES)}.")
    if role == "operator":
        if opd_id is None:
            raise AccessError("Operator OPD harus terikat pada satu OPD.")
        found = con.execute("SELECT count(*) FROM opd WHERE opd_id = ?", [opd_id]).fetchone()
        if not found or int(found[0]) == 0:
            raise AccessError(f"OPD dengan id {opd_id} tidak ada di Daftar Akun Medsos OPD.")
    elif opd_id is not None:
        raise AccessError("Hanya operator OPD yang terikat pada satu OPD.")


def add_user(
    con: duckdb.DuckDBPyConnection,
    username: str,
    display_name: str,
    role: str,
    password: str,
    *,
    opd_id: int | None = None,
    by: str,
    by_role: str | None,
    clock: Clock = now_wib,
) -> User:
    """Create an account (audited as user_add by `by`). Raises AccessError for a taken or
    invalid username, an unknown role, an operator without an OPD, or a short password."""
    name = normalize_username(username)
    _check_role(con, role, opd_id)
    if not display_name.strip():
        raise AccessError("Nama lengkap wajib diisi: nama ini dicatat pada setiap perubahan.")
    if get_user(con, name) is not None:
        raise AccessError(f"Nama pengguna '{name}' sudah dipakai.")
    pw_hash = hash_password(password)
    now = clock()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO app_user (username, display_name, role, opd_id, password_hash,"
            " created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [name, display_name.strip(), role, opd_id, pw_hash, now, now],
        )
        audit.record(
            con, by, by_role, "user_add", target=name,
            after={"role": role, "opd_id": opd_id, "display_name": display_name.strip()},
            clock=clock,
        )  # fmt: skip
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    user = get_user(con, name)
    assert user is not None
    return user


def create_first_admin(
    con: duckdb.DuckDBPyConnection,
    username: str,
    display_name: str,
    password: str,
    *,
    clock: Clock = now_wib,
) -> User:
    """The first-run flow: the first admin, only while no active admin exists (AccessError
    otherwise, so the form cannot be replayed to take over a configured warehouse)."""
    if not needs_first_admin(con):
        raise AccessError("Admin sudah ada; pengguna baru dibuat oleh admin.")
    return add_user(
        con, username, display_name, "admin", password,
        by=normalize_username(username), by_role=None, clock=clock,
    )  # fmt: skip


def set_password(
    con: duckdb.DuckDBPyConnection,
    username: str,
    password: str,
    *,
    by: str,
    by_role: str | None,
    clock: Clock = now_wib,
) -> None:
    """Set a new password (also unlocks the account). Audited as password_reset (no hash in
    the trail). Raises AccessError for an unknown user or a short password."""
    user = get_user(con, username)
    if user is None:
        raise AccessError(f"Pengguna '{username}' tidak ada.")
    pw_hash = hash_password(password)
    con.execute(
        "UPDATE app_user SET password_hash = ?, password_changed_at = ?, failed_logins = 0,"
        " locked_until = NULL WHERE user_id = ?",
        [pw_hash, clock(), user.user_id],
    )
    audit.record(con, by, by_role, "password_reset", target=user.username, clock=clock)


def set_role(
    con: duckdb.DuckDBPyConnection,
    username: str,
    role: str,
    *,
    opd_id: int | None = None,
    active: bool = True,
    by: str,
    by_role: str | None,
    clock: Clock = now_wib,
) -> None:
    """Change an account's role, OPD and active flag (audited as role_change with before and
    after). Raises AccessError for an unknown user or role, or when it would leave no active
    admin."""
    user = get_user(con, username)
    if user is None:
        raise AccessError(f"Pengguna '{username}' tidak ada.")
    _check_role(con, role, opd_id)
    if user.role == "admin" and user.active and (role != "admin" or not active):
        others = con.execute(
            "SELECT count(*) FROM app_user WHERE role = 'admin' AND active AND user_id <> ?",
            [user.user_id],
        ).fetchone()
        if not others or int(others[0]) == 0:
            raise AccessError("Harus tetap ada satu admin aktif; tambahkan admin lain dulu.")
    before = {"role": user.role, "opd_id": user.opd_id, "active": user.active}
    after = {"role": role, "opd_id": opd_id, "active": active}
    con.execute(
        "UPDATE app_user SET role = ?, opd_id = ?, active = ? WHERE user_id = ?",
        [role, opd_id, active, user.user_id],
    )
    audit.record(
        con, by, by_role, "role_change", target=user.username, before=before, after=after,
        clock=clock,
    )  # fmt: skip


def authenticate(
    con: duckdb.DuckDBPyConnection, username: str, password: str, *, clock: Clock = now_wib
) -> User:
    """The account when the password is right; audited as login or login_failed.

    Raises AccessError (one message for unknown name and wrong password; its own message for a
    locked or inactive account). MAX_FAILED_LOGINS wrong passwords in a row lock the account
    for LOCKOUT_MINUTES, counted on `clock`; while locked even the right password is refused."""
    now = clock()
    typed = username.strip().lower()[:64]
    row = con.execute(
        f"SELECT {_COLUMNS}, password_hash FROM app_user WHERE username = ?", [typed]
    ).fetchone()
    wrong = AccessError("Nama pengguna atau kata sandi salah.")
    if row is None:
        # Hash anyway: the answer takes as long as for a real account (no name probing).
        verify_password(DUMMY_HASH, password)
        audit.record(con, typed or "-", None, "login_failed", detail="nama tidak dikenal",
                     clock=clock)  # fmt: skip
        raise wrong
    user, stored = _row_to_user(row[:-1]), str(row[-1])
    if user.locked_until is not None and user.locked_until > now:
        audit.record(con, user.username, user.role, "login_failed", detail="akun terkunci",
                     clock=clock)  # fmt: skip
        minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
        raise AccessError(
            f"Akun terkunci setelah {MAX_FAILED_LOGINS} kali salah kata sandi; coba lagi "
            f"{minutes} menit lagi, atau minta admin mengatur ulang kata sandi."
        )
    if not verify_password(stored, password):
        failed = user.failed_logins + 1
        locked = (
            now + dt.timedelta(minutes=LOCKOUT_MINUTES) if failed >= MAX_FAILED_LOGINS else None
        )
        con.execute(
            "UPDATE app_user SET failed_logins = ?, locked_until = ? WHERE user_id = ?",
            [0 if locked else failed, locked, user.user_id],
        )
        audit.record(
            con, user.username, user.role, "login_failed",
            detail="kata sandi salah" + (", akun dikunci" if locked else ""), clock=clock,
        )  # fmt: skip
        raise wrong
    if not user.active:
        audit.record(con, user.username, user.role, "login_failed", detail="akun nonaktif",
                     clock=clock)  # fmt: skip
        raise AccessError("Akun ini dinonaktifkan; hubungi admin.")
    if HASHER.check_needs_rehash(stored):
        con.execute(
            "UPDATE app_user SET password_hash = ? WHERE user_id = ?",
            [HASHER.hash(password), user.user_id],
        )
    con.execute(
        "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE user_id = ?",
        [user.user_id],
    )
    audit.record(con, user.username, user.role, "login", clock=clock)
    return User(**{**user.__dict__, "failed_logins": 0, "locked_until": None})
