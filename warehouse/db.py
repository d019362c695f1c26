"""Connecting to the warehouse and running named SQL files with bound parameters."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from warehouse import settings

SQL_DIR = Path(__file__).resolve().parent / "sql"


class WarehouseLocked(Exception):
    """Another program holds the warehouse file open for writing. Bahasa Indonesia message."""


def connect(
    path: str | Path | None = None,
    *,
    read_only: bool = False,
    migrate: bool = True,
    check: bool = True,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file (":memory:" works too) and bring its schema up to date.

    Opening for writing after an unclean stop (a WAL file left behind) checkpoints the replayed
    WAL first, before anything else runs, then checks integrity (warehouse/integrity.py) unless
    check=False (only `restore` opens a failing warehouse, to replace its content); a scheduled
    snapshot is taken when one is due (warehouse/backup.py).

    Raises WarehouseLocked when another process (the app, or a CLI run) has the file open:
    DuckDB allows one writing process per file; integrity.WarehouseCorrupt (with restore steps)
    when the check fails."""
    target = ":memory:" if str(path) == ":memory:" else str(settings.db_path(path))
    unclean = False
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        wal = Path(target + ".wal")
        unclean = wal.is_file() and wal.stat().st_size > 0
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise
        holder = re.search(r"PID (\d+)", str(exc))
        raise WarehouseLocked(
            f"Gudang data {target} sedang dibuka oleh program lain"
            + (f" (PID {holder.group(1)})" if holder else "")
            + ", misalnya aplikasi Pantau Medsos atau perintah python -m etl yang masih berjalan."
            " Satu berkas gudang data hanya dapat ditulis oleh satu program: tutup program itu"
            " dulu, atau muat berkas lewat halaman Unggah Data di aplikasi."
        ) from exc
    if unclean and not read_only:
        # Workaround (docs/duckdb-wal-replay-visibility.md): make the replayed WAL durable in
        # the database file before any statement of ours runs on it.
        con.execute("CHECKPOINT")
    con.execute("SET TimeZone = 'Asia/Jakarta'")
    if target != ":memory:" and not read_only and check:
        from warehouse import integrity

        found = integrity.problems(con)
        if found:
            con.close()
            raise integrity.WarehouseCorrupt(integrity.refusal(target, found))
    if migrate and not read_only:
        from warehouse.migrations import migrate as run_migrations

        run_migrations(con)
        if target != ":memory:":
            from warehouse import backup

            try:
                backup.scheduled(con)
            except backup.BackupError as exc:  # a full disk must not stop the app: say so
                print(str(exc), file=sys.stderr)
    return con


@functools.cache
def sql_text(name: str) -> str:
    """The text of warehouse/sql/<name>.sql (name may contain a subfolder, e.g. 'q/activity')."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def query(
    con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> pl.DataFrame:
    """Run a named SQL file with $name parameters on its own cursor and return a polars frame.

    DuckDB 2.0: an execute() result must be fetched whole; .pl() is fetched whole.
    """
    cur = con.cursor()
    try:
        return cur.execute(sql_text(name), dict(params or {})).pl()
    finally:
        cur.close()


def run_sql(
    con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, Any] | list[Any] | None = None
) -> pl.DataFrame:
    """Run literal SQL (parameterized, never formatted with user input) and return a frame."""
    cur = con.cursor()
    try:
        return cur.execute(sql, params if params is not None else []).pl()
    finally:
        cur.close()
