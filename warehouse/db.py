"""Connecting to the warehouse and running named SQL files with bound parameters."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from warehouse import settings

SQL_DIR = Path(__file__).resolve().parent / "sql"


def connect(
    path: str | Path | None = None, *, read_only: bool = False, migrate: bool = True
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file (":memory:" works too) and bring its schema up to date."""
    target = ":memory:" if str(path) == ":memory:" else str(settings.db_path(path))
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(target, read_only=read_only)
    con.execute("SET TimeZone = 'Asia/Jakarta'")
    if migrate and not read_only:
        from warehouse.migrations import migrate as run_migrations

        run_migrations(con)
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
