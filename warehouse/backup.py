"""Snapshots of the warehouse: before every destructive operation, on a schedule, by hand;
restore from one in a single transaction.

A snapshot is a whole DuckDB file `<folder>/<stem>-<YYYYmmdd-HHMMSS-micros>-<reason>.duckdb`, written by
DuckDB's COPY FROM DATABASE on the open connection (so it works while the app holds the file)
into a temporary name, then renamed: a crash never leaves a half snapshot under a real name.
The newest `keep` snapshots are kept (PANTAU_BACKUP_KEEP, default 10); scheduled ones every
PANTAU_BACKUP_HOURS (default 24, 0 = off). Folder: PANTAU_BACKUP_DIR, else `backups/` beside
the warehouse file. An in-memory warehouse has nothing to snapshot.

Restore replaces every table's rows with the snapshot's inside one transaction (a kill midway
leaves the warehouse as it was) after snapshotting the current state; sequences only move
forward, so no id is ever handed out twice.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import coverage_days, day_counts

REASONS = {
    "manual": "manual",
    "schedule": "terjadwal",
    "undo": "sebelum-batal-muat",
    "master": "sebelum-ganti-daftar-akun",
    "relabel": "sebelum-label-ulang",
    "restore": "sebelum-pulihkan",
}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<ts>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z-]+)\.duckdb$")


class BackupError(Exception):
    """A snapshot cannot be made or restored. Bahasa Indonesia message."""


@dataclass(frozen=True)
class Snapshot:
    path: Path
    taken_at: dt.datetime  # local (server) time, from the file name
    reason: str  # one of REASONS' values


def db_file(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The file of the connection's current database; None in memory."""
    row = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()[0]
    return Path(row[0]) if row and row[0] else None


def folder_for(db: Path) -> Path:
    env = os.environ.get("PANTAU_BACKUP_DIR")
    return Path(env) if env else db.parent / "backups"


def _keep() -> int:
    try:
        return max(1, int(os.environ.get("PANTAU_BACKUP_KEEP", "10")))
    except ValueError:
        return 10


def list_snapshots(db: Path) -> list[Snapshot]:
    """Snapshots of warehouse file `db`, newest first."""
    folder = folder_for(db)
    out = []
    for p in folder.glob(f"{db.stem}-*.duckdb") if folder.is_dir() else []:
        m = _NAME.match(p.name)
        if not m or m.group("stem") != db.stem:
            continue
        ts = dt.datetime.strptime(m.group("ts"), "%Y%m%d-%H%M%S-%f")
        out.append(Snapshot(p, ts, m.group("reason")))
    return sorted(out, key=lambda s: (s.taken_at, s.path.name), reverse=True)


def snapshot(con: duckdb.DuckDBPyConnection, reason: str = "manual") -> Snapshot | None:
    """Copy the whole warehouse to a new snapshot file; prune to the newest `keep`.

    reason: a key of REASONS. Returns None for an in-memory warehouse. Raises BackupError."""
    db = db_file(con)
    if db is None:
        return None
    label = REASONS[reason]
    folder = folder_for(db)
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    newest = list_snapshots(db)
    if newest and newest[0].taken_at >= now:  # clock steps back or two in one microsecond
        now = newest[0].taken_at + dt.timedelta(microseconds=1)
    target = folder / f"{db.stem}-{now:%Y%m%d-%H%M%S-%f}-{label}.duckdb"
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    alias = "pantau_snapshot"
    try:
        con.execute(f"ATTACH '{_quote(tmp)}' AS {alias}")
        try:
            con.execute(f"COPY FROM DATABASE {_ident(con)} TO {alias}")
        finally:
            con.execute(f"DETACH {alias}")
        os.replace(tmp, target)
    except (duckdb.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(
            f"Cadangan gudang data tidak dapat dibuat di {folder}: {exc}. Periksa ruang disk "
            "dan izin tulis folder itu (atau atur PANTAU_BACKUP_DIR)."
        ) from exc
    for old in list_snapshots(db)[_keep() :]:
        old.path.unlink(missing_ok=True)
    return Snapshot(target, now, label)


def scheduled(con: duckdb.DuckDBPyConnection) -> Snapshot | None:
    """A scheduled snapshot when the newest one is older than PANTAU_BACKUP_HOURS and the
    warehouse holds data; None otherwise."""
    try:
        hours = float(os.environ.get("PANTAU_BACKUP_HOURS", "24"))
    except ValueError:
        hours = 24.0
    db = db_file(con)
    if db is None or hours <= 0:
        return None
    snaps = list_snapshots(db)
    if snaps and dt.datetime.now() - snaps[0].taken_at < dt.timedelta(hours=hours):
        return None
    has = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'loads'").fetchall()[
        0
    ]
    if not has or not has[0] or not con.execute("SELECT count(*) FROM loads").fetchall()[0][0]:
        return None
    return snapshot(con, "schedule")


def before(con: duckdb.DuckDBPyConnection, reason: str) -> Snapshot | None:
    """The automatic snapshot before a destructive operation (undo, master list, relabel,
    restore). Raises BackupError: the operation should not run without its snapshot."""
    return snapshot(con, reason)


# Access control, not data: a restore brings back the data of a snapshot, never its older
# accounts and passwords, and never takes back the audit trail (who restored is in it too).
# Nor the schema: the snapshot's rows are brought into this warehouse's tables, so the
# migrations already applied here stay recorded (a snapshot taken before a migration would
# otherwise make every later connect apply it again, on tables that have it).
KEPT_ON_RESTORE = frozenset({"app_user", "audit_log", "schema_migrations"})


def restore(con: duckdb.DuckDBPyConnection, source: str | os.PathLike[str]) -> Snapshot | None:
    """Replace the warehouse's content with snapshot `source`, atomically (accounts, the
    audit trail and the applied migrations stay as they are: KEPT_ON_RESTORE); the current state is snapshotted first
    (returned). Raises BackupError (file missing or not a snapshot of this
    warehouse: a table missing)."""
    src = Path(source)
    if not src.is_file():
        raise BackupError(f"Berkas cadangan {src} tidak ada.")
    alias = "pantau_restore"
    try:
        con.execute(f"ATTACH '{_quote(src)}' AS {alias} (READ_ONLY)")
    except duckdb.Error as exc:
        raise BackupError(
            f"Berkas {src.name} bukan cadangan gudang data yang dapat dibuka; gudang data tidak "
            "diubah."
        ) from exc
    try:
        mine = _tables(con, _dbname(con))
        theirs = set(_tables(con, alias))
        missing = [t for t in mine if t not in theirs and t != "schema_migrations"]
        if "loads" not in theirs or len(missing) > len(mine) // 2:
            raise BackupError(
                f"Berkas {src.name} bukan cadangan gudang data Pantau Medsos (tabel tidak cocok)."
            )
        current = before(con, "restore")
        con.execute("BEGIN TRANSACTION")
        try:
            for t in mine:
                if t not in theirs or t in KEPT_ON_RESTORE:
                    continue
                con.execute(f'DELETE FROM "{t}"')
                con.execute(f'INSERT INTO "{t}" BY NAME SELECT * FROM {alias}."{t}"')
            _advance_sequences(con, alias)
            # A snapshot from before a kept summary gained a column (migrations 160, 181, 310)
            # would leave that column empty, one from before a summary existed (370, 420) would
            # leave this warehouse's rows in it: those summaries are recounted from the posts.
            if any(_columns(con, alias, t) != _columns(con, _dbname(con), t) for t in _COUNTS):
                day_counts.recount(con)
            # Rows of a snapshot older than the keys' numbers (migrations 320, 360) get them.
            from warehouse.db import sql_text

            con.execute(sql_text("load/fill_key_numbers"))
            # The covered days follow the restored spans and accounts (an older snapshot may
            # not hold them at all).
            coverage_days.rebuild(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    except duckdb.Error as exc:
        raise BackupError(
            f"Pemulihan dari {src.name} gagal, gudang data tidak diubah: {exc}"
        ) from exc
    finally:
        con.execute(f"DETACH {alias}")
    return current


def _advance_sequences(con: duckdb.DuckDBPyConnection, alias: str) -> None:
    rows = con.execute(
        "SELECT s.sequence_name, b.last_value, s.last_value FROM duckdb_sequences() s"
        " JOIN duckdb_sequences() b ON b.sequence_name = s.sequence_name"
        " WHERE s.database_name = current_database() AND b.database_name = $alias",
        {"alias": alias},
    ).fetchall()
    for name, theirs, mine in rows:
        gap = (theirs or 0) - (mine or 0)
        if gap > 0:
            con.execute(f"SELECT max(nextval('\"{name}\"')) FROM range({int(gap)})")


def _tables(con: duckdb.DuckDBPyConnection, database: str) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = $db AND NOT internal"
            " ORDER BY table_name",
            {"db": database},
        ).fetchall()
    ]


# Summaries kept beside posts (warehouse.day_counts.recount recounts them all).
_COUNTS = (
    "post_day_count",
    "post_content_month",
    "post_content_day",
    "post_format_month",
    "post_top_month",
    "post_month_count",
)


def _columns(con: duckdb.DuckDBPyConnection, database: str, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = $db AND table_name = $t",
        {"db": database, "t": table},
    ).fetchall()
    return {r[0] for r in rows}


def _dbname(con: duckdb.DuckDBPyConnection) -> str:
    (name,) = con.execute("SELECT current_database()").fetchall()[0]
    return str(name)


def _ident(con: duckdb.DuckDBPyConnection) -> str:
    return '"' + _dbname(con).replace('"', '""') + '"'


def _quote(path: Path) -> str:
    # ATTACH takes no parameters; the path is ours (folder + generated name), quotes escaped.
    return str(path).replace("'", "''")


def content_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """table -> (row count, order-independent content hash): equal before and after a
    backup/restore round trip (tables KEPT_ON_RESTORE are not part of it)."""
    out = {}
    for t in _tables(con, _dbname(con)):
        if t in KEPT_ON_RESTORE:
            continue
        n, h = con.execute(f'SELECT count(*), coalesce(sum(hash(x)), 0) FROM "{t}" x').fetchall()[0]
        out[t] = (int(n), int(h))
    return out
