"""Load parsed exports into the warehouse: one file = one transaction.

Every good row becomes a post_observation of this load; posts is then recomputed, per post_key,
from the live observations (loads with status 'loaded'): each field from the best observation
that has it, platform exports before hand-kept logbooks, then newest export date (observed_at:
loads.exported_at, see etl/export_date.py, else load time), then the larger metric total (a
re-export of the same period), then newest load. With no logbook involved that is simply the
newest observation. Keeping every observation is what makes undo exact and lets the newest
export's metrics win.

Natural key (post_key): platform + native id, else platform + normalized permalink, else a sha1 of
(opd_id, platform, publish minute, NFKC caption) for logbook rows without a link. A row whose id
or link was already seen in a live load takes that post's key (table post_link, migration 010), so
a logbook link and the export row of the same post are one post.

Many files and folders at once (parsed ahead, labelled once): etl.load_folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.columns import DRY_RUN_LOAD_ID, LABEL_COLUMNS, METRICS, OBS_COLUMNS, now_wib
from etl.errors import describe
from etl.export_date import export_date
from etl.keys import add_post_keys
from etl.load_batch import Batch
from etl.load_batch_file import load_in_batch
from etl.load_report import JSON_KEYS, LoadReport
from etl.matching import OpdNotFound
from etl.prepare import prepare
from etl.schema import FileRejected, NotAPostExport, ParsedTable
from etl.undo import UndoError, history, undo_load
from etl.write import already_loaded, insert_load_row, record_failure, write_prepared

__all__ = [
    "DRY_RUN_LOAD_ID", "JSON_KEYS", "LABEL_COLUMNS", "METRICS", "OBS_COLUMNS", "LoadReport",
    "Parsed", "UndoError", "add_post_keys", "history", "load_file", "load_tables",
    "parse_bytes", "prepare", "undo_load", "write_prepared",
]  # fmt: skip


def load_tables(
    con: duckdb.DuckDBPyConnection,
    tables: list[ParsedTable],
    *,
    file_name: str,
    sha256: str,
    file_path: str | None = None,
    opd: str | None = None,
    loaded_by: str | None = None,
    dry_run: bool = False,
    labels: set[int] | None = None,
    known_new: bool = False,
    batch: Batch | None = None,
) -> LoadReport:
    """Load already parsed tables of one file (load_file after parsing; tests use it directly).

    labels: a folder load's set of loads still to label (see label_batch); when given, this
    file's posts are labelled with the batch, and its loads join the set once it committed;
    known_new: the caller has just found no live load of these bytes (not asked again);
    batch: a folder load's open batch (etl.load_batch): no transaction of its own; a file
    refused before writing gets its loads row in the batch; any other error raises
    BatchBroken (the caller rolls the batch back and loads its files one by one)."""
    load_time = now_wib()
    previous = None if known_new else already_loaded(con, sha256, file_name)
    if previous is not None:
        report = LoadReport(file=file_name, status="skipped", load_id=None)
        report.error = (
            f"Berkas ini sudah dimuat pada muatan #{previous}; tidak ada yang ditambahkan."
        )
        if not dry_run:
            report.load_id = insert_load_row(
                con,
                file_name=file_name,
                file_path=file_path,
                sha256=sha256,
                status="skipped",
                loaded_by=loaded_by,
                loaded_at=load_time,
                message=report.error,
            )
        return report

    # A dry run does the real load and rolls it back: the preview is exactly what a load does.
    report = LoadReport(file=file_name)
    if batch is not None and not dry_run:
        return load_in_batch(
            con, tables, batch, file_name=file_name, sha256=sha256, file_path=file_path,
            opd=opd, loaded_by=loaded_by, load_time=load_time,
        )  # fmt: skip
    con.execute("BEGIN TRANSACTION")
    try:
        prep = prepare(
            con, tables, file_name=file_name, sha256=sha256, file_path=file_path, opd=opd,
            load_time=load_time,
        )  # fmt: skip
        report = prep.report
        blocked = report.status in ("failed", "needs_review")
        if blocked and not dry_run:
            # Too many rows rejected: nothing is written; the loads row keeps the report.
            con.execute("ROLLBACK")
            report.load_id = insert_load_row(
                con, file_name=file_name, file_path=file_path, sha256=sha256,
                status=report.status, loaded_by=loaded_by, loaded_at=load_time,
                message=report.error, prep=prep,
            )  # fmt: skip
            return report
        todo: set[int] | None = set() if labels is not None and not dry_run else None
        report.load_id = write_prepared(
            con, prep, loaded_by=loaded_by, load_time=load_time, dry_run=dry_run,
            defer_labels=todo,
        )  # fmt: skip
        con.execute("ROLLBACK" if dry_run else "COMMIT")
        if labels is not None and todo:
            labels.update(todo)  # only a committed load's posts are labelled with the batch
    except Exception as exc:
        _rollback(con)
        known = isinstance(exc, (FileRejected, OpdNotFound))
        report.error = (
            str(exc) if known else f"Berkas {file_name}: kesalahan tak terduga: {describe(exc)}"
        )
        report.status = "failed"
        report.load_id = None
        if not dry_run:
            record_failure(
                con, report=report, sha256=sha256, file_path=file_path, loaded_by=loaded_by,
                load_time=load_time,
            )  # fmt: skip
        return report
    if dry_run:
        report.load_id = None
    if not blocked:
        report.status = "loaded"
    return report


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK when a transaction is still open. A COMMIT that failed on a write conflict has
    already ended it: a second ROLLBACK would raise "no transaction is active" and hide the
    conflict, with no loads row written."""
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException as exc:
        if "no transaction is active" not in str(exc):
            raise


def load_file(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    opd: str | None = None,
    column_map: Mapping[str, str] | None = None,
    format_hint: str | None = None,
    date_order: str | None = None,
    loaded_by: str | None = None,
    data: bytes | None = None,
    file_name: str | None = None,
    dry_run: bool = False,
    optional: bool = False,
    parsed: Parsed | None = None,
    labels: set[int] | None = None,
    batch: Batch | None = None,
    known_new: str | None = None,
) -> LoadReport:
    """Parse and load one file (path, or bytes from the upload page with file_name).

    parsed: this file's parse_bytes result made ahead (load_paths parses the next file while
    this one is written); used only when its bytes are this file's.
    labels: see load_tables (load_paths labels a folder's posts once, at the end).
    batch: see load_tables (load_paths writes several files in one transaction).
    known_new: the sha256 the caller found not loaded, with no load of these bytes since;
    when it is this file's, "already loaded?" is not asked again.

    optional: a text file found in a folder; when it is not a post export at all it is
    reported as skipped (status 'skipped'), not failed. A recognised companion export with no
    posts (schema.NotAPostExport: daily metrics, Overview, Totals, Chart data) is always skipped
    with its reason: nothing in it is lost, and a folder load of real exports exits 0.
    """
    path = Path(path)
    name = file_name or path.name
    file_path = None if data is not None else str(path)
    try:
        raw = data if data is not None else path.read_bytes()
    except OSError as exc:
        return LoadReport(
            file=name, status="failed", error=f"Berkas {name} tidak dapat dibaca: {exc.strerror}"
        )
    sha256 = hashlib.sha256(raw).hexdigest()
    if known_new != sha256 and already_loaded(con, sha256, name) is not None:
        return load_tables(
            con, [], file_name=name, sha256=sha256, file_path=file_path, opd=opd,
            loaded_by=loaded_by, dry_run=dry_run,
        )  # fmt: skip
    if parsed is None or parsed.sha256 != sha256:
        parsed = parse_bytes(
            path, raw, name=name, file_path=file_path, column_map=column_map,
            format_hint=format_hint, date_order=date_order,
        )  # fmt: skip
    exported, tables, problem = parsed.exported, parsed.tables, parsed.error
    if problem is not None:  # a parser bug must not stop a folder load: this file fails
        msg = (
            str(problem)
            if isinstance(problem, FileRejected)
            else (f"Berkas {name}: kesalahan tak terduga saat membaca berkas: {describe(problem)}")
        )
        companion = isinstance(problem, NotAPostExport)
        if companion or (optional and isinstance(problem, FileRejected)):
            report = LoadReport(
                file=name,
                status="skipped",
                error=str(problem)
                if companion
                else f"Berkas '{name}' bukan ekspor postingan yang dikenali: dilewati. ({problem})",
            )
            if not dry_run:
                report.load_id = insert_load_row(
                    con, file_name=name, file_path=file_path, sha256=sha256, status="skipped",
                    loaded_by=loaded_by, loaded_at=now_wib(), message=report.error,
                )  # fmt: skip
            return report
        report = LoadReport(file=name, status="failed", error=msg)
        if not dry_run:
            record_failure(
                con, report=report, sha256=sha256, file_path=file_path, loaded_by=loaded_by,
                load_time=now_wib(),
            )  # fmt: skip
        return report
    for t in tables:
        if t.exported_at is None:
            t.exported_at = exported
    return load_tables(
        con, tables, file_name=name, sha256=sha256, file_path=file_path, opd=opd,
        loaded_by=loaded_by, dry_run=dry_run, labels=labels, known_new=True, batch=batch,
    )  # fmt: skip


@dataclass
class Parsed:
    """One file parsed (or failed to parse) without the warehouse: see parse_bytes."""

    sha256: str
    exported: dt.datetime | None
    tables: list[ParsedTable]
    error: Exception | None


def parse_bytes(
    path: Path,
    raw: bytes,
    *,
    name: str,
    file_path: str | None,
    column_map: Mapping[str, str] | None = None,
    format_hint: str | None = None,
    date_order: str | None = None,
) -> Parsed:
    """Export date and parsed tables of one file's bytes, in the bounded child process
    (etl.sandbox); an exception is returned, not raised, for load_file to report."""
    from etl.sandbox import parse_file  # bounded child process

    sha256 = hashlib.sha256(raw).hexdigest()
    # The export date decides which export's lifetime metrics win (not the load order), and is
    # evidence for the dates inside the file (order, year of a day-month date, plausibility).
    exported = export_date(raw, name, file_path)
    try:
        tables = parse_file(
            path, data=raw, file_name=name, column_map=dict(column_map) if column_map else None,
            format_hint=format_hint, date_order=date_order, exported_at=exported,
            folder=path.parent.name if file_path else None,
        )  # fmt: skip
    except Exception as exc:
        return Parsed(sha256, exported, [], exc)
    return Parsed(sha256, exported, tables, None)
