"""Preparing one file for the warehouse, without writing: combine the parsed tables, drop rows
the loader cannot store, tie rows to OPDs and accounts, key them, and resolve in-file duplicates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import polars as pl

from etl import coverage, name_id
from etl.columns import OBS_COLUMNS, now_wib
from etl.dedupe import resolve_in_file
from etl.export_date import period_from_name
from etl.keys import add_post_keys, adopt_known_keys
from etl.load_report import LoadReport
from etl.matching import resolve_posts
from etl.opd_index import for_load
from etl.schema import PLATFORMS, POST_SCHEMA, REJECT_SCHEMA, ParsedTable
from etl.shared_place import shared_refusal
from etl.unregistered import refuse_dropped_export, refuse_unregistered_export
from warehouse import settings


@dataclass
class Prepared:
    report: LoadReport
    sha256: str
    file_path: str | None
    obs: pl.DataFrame | None = None  # OBS_COLUMNS, one row per post_key
    rejects: pl.DataFrame | None = None
    formats: list[str] = field(default_factory=list)
    platform: str | None = None
    opd_id: int | None = None
    exported_at: dt.datetime | None = None
    links: pl.DataFrame | None = None  # post_key, link_key
    within_dupes: int = 0
    opd_names: dict[int, str] = field(default_factory=dict)
    coverage: pl.DataFrame | None = None  # etl.coverage.COVERAGE_SCHEMA


def _combine(
    tables: list[ParsedTable], load_time: dt.datetime
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every table's posts in POST_SCHEMA plus observed_at (the table's platform, handle and
    sheet fill its empty cells), and its rejects in REJECT_SCHEMA: one select per table (a
    table without rejects adds none)."""
    posts, rejects = [], []
    for t in tables:
        have = set(t.posts.columns)
        fill = {"platform": t.platform, "account_handle": t.account_handle, "source_sheet": t.sheet}
        exprs = []
        for c, dtype in POST_SCHEMA.items():
            e = (pl.col(c) if c in have else pl.lit(None)).cast(dtype)
            if c in fill:
                e = pl.coalesce(e, pl.lit(fill[c], pl.String))
            exprs.append(e.alias(c))
        exprs.append(pl.lit(t.exported_at or load_time, pl.Datetime("us")).alias("observed_at"))
        posts.append(t.posts.select(exprs))
        if t.rejects.height:
            rejects.append(
                t.rejects.select(
                    [
                        pl.coalesce(pl.col(c).cast(dtype), pl.lit(t.sheet, pl.String)).alias(c)
                        if c == "sheet"
                        else pl.col(c).cast(dtype)
                        for c, dtype in REJECT_SCHEMA.items()
                    ]
                )
            )
    schema = {**POST_SCHEMA, "observed_at": pl.Datetime("us")}
    all_posts = pl.concat(posts) if posts else pl.DataFrame(schema=schema)
    all_rej = pl.concat(rejects) if rejects else pl.DataFrame(schema=REJECT_SCHEMA)
    return all_posts, all_rej


def _invalid_rows(df: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Rows the loader cannot store (no date, unknown platform): rejects, not crashes."""
    no_date = pl.col("published_at").is_null()
    bad_platform = pl.col("platform").is_null() | ~pl.col("platform").is_in(list(PLATFORMS))
    if not df.select((no_date | bad_platform).any()).item():  # most files: every row fits
        return df, pl.DataFrame(schema=REJECT_SCHEMA)
    bad = df.filter(no_date | bad_platform)
    rej = bad.select(
        sheet=pl.col("source_sheet"),
        row_number=pl.col("source_row"),
        column_name=pl.when(no_date).then(pl.lit("Tanggal")).otherwise(pl.lit("Platform")),
        value=pl.when(no_date).then(pl.lit(None, pl.String)).otherwise(pl.col("platform")),
        reason=pl.when(no_date)
        .then(pl.lit("Tanggal unggah kosong atau tidak terbaca"))
        .otherwise(pl.lit("Platform tidak dikenal")),
    )
    return df.filter(~(no_date | bad_platform)), rej


def prepare(
    con: duckdb.DuckDBPyConnection,
    tables: list[ParsedTable],
    *,
    file_name: str,
    sha256: str,
    file_path: str | None = None,
    opd: str | None = None,
    load_time: dt.datetime | None = None,
    seen: set[str] | None = None,
) -> Prepared:
    """Everything a load needs, computed without writing: keys, OPDs, rejects, counts. seen:
    the link keys post_link holds, when the caller keeps them (etl.keys.adopt_known_keys)."""
    load_time = load_time or now_wib()
    report = LoadReport(file=file_name)
    prep = Prepared(report=report, sha256=sha256, file_path=file_path)
    prep.formats = list(dict.fromkeys(t.format for t in tables))
    report.format = ", ".join(prep.formats) or None
    for t in tables:
        report.notes.extend(t.notes)
        report.assumptions.extend(a for a in t.assumptions if a not in report.assumptions)
    declared = [t for t in tables if t.period is not None]
    if declared:
        report.declared_start = min(t.period[0] for t in declared)  # type: ignore[index]
        report.declared_end = max(t.period[1] for t in declared)  # type: ignore[index]
        report.declared_source = "; ".join(dict.fromkeys(t.period_source or "" for t in declared))
    exported = [t.exported_at for t in tables if t.exported_at is not None]
    prep.exported_at = max(exported) if exported else None

    posts, parser_rejects = _combine(tables, load_time)
    report.rows_read = posts.height + parser_rejects.select("sheet", "row_number").unique().height
    posts, invalid = _invalid_rows(posts)

    index = for_load(con)
    titles = [(t.sheet, n, text) for t in tables for n, text in t.title_rows]
    res = resolve_posts(
        index, posts, opd=opd, path=file_path or file_name, file_name=file_name, titles=titles
    )
    refuse_dropped_export(con, res.posts, prep.formats, file_name)
    refuse_unregistered_export(res.posts, index.accounts, index.names, prep.formats, file_name)
    report.notes.extend(res.notes)
    report.assumptions.extend(res.assumptions)
    prep.opd_id = res.file_opd_id
    report.opd = index.names.get(res.file_opd_id) if res.file_opd_id is not None else None
    if res.file_opd_id is None and res.posts.height:
        n = res.posts.get_column("opd_id").n_unique()
        report.opd = f"{n} OPD"

    good = adopt_known_keys(con, add_post_keys(res.posts), seen)
    deduped, dupe_lines = resolve_in_file(good)
    within_dupes = good.height - deduped.height
    report.assumptions.extend(dupe_lines)
    obs = deduped.select(list(OBS_COLUMNS))
    prep.obs = obs
    prep.links = (
        good.select("post_key", link_key=pl.concat_list("native_key", "url_key"))
        .explode("link_key")
        .drop_nulls("link_key")
        .unique(maintain_order=True)
    )

    rejects = pl.concat([parser_rejects, invalid.cast(pl.Schema(REJECT_SCHEMA)), res.rejects])
    prep.rejects = rejects
    report.rejects = rejects
    report.rejected = rejects.height

    if obs.height == 0 and not rejects.height:
        report.notes.append("Berkas tidak berisi baris postingan.")
    platforms = obs.get_column("platform").unique().to_list()
    prep.platform = platforms[0] if len(platforms) == 1 else None
    if obs.height:
        report.period_start = obs.get_column("published_at").min().date()  # type: ignore[union-attr]
        report.period_end = obs.get_column("published_at").max().date()  # type: ignore[union-attr]

    prep.within_dupes = within_dupes
    prep.opd_names = dict(index.names)
    file_opd, file_account, unplaced_why = res.file_opd_id, None, ""
    if obs.height == 0 and not rejects.height:
        file_opd, file_account, unplaced_why = name_id.place_empty_export(
            con, tables, file_name=file_name, file_opd_id=res.file_opd_id, report=report
        )
        prep.opd_id = file_opd
        report.opd = index.names.get(file_opd) if file_opd is not None else None
    prep.coverage, cov_notes = coverage.derive(
        tables, obs, file_name=file_name, file_path=file_path, file_opd_id=file_opd,
        exported_at=prep.exported_at, file_account_id=file_account,
    )  # fmt: skip
    report.notes.extend(cov_notes)
    judge_status(report, posts=good.height)
    if report.status == "loaded" and obs.height == 0 and not rejects.height:
        no_coverage = prep.coverage is None or prep.coverage.height == 0
        if no_coverage:
            # A file without a post whose owner or period is unknown records nothing: loaded,
            # it would read as sent while the month stays "no data", and block a reload with
            # the OPD chosen ("sudah dimuat").
            report.status = "needs_review"
            report.error = _unplaced_empty_file(report, file_name, unplaced_why) + (
                shared_refusal(index, [file_path or file_name, *(t[2] for t in titles)])
            )
    return prep


def judge_status(report: LoadReport, *, posts: int) -> None:
    """'failed' when rows were read but none can load; 'needs_review' when the rejected share of
    post rows exceeds settings.REVIEW_REJECT_SHARE. Either way nothing is written."""
    rejected = report.rejected
    if rejected and posts == 0:
        report.status = "failed"
        report.error = (
            f"Berkas {report.file}: tidak ada baris yang dapat dimuat ({rejected} baris ditolak). "
            "Tidak ada yang disimpan; perbaiki baris yang ditolak lalu unggah lagi."
        )
    elif rejected and rejected / (rejected + posts) > settings.REVIEW_REJECT_SHARE:
        report.status = "needs_review"
        share = round(100 * settings.REVIEW_REJECT_SHARE)
        report.error = (
            f"Berkas {report.file}: {rejected} dari {rejected + posts} baris ditolak (lebih dari "
            f"{share}%): perlu diperiksa, tidak ada yang disimpan. Perbaiki baris yang ditolak "
            "(daftar di bawah) lalu unggah lagi."
        )


def _unplaced_empty_file(report: LoadReport, file_name: str, name_why: str = "") -> str:
    """Why a header-only file nothing places is refused, naming what it lacks: its OPD (and,
    for a Meta export, why the id in its name placed nothing: etl.name_id) and its period only
    when neither its name nor its sheets give one."""
    span = period_from_name(file_name)
    if span is None and report.declared_start and report.declared_end:
        span = (report.declared_start, report.declared_end)
    if span is None:
        lacks, fix = "akun, OPD atau periodenya", " dan periode pada nama berkas"
    else:
        days = " s.d. ".join(d.strftime("%d-%m-%Y") for d in span)
        lacks = f"akun atau OPD-nya (periodenya terbaca: {days})"
        fix = f" ({name_why})" if name_why else ""
    return (
        f"Berkas {report.file}: tidak berisi postingan (hanya judul kolom) dan tidak menyebut "
        f"{lacks}, jadi tidak dapat dicatat sebagai 0 postingan. Tidak ada yang disimpan. Muat "
        'lagi dengan memilih OPD-nya (CLI: --opd "Nama OPD"; halaman Unggah: pilih OPD)'
        f"{fix}."
    )
