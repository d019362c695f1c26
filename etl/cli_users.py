"""CLI commands for accounts: `python -m etl user add|reset|role|list`.

Passwords are never arguments (they would stay in the shell history): typed twice at a
terminal, or one line on standard input with --sandi-stdin (scripts). Whoever runs the CLI has
the warehouse file in hand, so the CLI acts as admin; the audit trail names it `cli:<login>`.
"""

from __future__ import annotations

import argparse
import getpass
import sys

import duckdb

from etl.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE

COMMANDS = ("user",)


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    u = sub.add_parser("user", help="kelola pengguna aplikasi (tambah, atur ulang sandi, peran)")
    us = u.add_subparsers(dest="user_cmd", metavar="AKSI", parser_class=type(u))
    us.required = True
    a = us.add_parser("add", help="tambah pengguna")
    a.add_argument("username", metavar="NAMA_PENGGUNA")
    a.add_argument("--nama", required=True, help="nama lengkap (dicatat pada setiap perubahan)")
    a.add_argument("--peran", required=True, choices=("pimpinan", "analis", "operator", "admin"))
    a.add_argument("--opd", help="OPD operator (nama, singkatan, atau alias)")
    a.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari stdin")
    r = us.add_parser("reset", help="atur ulang kata sandi (juga membuka kunci)")
    r.add_argument("username", metavar="NAMA_PENGGUNA")
    r.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari stdin")
    p = us.add_parser("role", help="ubah peran, OPD, atau nonaktifkan")
    p.add_argument("username", metavar="NAMA_PENGGUNA")
    p.add_argument("--peran", required=True, choices=("pimpinan", "analis", "operator", "admin"))
    p.add_argument("--opd", help="OPD operator")
    p.add_argument("--nonaktif", action="store_true", help="nonaktifkan akun")
    us.add_parser("list", help="daftar pengguna")


def _who() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no login name (a container): still say it came from the CLI
        return "cli"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi baru: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise ValueError("Kedua kata sandi tidak sama.")
    return first


def _opd_id(con: duckdb.DuckDBPyConnection, opd: str | None) -> int | None:
    if not opd:
        return None
    from etl.opd_index import OpdIndex, OpdNotFound

    try:
        m = OpdIndex.from_db(con).resolve_option(opd)
    except OpdNotFound as exc:
        raise ValueError(f"--opd: {exc}") from exc
    # An account's scope is not guessed: a fuzzy reading is refused, naming what it would be.
    if m.how != "exact":
        raise ValueError(f'--opd "{opd}" tidak persis; maksud Anda "{m.name}"? Tulis namanya.')
    return int(m.opd_id)


def run(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    from access import users

    who = _who()
    try:
        if args.user_cmd == "list":
            rows = users.list_users(con)
            if not rows:
                print("Belum ada pengguna. Buka aplikasi untuk membuat admin pertama, atau: "
                      "python -m etl user add NAMA --nama ... --peran admin")  # fmt: skip
            names = dict(con.execute("SELECT opd_id, name FROM opd").fetchall())
            for u in rows:
                state = "aktif" if u.active else "nonaktif"
                if u.locked_until is not None:
                    state += f", terkunci s.d. {u.locked_until:%Y-%m-%d %H:%M} WIB"
                opd = f" | {names.get(u.opd_id, u.opd_id)}" if u.opd_id is not None else ""
                print(f"{u.username:<20} {u.role:<9} {u.display_name}{opd} ({state})")
            return EXIT_OK
        if args.user_cmd == "add":
            opd_id = _opd_id(con, args.opd)
            pw = _password(args.sandi_stdin)
            u = users.add_user(con, args.username, args.nama, args.peran, pw,
                               opd_id=opd_id, by=who, by_role="admin")  # fmt: skip
            print(f"Pengguna {u.username} ({u.role}) dibuat.")
            return EXIT_OK
        if args.user_cmd == "reset":
            if users.get_user(con, args.username) is None:
                raise users.AccessError(f"Pengguna '{args.username}' tidak ada.")
            pw = _password(args.sandi_stdin)
            users.set_password(con, args.username, pw, by=who, by_role="admin")
            print(f"Kata sandi {args.username.strip().lower()} diatur ulang; kunci dibuka.")
            return EXIT_OK
        if args.user_cmd == "role":
            users.set_role(con, args.username, args.peran, opd_id=_opd_id(con, args.opd),
                           active=not args.nonaktif, by=who, by_role="admin")  # fmt: skip
            print(f"Peran {args.username.strip().lower()} kini {args.peran}.")
            return EXIT_OK
    except (users.AccessError, ValueError, LookupError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_USAGE
