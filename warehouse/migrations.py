"""Ordered, recorded, transactional schema migrations.

Each file warehouse/sql/migrations/NNN_name.sql runs once, in its own transaction, and is
recorded in schema_migrations, so an older warehouse file upgrades itself on connect. Views in
warehouse/sql/views/ are (re)created after every migration run: they hold no data.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from warehouse import vocabulary
from warehouse.settings import SQL_DIR

MIGRATIONS_DIR = SQL_DIR / "migrations"
VIEWS_DIR = SQL_DIR / "views"
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
# The migration that creates post_content_day (empty: migrate fills it after the views).
_POST_CONTENT_DAY = 420


def available() -> list[tuple[int, str, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        m = _NAME.match(path.name)
        if not m:
            raise ValueError(f"Nama berkas migrasi tidak sah: {path.name}")
        found.append((int(m.group(1)), m.group(2), path))
    return found


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp())"
    )
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply pending migrations and recreate views. Returns the schema version.

    Pending = not recorded in schema_migrations, whatever its number: numbers are handed out per
    area, so a file numbered below one already applied (025 landing after 030) still runs."""
    version = current_version(con)
    applied = {int(r[0]) for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    pending = [(n, name, path) for n, name, path in available() if n not in applied]
    if not applied and pending:
        # A new warehouse: every migration and the views in one transaction, the same
        # statements in the same order with one commit instead of one per file and per view
        # (each a write to disk); a failure leaves nothing half-made.
        con.execute("BEGIN TRANSACTION")
        try:
            version = _apply(con, pending, version)
            create_views(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    else:
        for one in pending:
            con.execute("BEGIN TRANSACTION")
            try:
                version = _apply(con, [one], version)
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
        create_views(con)
    # post_content_day counts kinerja posts by content_type_label's flag: recounted whole in
    # the transaction that changes the flags, and filled here after migration 420 created it
    # (after the views: the fill reads the one definition, v_post_facts).
    from warehouse import label_counts

    # A warehouse that stops before migration 420 (an older release's schema, as the migration
    # tests build) has no post_content_day to keep.
    keeps_days = _POST_CONTENT_DAY in applied | {n for n, _, _ in pending}
    vocabulary.seed_lookup_tables(con, then=label_counts.recount_days if keeps_days else None)
    if any(n == _POST_CONTENT_DAY for n, _, _ in pending):
        con.execute("BEGIN TRANSACTION")
        try:
            label_counts.recount_days(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return version


def _apply(
    con: duckdb.DuckDBPyConnection, pending: list[tuple[int, str, Path]], version: int
) -> int:
    """Run and record each pending migration; the schema version after them."""
    for number, name, path in pending:
        con.execute(path.read_text(encoding="utf-8"))
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [number, name])
        version = max(version, number)
    return version


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    # Views may depend on each other: files are named so that sorted order is dependency order.
    for path in sorted(VIEWS_DIR.glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
