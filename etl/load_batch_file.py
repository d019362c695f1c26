"""One file's load inside a folder load's open batch (etl.load_batch): the outcomes of
etl.load.load_tables without a transaction of its own."""

from __future__ import annotations

import datetime as dt

import duckdb

from etl.load_batch import Batch, BatchBroken
from etl.load_report import LoadReport
from etl.matching import OpdNotFound
from etl.prepare import prepare
from etl.schema import FileRejected, ParsedTable
from etl.write import insert_load_row, record_failure, write_prepared


def load_in_batch(
    con: duckdb.DuckDBPyConnection,
    tables: list[ParsedTable],
    batch: Batch,
    *,
    file_name: str,
    sha256: str,
    file_path: str | None,
    opd: str | None,
    loaded_by: str | None,
    load_time: dt.datetime,
) -> LoadReport:
    """etl.load.load_tables inside a folder load's batch: the same outcomes, without a transaction of
    its own. prepare() only reads, so a file it refuses has written nothing."""
    try:
        prep = prepare(
            con, tables, file_name=file_name, sha256=sha256, file_path=file_path, opd=opd,
            load_time=load_time, seen=batch.links,
        )  # fmt: skip
    except (FileRejected, OpdNotFound) as exc:
        report = LoadReport(file=file_name, status="failed", error=str(exc), load_id=None)
        record_failure(
            con, report=report, sha256=sha256, file_path=file_path, loaded_by=loaded_by,
            load_time=load_time,
        )  # fmt: skip
        batch.files += 1
        return report
    except Exception as exc:
        raise BatchBroken(file_name) from exc
    report = prep.report
    batch.files += 1
    try:
        if report.status in ("failed", "needs_review"):
            report.load_id = insert_load_row(
                con, file_name=file_name, file_path=file_path, sha256=sha256,
                status=report.status, loaded_by=loaded_by, loaded_at=load_time,
                message=report.error, prep=prep,
            )  # fmt: skip
            return report
        report.load_id = write_prepared(
            con, prep, loaded_by=loaded_by, load_time=load_time, defer_labels=batch.labels,
            batch=batch,
        )  # fmt: skip
    except Exception as exc:
        raise BatchBroken(file_name) from exc
    report.status = "loaded"
    return report
