"""CLI commands for snapshots: backup, backups, restore, check (python -m etl ...)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import duckdb

from etl.exit_codes import EXIT_FAILED, EXIT_OK
from warehouse import backup, integrity

COMMANDS = {"backup", "backups", "restore", "check"}
NO_CHECK = {"restore"}  # opens a warehouse that fails the integrity check, to replace it


def add_parsers(sub: Any) -> None:
    sub.add_parser("backup", help="buat cadangan gudang data sekarang")
    sub.add_parser("backups", help="daftar cadangan, terbaru dulu")
    r = sub.add_parser("restore", help="pulihkan gudang data dari berkas cadangan (atomik)")
    r.add_argument("snapshot", metavar="BERKAS", help="berkas cadangan (.duckdb)")
    sub.add_parser("check", help="periksa keutuhan gudang data")


def run(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    """Exit 0 done, 1 failed (message on stderr, Bahasa Indonesia)."""
    try:
        if args.cmd == "backup":
            snap = backup.snapshot(con, "manual")
            print(f"Cadangan dibuat: {snap.path}" if snap else "Gudang data di memori: tidak ada.")
            return EXIT_OK
        if args.cmd == "backups":
            db = backup.db_file(con)
            for s in backup.list_snapshots(db) if db else []:
                print(f"{s.taken_at:%d-%m-%Y %H:%M:%S}  {s.reason:<28} {s.path}")
            return EXIT_OK
        if args.cmd == "restore":
            kept = backup.restore(con, args.snapshot)
            found = integrity.problems(con)
            print(f"Gudang data dipulihkan dari {args.snapshot}.")
            if kept:
                print(f"Isi sebelum pemulihan disimpan sebagai {kept.path}.")
            if found:
                print(
                    "Peringatan: cadangan ini pun tidak utuh:\n" + "\n".join(found), file=sys.stderr
                )
                return EXIT_FAILED
            return EXIT_OK
        found = integrity.problems(con)
        print("Gudang data utuh." if not found else "\n".join(found))
        return EXIT_OK if not found else EXIT_FAILED
    except backup.BackupError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
