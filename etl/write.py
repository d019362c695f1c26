"""Writing one prepared file in the caller's transaction: the loads row, observations,
rejects, post links; then posts recomputed and labelled."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import duckdb
import polars as pl

from etl import coverage, recompute
from etl.columns import DRY_RUN_LOAD_ID, OBS_COLUMNS
from etl.export_date import account_id_from_name, period_from_name
from etl.load_report import LoadReport
from etl.prepare import Prepared
from etl.schema import REJECT_SCHEMA

if TYPE_CHECKING:
    from etl.load_batch import Batch


def already_loaded(
    con: duckdb.DuckDBPyConnection, sha256: str, file_name: str | None = None
) -> int | None:
    """The live load of the same bytes, else None. Identical bytes under a name declaring another
    period (two header-only exports of different quarters) or another account (Meta names end in
    the page's id: two OPDs' empty exports of one month are byte-identical) are another export:
    its period and account are the data (etl/coverage.py). A browser's copy suffix (`(1)`)
    keeps the same account id, so a re-upload is still recognised."""
    rows = con.execute(
        "SELECT load_id, file_name FROM loads WHERE sha256 = ? AND status = 'loaded'"
        " ORDER BY load_id",
        [sha256],
    ).fetchall()
    wanted = (period_from_name(file_name), account_id_from_name(file_name)) if file_name else None
    for load_id, name in rows:
        if file_name is None or (period_from_name(name), account_id_from_name(name)) == wanted:
            return int(load_id)
    return None


def insert_load_row(
    con: duckdb.DuckDBPyConnection,
    *,
    file_name: str,
    file_path: str | None,
    sha256: str,
    status: str,
    loaded_by: str | None,
    loaded_at: dt.datetime,
    message: str | None,
    prep: Prepared | None = None,
    load_id: int | None = None,
    report: LoadReport | None = None,
) -> int:
    r = prep.report if prep else report
    # An explicit id (dry runs) leaves the sequence alone: no gaps in the numbers users see.
    id_col, id_val = ("load_id, ", f"{int(load_id)}, ") if load_id is not None else ("", "")
    row = con.execute(
        f"INSERT INTO loads ({id_col}file_name, file_path, sha256, format, platform, opd_id,"
        " period_start, period_end, exported_at, rows_read, n_new, n_updated, n_duplicate,"
        " n_rejected, loaded_by, loaded_at, status, message, report, declared_start,"
        " declared_end, declared_source)"
        f" VALUES ({id_val}?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING load_id",
        [
            file_name,
            file_path,
            sha256,
            ", ".join(prep.formats) if prep and prep.formats else None,
            prep.platform if prep else None,
            prep.opd_id if prep else None,
            r.period_start if r else None,
            r.period_end if r else None,
            prep.exported_at if prep else None,
            r.rows_read if r else 0,
            r.new if r else 0,
            r.updated if r else 0,
            r.duplicate if r else 0,
            r.rejected if r else 0,
            loaded_by,
            loaded_at,
            status,
            message,
            r.stored() if r else None,
            r.declared_start if r else None,
            r.declared_end if r else None,
            r.declared_source if r else None,
        ],
    ).fetchall()[0]
    assert row is not None
    return int(row[0])


def write_prepared(
    con: duckdb.DuckDBPyConnection,
    prep: Prepared,
    *,
    loaded_by: str | None,
    load_time: dt.datetime,
    dry_run: bool = False,
    defer_labels: set[int] | None = None,
    batch: Batch | None = None,
) -> int:
    """Write one prepared file in the caller's open transaction. Returns the load id.

    defer_labels: when given, the loads whose posts need labels are added to it instead of
    being labelled here (a folder load labels them once for the batch: recompute.label);
    batch: a folder load's batch (etl.load_batch): here only the loads row, rejects and post
    links are written (the next file's keys read the links); the observations, posts, per-day
    counts, coverage rows and the report's counts of all its files are written at its COMMIT
    (Batch.commit), with the same results as file by file."""
    r = prep.report
    message = "; ".join(r.notes) or None
    load_id = insert_load_row(
        con,
        file_name=r.file,
        file_path=prep.file_path,
        sha256=prep.sha256,
        status="loaded",
        loaded_by=loaded_by,
        loaded_at=load_time,
        message=message,
        prep=prep,
        load_id=DRY_RUN_LOAD_ID if dry_run else None,
    )
    assert prep.obs is not None and prep.rejects is not None
    if batch is None:
        insert_observations(con, prep.obs.with_columns(load_id=pl.lit(load_id, pl.Int64)))
    if prep.rejects.height:
        rej = prep.rejects.with_columns(file_name=pl.lit(r.file))
        con.register("_rej", rej)
        try:
            con.execute(
                "INSERT INTO rejects (load_id, file_name, sheet, row_number, column_name, value,"
                " reason) SELECT ?, file_name, sheet, row_number, column_name, value, reason"
                " FROM _rej",
                [load_id],
            )
        finally:
            con.unregister("_rej")
    if prep.links is not None and prep.links.height:
        con.register("_links", prep.links)
        try:
            con.execute(
                "INSERT INTO post_link (load_id, post_key, link_key, link_hash)"
                " SELECT ?, post_key, link_key, md5_number_lower(link_key) FROM _links",
                [load_id],
            )
        finally:
            con.unregister("_links")
    if batch is not None:  # nothing a later file of the batch reads
        batch.add_file(prep, load_id)
        return load_id
    if prep.coverage is not None:
        coverage.write(con, load_id, prep.coverage)
    before = recompute.old_posts(con, prep.obs)
    # Labelled in this transaction: the posts are inserted labelled (recompute_posts adds
    # to_label's loads to todo). A folder load labels in passes of its own after its files
    # commit (etl.label_passes: a conflict there leaves the posts unlabelled, to be labelled
    # by the next load, with their campaign links): its posts are inserted bare.
    todo: set[int] | None = {load_id} if defer_labels is None else None
    fresh = recompute.recompute_posts(con, prep.obs, before, labels=todo)
    recompute.count_changes(prep, before, fresh)
    con.execute(
        "UPDATE loads SET n_new = ?, n_updated = ?, n_duplicate = ?, report = ? WHERE load_id = ?",
        [r.new, r.updated, r.duplicate, r.stored(), load_id],
    )
    if todo is not None:
        recompute.label(con, todo)
    else:
        assert defer_labels is not None
        defer_labels.update(to_label(load_id, fresh))
    return load_id


def to_label(load_id: int, fresh: pl.DataFrame) -> set[int]:
    """The loads whose posts need labels after a load wrote `fresh`: this load's posts, plus
    any post whose text changed while an older load stays its newest observation (a logbook
    caption filling an export without one): those lost their labels."""
    unlabelled = fresh.filter(pl.col("content_type").is_null()).get_column("load_id").unique()
    return {load_id, *unlabelled.to_list()}


def insert_observations(con: duckdb.DuckDBPyConnection, obs: pl.DataFrame) -> None:
    """Insert post_observation rows: OBS_COLUMNS and load_id (one file's, or a batch's)."""
    con.register("_obs", obs)
    try:
        cols = ", ".join(OBS_COLUMNS)
        con.execute(
            f"INSERT INTO post_observation (load_id, {cols}, key_hash)"
            f" SELECT load_id, {cols}, md5_number_lower(post_key) FROM _obs"
        )
    finally:
        con.unregister("_obs")


def record_failure(
    con: duckdb.DuckDBPyConnection,
    *,
    report: LoadReport,
    sha256: str,
    file_path: str | None,
    loaded_by: str | None,
    load_time: dt.datetime,
) -> None:
    report.status = "failed"
    report.new = report.updated = report.duplicate = 0
    # Nothing of a failed file is kept: no rejects or preview to show beside the error.
    report.rejects = pl.DataFrame(schema=REJECT_SCHEMA)
    report.rejected = 0
    report.preview = None
    report.load_id = insert_load_row(
        con,
        file_name=report.file,
        file_path=file_path,
        sha256=sha256,
        status="failed",
        loaded_by=loaded_by,
        loaded_at=load_time,
        message=report.error,
        report=report,
    )
