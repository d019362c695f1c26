"""A workbook's sheets read ahead, and built together when every one is a plain logbook sheet
sharing one header (etl.formats.logbook_book): the raw rows of every sheet in one frame, then
one ParsedTable per sheet, equal to etl.parse_table.build_table's sheet by sheet. etl.parse
falls back to the sheet-by-sheet loop whenever build_book returns None."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import polars as pl

from etl import text_grid
from etl.dates import DateEvidence
from etl.detect import detect
from etl.formats.logbook_book import SheetJob, build_rows
from etl.metric_checks import metric_problems
from etl.parse_refusals import duplicate_header, is_chart_data
from etl.parse_table import title_rows, title_text
from etl.readers import RawSheet
from etl.schema import ParsedTable, empty_rejects
from etl.sheet_cells import fill_merges

# The book is built together only when it holds at most BOOK_CELLS cells: its sheets are then
# all held at once (a parse worker's memory is bounded).
BOOK_CELLS = 1_000_000


def read_ahead(
    sheets: Iterable[RawSheet],
) -> tuple[list[RawSheet], Iterator[RawSheet] | None, BaseException | None]:
    """(sheets read, the rest when BOOK_CELLS was passed, else None; the error reading raised,
    kept for its turn in the sheet-by-sheet loop)."""
    it, got, cells = iter(sheets), [], 0
    try:
        for sheet in it:
            got.append(sheet)
            cells += sheet.grid.height * sheet.grid.width
            if cells > BOOK_CELLS:
                return got, it, None
    except Exception as exc:  # raised when the sheet-by-sheet loop reaches it
        return got, None, exc
    return got, None, None


def replay(
    got: list[RawSheet], rest: Iterator[RawSheet] | None, error: BaseException | None
) -> Iterator[RawSheet]:
    """The sheets as read_ahead's source gave them, its error at the same place."""
    yield from got
    if error is not None:
        raise error
    if rest is not None:
        yield from rest


Evidence = Callable[[list[list[str | None]], int, str | None], DateEvidence]


def book_jobs(
    sheets: list[RawSheet],
    name: str,
    column_map: dict[str, str] | None,
    format_hint: str | None,
    evidence: Evidence,
) -> list[SheetJob] | None:
    """Each sheet detected as a logbook, with its date evidence (evidence(preview rows, header
    row, sheet name)); None when one is not (empty, another layout, a chart, a repeated header:
    the sheet-by-sheet loop says so)."""
    jobs = []
    for sheet in sheets:
        if sheet.grid.height == 0 or sheet.grid.width == 0:
            return None
        rows = [list(r) for r in sheet.grid.head(text_grid.PREVIEW_ROWS).iter_rows()]
        det = detect(rows, column_map=column_map, format_hint=format_hint)
        if det is None or det.format != "logbook" or is_chart_data(det, rows):
            return None
        if duplicate_header(name, sheet.name, rows[det.row], det) is not None:
            return None
        jobs.append(SheetJob(sheet, det, evidence(rows, det.row, sheet.name)))
    return jobs


def build_book(jobs: list[SheetJob], name: str) -> list[ParsedTable] | None:
    """One ParsedTable per sheet, equal to building each on its own; None when the book is not
    plain (see the module's docstring)."""
    det = jobs[0].det
    same = (det.format, det.columns, det.headers, det.subheader)
    fields = [f"c{j}" for j in det.columns]
    if (
        any(
            (j.det.format, j.det.columns, j.det.headers, j.det.subheader) != same
            or j.sheet.formulas_without_value
            or any(c not in j.sheet.grid.columns for c in fields)
            for j in jobs
        )
        or det.format != "logbook"
    ):
        return None
    where = [f"Berkas '{name}', sheet '{j.sheet.name}'" for j in jobs]
    grids: list[pl.DataFrame] = []
    merged: list[list[str]] = []
    frames: list[pl.LazyFrame] = []
    for k, job in enumerate(jobs):
        start = job.det.row + 1 + (1 if det.subheader else 0)
        grid, filled = job.sheet.grid, list[str]()
        if job.sheet.merges:
            grid, filled = fill_merges(grid, job.sheet, start, det.columns, det.headers, where[k])
        grids.append(grid)
        merged.append(filled)
        frames.append(
            grid.lazy().slice(start).with_row_index("__i").select(
                *[pl.col(f"c{j}").alias(fld) for j, fld in det.columns.items()],
                (pl.col("__i").cast(pl.Int64) + job.sheet.first_row + start).alias("__row"),
                pl.concat_str([pl.col(c) for c in grid.columns], separator=" ", ignore_nulls=True)
                .str.to_lowercase().str.strip_chars().alias("__rowtext"),
                pl.col("__i"), pl.lit(k, pl.Int64).alias("__s"),
            )
        )  # fmt: skip
    raw = pl.concat(frames).collect()
    keep = [c for c in raw.columns if c not in ("__row", "__i", "__s")]
    nonblank = pl.any_horizontal(
        [pl.col(c).str.strip_chars().str.len_chars().fill_null(0) > 0 for c in keep]
    )
    last = pl.col("__i").filter(pl.col("__k")).max()
    blanks = dict(
        raw.with_columns(nonblank.alias("__k"))
        .group_by("__s")
        .agg((~pl.col("__k") & (pl.col("__i") <= last)).sum())
        .iter_rows()
    )
    raw = raw.filter(nonblank).drop("__i")
    if metric_problems(raw, det.headers, None).height:
        return None
    built = build_rows(raw, jobs, where)
    if built is None:
        return None
    posts, lines = built
    tables = []
    for k, job in enumerate(jobs):
        p = posts.get(job.sheet.name, posts[None])
        plats = p["platform"].drop_nulls().unique()
        t = ParsedTable(
            format="logbook", posts=p, rejects=empty_rejects(), sheet=job.sheet.name,
            platform=plats.item() if plats.len() == 1 else None,
        )  # fmt: skip
        t.title = title_text(grids[k], job.det.row)
        t.title_rows = title_rows(list(grids[k].head(job.det.row).iter_rows()), job.sheet.first_row)
        n_blank = blanks.get(k, 0)
        blank_line = [f"{where[k]}: {n_blank} baris kosong di antara data dilewati."]
        t.assumptions = [*merged[k], *lines[k], *(blank_line if n_blank else [])]
        if job.ev.period is not None:
            t.period, t.period_source = job.ev.period, job.ev.period_source
        if p.height == 0:
            t.notes.append(f"{where[k]} tidak berisi postingan (hanya judul kolom).")
        tables.append(t)
    return tables
