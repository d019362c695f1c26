"""parse_file: any supported upload -> one ParsedTable per sheet/CSV holding posts.

Flow: bytes -> kind (xlsx/xls/zip/text, from the bytes) -> raw string grid per sheet
(etl.readers) -> header row + format from the header cells (etl.detect) -> the format's build()
(etl.formats.*), all vectorized with polars. Whole-file problems raise FileRejected with a
Bahasa Indonesia message naming the file (and sheet); row problems go to ParsedTable.rejects.
"""

from __future__ import annotations

import contextvars
import dataclasses
import datetime as dt
import re
from pathlib import Path, PurePath

import polars as pl
from openpyxl.utils import get_column_letter

from etl import readers
from etl.dates import DateEvidence, period_from_text
from etl.detect import (
    FORMATS,
    MODULES,
    POST_FIELDS,
    Detection,
    closest_format,
    detect,
    guess_header_cells,
)
from etl.export_date import period_from_name
from etl.formats._common import Context
from etl.metric_checks import metric_problems
from etl.normalize import header_key
from etl.schema import FileRejected, NotAPostExport, ParsedTable
from etl.sheet_cells import fill_merges, formula_rejects
from warehouse.settings import source_timezone
from warehouse.vocabulary import FORMAT_LABELS

__all__ = ["FORMATS", "parse_file"]

MAP_HINT = (
    "Petakan kolom secara manual: di halaman Unggah Data (Petakan kolom secara manual), atau "
    'di CLI dengan --map "Kolom di berkas=published_at".'
)
NEEDED = [
    "Tanggal (published_at)",
    "Link (permalink) atau Platform (platform) atau Judul/Isi (caption)",
]
_SKIP_EXT = {".png", ".jpg", ".jpeg", ".gif", ".pdf", ".json", ".html", ".htm", ".xml", ".md"}


def parse_file(
    path: str | Path,
    *,
    data: bytes | None = None,
    file_name: str | None = None,
    column_map: dict[str, str] | None = None,
    format_hint: str | None = None,
    date_order: str | None = None,
    exported_at: dt.datetime | None = None,
    folder: str | None = None,
) -> list[ParsedTable]:
    """Parse an xlsx/xls/csv/txt/zip export or logbook into canonical posts.

    column_map: header as found in the file -> POST_SCHEMA field (forces that mapping).
    format_hint: one of FORMATS, skips auto-detection of the format (not of the header row).
    date_order: 'dmy' | 'mdy', the user's choice for numeric dates (else decided from evidence).
    exported_at: the export date (etl.export_date), evidence for dates and the year of
    day-month dates. folder: the name of the folder holding the file (YouTube puts the period
    there).
    """
    if data is None:
        data = Path(path).read_bytes()
    name = file_name or PurePath(str(path)).name
    if format_hint is not None and format_hint not in FORMATS:
        raise FileRejected(f"Format '{format_hint}' tidak dikenal. Pilihan: {', '.join(FORMATS)}.")
    if column_map:
        bad = [v for v in column_map.values() if v not in POST_FIELDS]
        if bad:
            raise FileRejected(
                f"Pemetaan kolom untuk berkas '{name}' memakai nama field yang tidak dikenal: "
                f"{', '.join(bad)}. Nama field yang sah: {', '.join(POST_FIELDS)}."
            )
    if date_order is not None and date_order not in ("dmy", "mdy"):
        raise FileRejected(f"Urutan tanggal '{date_order}' tidak dikenal. Pilihan: dmy, mdy.")
    base = DateEvidence(exported_at=exported_at, user_order=date_order)
    _NAMES.set([(name, "nama berkas"), *([(folder, "nama folder")] if folder else [])])
    _BASE.set(base)
    return _parse_bytes(data, name, column_map, format_hint, file_handle=None)


# Evidence from the names around the file, set per parse_file call (a ZIP's members share it).
_NAMES: contextvars.ContextVar[list[tuple[str, str]] | None] = contextvars.ContextVar(
    "names", default=None
)
_BASE: contextvars.ContextVar[DateEvidence | None] = contextvars.ContextVar("base", default=None)
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d,\d+E[+-]\d+\b|(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+\b")


def _evidence(
    title: str | None = None,
    sheet: str | None = None,
    delimiter: str | None = None,
    text_head: str = "",
) -> DateEvidence:
    """DateEvidence for one table: the declared period from the sheet's title rows, its name,
    the file name, then the folder name; locale markers from a text file's separator."""
    ev = dataclasses.replace(_BASE.get() or DateEvidence())
    sources = [(title, "judul lembar"), (sheet, "nama sheet"), *(_NAMES.get() or [])]
    for text, label in sources:
        if not text:
            continue
        period = period_from_name(text) or period_from_text(text)
        if period is not None:
            ev.period, ev.period_source = period, f"{label} '{text.strip()[:80]}'"
            break
    if delimiter == ";":
        extra = " dan angka berkoma desimal" if _DECIMAL_COMMA.search(text_head) else ""
        ev.locale_order = "dmy"
        ev.locale_reason = (
            f"berkas memakai pemisah kolom ';'{extra}, tanda disimpan ulang oleh Excel dengan "
            "pengaturan regional berkoma desimal (mis. Indonesia), yang menulis hari/bulan/tahun"
        )
    return ev


def _parse_bytes(
    data: bytes,
    name: str,
    column_map: dict[str, str] | None,
    format_hint: str | None,
    file_handle: str | None,
) -> list[ParsedTable]:
    kind = readers.sniff_kind(data)
    if kind == "empty":
        raise FileRejected(f"Berkas '{name}' kosong: tidak ada data yang dapat dibaca.")
    if kind == "encrypted":
        raise FileRejected(
            f"Berkas '{name}' dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca. "
            "Buka di Excel, hapus kata sandinya, simpan ulang, lalu unggah lagi."
        )
    if kind == "corrupt":
        raise FileRejected(
            f"Berkas '{name}' rusak atau tidak lengkap (bukan xlsx/zip yang sah). "
            "Unduh ulang ekspornya atau simpan ulang dari Excel."
        )
    if kind == "zip":
        return _parse_zip(data, name, column_map, format_hint)
    if kind in ("xlsx", "xls"):
        sheets = readers.read_excel_sheets(data, name, kind)
        return _parse_sheets(sheets, name, column_map, format_hint, file_handle)
    return _parse_text(data, name, column_map, format_hint, file_handle)


def _zip_handle(name: str) -> str | None:
    """Content_<handle>.zip (TikTok Studio names each section's ZIP after the account)."""
    m = re.match(r"(?i)^content_(.+?)(?:_\d{4}-?\d{2}-?\d{2}.*)?\.zip$", PurePath(name).name)
    return m.group(1) if m else None


def _parse_zip(
    data: bytes, name: str, column_map: dict[str, str] | None, format_hint: str | None
) -> list[ParsedTable]:
    handle = _zip_handle(name)
    tables: list[ParsedTable] = []
    skipped: list[str] = []
    companions_only = True  # every member a known companion export (or not a table)
    for member, blob in readers.zip_members(data, name):
        label = f"{name}/{member}"
        if PurePath(member).suffix.lower() in _SKIP_EXT:
            skipped.append(f"'{member}' dilewati (bukan tabel)")
            continue
        try:
            got = _parse_bytes(blob, label, column_map, format_hint, handle)
        except FileRejected as exc:
            skipped.append(str(exc))
            companions_only = companions_only and isinstance(exc, NotAPostExport)
            continue
        tables.extend(got)
    if not tables:
        detail = " | ".join(skipped) if skipped else "ZIP tidak berisi berkas"
        error = NotAPostExport if skipped and companions_only else FileRejected
        raise error(f"Berkas ZIP '{name}' tidak berisi ekspor postingan. {detail}")
    if skipped:
        tables[0].notes.extend(f"{name}: {s}" for s in skipped)
    return tables


def _daily_metric(rows: list[list[str | None]]) -> str | None:
    """Meta account-level daily file ('sep=,' / metric title / "Tanggal","Primary"): the title."""
    for i, cells in enumerate(rows):
        keys = [header_key(c) for c in cells if c not in (None, "")]
        if len(keys) >= 2 and keys[0] in ("tanggal", "date", "datum") and "primary" in keys[1:]:
            title = None
            if i > 0:
                prev = [c for c in rows[i - 1] if c not in (None, "")]
                if len(prev) == 1 and not str(prev[0]).lower().startswith("sep="):
                    title = str(prev[0]).strip()
            return title or "metrik harian"
    return None


def _not_post_export(rows: list[list[str | None]]) -> bool:
    """Per-day overview/totals tables (TikTok Overview, YouTube Chart data/Totals)."""
    for cells in rows[:5]:
        keys = [header_key(c) for c in cells if c not in (None, "")]
        if keys and keys[0] in ("date", "tanggal") and len(keys) >= 2:
            post_words = (
                "link",
                "permalink",
                "title",
                "judul",
                "content",
                "video title",
                "caption",
            )
            if not any(k in post_words or "link" in k for k in keys):
                return True
    return False


def _chart_data(det: Detection, rows: list[list[str | None]]) -> bool:
    """YouTube Studio "Chart data.csv": one row per day per video (Date, Content, Video title,
    ..., Views). It has the Table data columns, but its views are a day's, not the video's."""
    if det.format != "youtube" or det.row >= len(rows):
        return False
    cells = [header_key(c) for c in rows[det.row] if c not in (None, "")]
    return bool(cells) and cells[0] in ("date", "tanggal")


def _reject_chart(name: str, sheet: str | None) -> FileRejected:
    where = f"Berkas '{name}'" + (f", sheet '{sheet}'" if sheet else "")
    return NotAPostExport(
        f"{where} adalah data grafik YouTube Studio (tayangan per hari per video, 'Chart data'), "
        "bukan daftar video: dilewati. Unggah 'Table data.csv' dari ekspor yang sama."
    )


def _reject_layout(name: str, sheet: str | None, rows: list[list[str | None]]) -> FileRejected:
    where = f"Berkas '{name}'" + (f", sheet '{sheet}'" if sheet else "")
    metric = _daily_metric(rows)
    if metric is not None or (
        rows and rows[0] and str(rows[0][0] or "").lower().startswith("sep=")
    ):
        return NotAPostExport(
            f"{where} adalah ekspor metrik harian tingkat akun ('{metric or 'metrik harian'}'), "
            "bukan ekspor postingan. Unggah ekspor Konten/postingan dari Meta Business Suite."
        )
    if _not_post_export(rows):
        found = guess_header_cells(rows)
        return NotAPostExport(
            f"{where} berisi ringkasan per hari ({', '.join(found)}), bukan ekspor postingan: "
            "dilewati.",
            columns_found=found,
        )
    found = guess_header_cells(rows)
    near = closest_format(rows)
    if near is not None and near.missing:
        label = FORMAT_LABELS[near.format]
        return FileRejected(
            f"{where}: tampak seperti ekspor {label}, tetapi kolom wajibnya tidak lengkap. "
            f"Kolom yang ditemukan: {', '.join(found) if found else '(tidak ada)'}. Kolom "
            f"{label} yang tidak ada: {'; '.join(near.missing)}. Ekspor ulang dengan kolom "
            f"tersebut (judul kolom dalam bahasa Indonesia, Inggris, Spanyol atau Portugis "
            f"dikenali). {MAP_HINT}",
            columns_found=found,
            columns_needed=near.missing,
        )
    return FileRejected(
        f"{where}: tata letak kolom tidak dikenali. Kolom yang ditemukan: "
        f"{', '.join(found) if found else '(tidak ada)'}. Kolom yang dibutuhkan: "
        f"{'; '.join(NEEDED)}, atau ekspor asli Meta Business Suite / TikTok Studio / "
        f"YouTube Studio / X dengan judul kolom aslinya. {MAP_HINT}",
        columns_found=found,
        columns_needed=list(NEEDED),
    )


def _duplicate_header(
    name: str, sheet: str | None, cells: list[str | None], det: Detection
) -> FileRejected | None:
    """Two header cells with the same name where one is a column the format reads: which one
    holds the data cannot be known, so the file is refused naming the header (a reader would
    otherwise rename one and leave caption or reach empty for every row)."""
    seen: dict[str, int] = {}
    for j, cell in enumerate(cells):
        key = header_key(cell) if cell not in (None, "") else ""
        if not key:
            continue
        if key in seen and (j in det.columns or seen[key] in det.columns):
            where = f"Berkas '{name}'" + (f", sheet '{sheet}'" if sheet else "")
            cols = f"{get_column_letter(seen[key] + 1)} dan {get_column_letter(j + 1)}"
            return FileRejected(
                f"{where}: judul kolom '{str(cell).strip()}' muncul dua kali (kolom {cols}), "
                "sehingga tidak jelas kolom mana yang berisi datanya. Ganti nama atau hapus "
                "salah satu kolom itu, lalu unggah lagi."
            )
        seen.setdefault(key, j)
    return None


def _parse_text(
    data: bytes,
    name: str,
    column_map: dict[str, str] | None,
    format_hint: str | None,
    file_handle: str | None,
) -> list[ParsedTable]:
    enc_notes: list[str] = []
    text = readers.decode_text(data, enc_notes)
    if not text[:4096].strip() and not text.strip():
        raise FileRejected(f"Berkas '{name}' kosong: tidak ada data yang dapat dibaca.")
    delim = readers.sniff_delimiter(text)
    rows, starts = readers.preview_csv(text, delim)
    rows_opt: list[list[str | None]] = [[c if c != "" else None for c in r] for r in rows]
    det = detect(rows_opt, column_map=column_map, format_hint=format_hint)
    if det is None:
        raise _reject_layout(name, None, rows_opt)
    if _chart_data(det, rows_opt):
        raise _reject_chart(name, None)
    dup = _duplicate_header(name, None, rows_opt[det.row], det)
    if dup is not None:
        raise dup
    grid = readers.read_csv_grid(text, delim, starts[det.row])
    ev = _evidence(title=_title(rows_opt[: det.row]), delimiter=delim, text_head=text[:65536])
    table = _build(grid, 0, det.row + 1, det, name, None, file_handle, ev, keep_empty=True)
    assert table is not None
    table.assumptions[:0] = [f"Berkas '{name}': {n}" for n in enc_notes]
    above = [str(c).strip() for r in rows_opt[: det.row] for c in r if c and str(c).strip()]
    table.title = " ".join(above) or None
    return [table]


def _parse_sheets(
    sheets: object,
    name: str,
    column_map: dict[str, str] | None,
    format_hint: str | None,
    file_handle: str | None,
) -> list[ParsedTable]:
    tables: list[ParsedTable] = []
    notes: list[str] = []
    first_error: FileRejected | None = None
    for sheet in sheets:  # type: ignore[attr-defined]
        grid: pl.DataFrame = sheet.grid
        if grid.height == 0 or grid.width == 0:
            notes.append(f"Berkas '{name}', sheet '{sheet.name}' kosong: dilewati.")
            continue
        rows = [list(r) for r in grid.head(readers.PREVIEW_ROWS).iter_rows()]
        det = detect(rows, column_map=column_map, format_hint=format_hint)
        if det is None:
            err = _reject_layout(name, sheet.name, rows)
            first_error = first_error or err
            notes.append(f"{err} Sheet dilewati.")
            continue
        if _chart_data(det, rows):
            err = _reject_chart(name, sheet.name)
            first_error = first_error or err
            notes.append(str(err))
            continue
        dup = _duplicate_header(name, sheet.name, rows[det.row], det)
        if dup is not None:
            raise dup
        ev = _evidence(title=_title(rows[: det.row]), sheet=sheet.name)
        # A logbook month sheet with its header but no rows still says the office posted
        # nothing that month (etl/coverage.py): it is kept, with zero posts.
        table = _build(
            grid, det.row, sheet.first_row, det, name, sheet.name, file_handle, ev,
            keep_empty=det.format == "logbook", layout=sheet,
        )  # fmt: skip
        if table is None:
            notes.append(
                f"Berkas '{name}', sheet '{sheet.name}' tidak berisi baris postingan: dilewati."
            )
            continue
        tables.append(table)
    if not tables:
        if first_error is not None:
            raise first_error
        raise FileRejected(f"Berkas '{name}' tidak berisi data postingan di sheet mana pun.")
    tables[0].notes.extend(notes)
    return tables


def _title(rows: list[list[str | None]]) -> str | None:
    """Text of the rows above the header (a logbook's kop and title), for its period."""
    cells = [str(c).strip() for r in rows for c in r if c not in (None, "")]
    return " | ".join(cells) if cells else None


def _title_text(grid: pl.DataFrame, header_idx: int) -> str | None:
    """The cells above the header row, joined (kop and title: where a logbook names its month)."""
    cells = [str(c).strip() for row in grid.head(header_idx).iter_rows() for c in row if c]
    return " ".join(c for c in cells if c) or None


def _build(
    grid: pl.DataFrame,
    header_idx: int,
    first_row: int,
    det: Detection,
    name: str,
    sheet: str | None,
    file_handle: str | None,
    ev: DateEvidence,
    keep_empty: bool = False,
    layout: readers.RawSheet | None = None,
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
    table.title = _title_text(grid, header_idx)
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
