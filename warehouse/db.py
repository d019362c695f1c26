"""Connecting to the warehouse and running named SQL files with bound parameters."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import duckdb

from warehouse import settings
from warehouse.migrations import migrate as run_migrations

SQL_DIR = settings.SQL_DIR


class WarehouseLocked(Exception):
    """Another program holds the warehouse file open for writing. Bahasa Indonesia message."""


def connect(
    path: str | Path | None = None, *, read_only: bool = False, migrate: bool = True
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file (":memory:" works too) and bring its schema up to date.

    Raises WarehouseLocked when another process (the app, or a CLI run) has the file open:
    DuckDB allows one writing process per file."""
    target = ":memory:" if str(path) == ":memory:" else str(settings.db_path(path))
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
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
    con.execute("SET TimeZone = 'Asia/Jakarta'")
    if migrate and not read_only:
        run_migrations(con)
    return con


@functools.cache
def sql_text(name: str) -> str:
    """The text of warehouse/sql/<name>.sql (name may contain a subfolder, e.g. 'q/activity')."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
