"""One sheet's data rows under its header -> a ParsedTable: columns named by field, blank rows
dropped (and counted), merged cells filled and formula cells without a value rejected
(etl.sheet_cells), then the format's build() (etl.formats.*) and the metric checks."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from etl.dates import DateEvidence
from etl.detect import MODULES, Detection
from etl.formats._common import Context
from etl.metric_checks import metric_problems
from etl.readers import RawSheet
from etl.schema import ParsedTable
from etl.sheet_cells import fill_merges, formula_rejects
from warehouse.settings import source_timezone


def title_text(grid: pl.DataFrame, header_idx: int) -> str | None:
    """The cells above the header row, joined (kop and title: where a logbook names its month)."""
    cells = [str(c).strip() for row in grid.head(header_idx).iter_rows() for c in row if c]
    return " ".join(c for c in cells if c) or None


def title_rows(rows: Sequence[Sequence[object]], first_row: int) -> list[tuple[int, str]]:
    """(row number, its cells joined by spaces) of each non-empty row above the header; rows[i]
    is row first_row + i."""
    out = []
    for i, row in enumerate(rows):
        text = " ".join(s for c in row if c is not None and (s := str(c).strip()))
        if text:
            out.append((first_row + i, text))
    return out


def build_table(
    grid: pl.DataFrame,
    header_idx: int,
    first_row: int,
    det: Detection,
    name: str,
    sheet: str | None,
    file_handle: str | None,
    ev: DateEvidence,
    keep_empty: bool = False,
    layout: RawSheet | None = None,
) -> ParsedTable | None:
    """Slice the data rows under the header, name columns by field, hand to the format.

    layout: the xlsx sheet, whose merge ranges fill their rows and whose formula cells without
    a value reject theirs (etl.sheet_cells)."""
    start = header_idx + 1 + (1 if det.subheader else 0)
    where = f"Berkas '{name}'" + (f", sheet '{sheet}'" if sheet else "")
    merged_lines: list[str] = []
    formula_rej = None
    if layout is not None and (layout.merges or layout.formulas_without_value):
        grid, merged_lines = fill_merges(grid, layout, start, det.columns, det.headers, where)
        formula_rej = formula_rejects(layout, start, det.columns, det.headers)
    # Excel row of grid row i is first_row + i.
    data = grid.slice(start).with_row_index("__i")
    exprs = [
        pl.col(f"c{j}").alias(fld) for j, fld in det.columns.items() if f"c{j}" in grid.columns
    ]
    exprs.append((pl.col("__i").cast(pl.Int64) + first_row + start).alias("__row"))
    if det.format == "logbook":
        exprs.append(
            pl.concat_str([pl.col(c) for c in grid.columns], separator=" ", ignore_nulls=True)
            .str.to_lowercase()
            .str.strip_chars()
            .alias("__rowtext")
        )
    raw = data.select(exprs)
    keep = [c for c in raw.columns if c not in ("__row",)]
    nonblank = pl.any_horizontal(
        [pl.col(c).str.strip_chars().str.len_chars().fill_null(0) > 0 for c in keep]
    )
    marks = raw.select(nonblank.alias("k"))["k"]
    kept = marks.arg_true()  # ascending: the last one is the last non-blank row
    n_blank = int((~marks.head(int(kept[-1]) + 1)).sum()) if kept.len() else 0
    raw = raw.filter(nonblank)
    if raw.height == 0 and not keep_empty:
        return None
    for fld in det.columns.values():
        if fld not in raw.columns:
            raw = raw.with_columns(pl.lit(None, pl.String).alias(fld))
    ctx = Context(
        file_name=name,
        sheet=sheet,
        headers=det.headers,
        source_tz=source_timezone(det.format),
        file_handle=file_handle,
        evidence=ev,
    )
    table: ParsedTable = MODULES[det.format].build(raw, ctx)
    table.title = title_text(grid, header_idx)
    table.title_rows = title_rows(list(grid.head(header_idx).iter_rows()), first_row)
    blank_line = [f"{where}: {n_blank} baris kosong di antara data dilewati."] if n_blank else []
    table.assumptions = [*merged_lines, *ctx.assumptions, *blank_line]
    # Rows that became posts but hold a metric that is not a count: rejects with the reason.
    bad_metrics = metric_problems(raw, det.headers, sheet).filter(
        pl.col("row_number").is_in(table.posts["source_row"].implode())
    )
    if formula_rej is not None:
        # Only rows the format took as posts (or rejected as such): a JUMLAH row's formula is no
        # post's value.
        seen = pl.concat([table.posts["source_row"], table.rejects["row_number"]]).implode()
        formula_rej = formula_rej.filter(pl.col("row_number").is_in(seen))
    if bad_metrics.height:
        formula_rej = bad_metrics if formula_rej is None else pl.concat([formula_rej, bad_metrics])
    if formula_rej is not None and formula_rej.height:
        bad = formula_rej["row_number"].implode()
        table.posts = table.posts.filter(~pl.col("source_row").is_in(bad))
        table.rejects = pl.concat(
            [table.rejects.filter(~pl.col("row_number").is_in(bad)), formula_rej]
        ).sort("row_number")
    if ev.period is not None:
        table.period, table.period_source = ev.period, ev.period_source
    if table.posts.height == 0 and table.rejects.height == 0:
        if not keep_empty:
            return None
        # A platform export with only its header: the account posted nothing in the period.
        table.notes.append(f"{ctx.where()} tidak berisi postingan (hanya judul kolom).")
    return table
