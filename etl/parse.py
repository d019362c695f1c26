"""parse_file: any supported upload -> one ParsedTable per sheet/CSV holding posts.

Flow: bytes -> kind (xlsx/xls/zip/text, from the bytes) -> raw string grid per sheet
(etl.readers) -> header row + format from the header cells (etl.detect) -> the format's build()
(etl.formats.*, via etl.parse_table), all vectorized with polars; etl.parse_refusals says
why a sheet is not read. Whole-file problems raise FileRejected with a
Bahasa Indonesia message naming the file (and sheet); row problems go to ParsedTable.rejects.
"""

from __future__ import annotations

import contextvars
import dataclasses
import datetime as dt
import re
from pathlib import Path, PurePath

import polars as pl

from etl import parse_book, readers, text_grid
from etl.dates import DateEvidence, period_from_text
from etl.detect import (
    FORMATS,
    POST_FIELDS,
    detect,
)
from etl.export_date import period_from_name
from etl.parse_refusals import (
    duplicate_header,
    is_chart_data,
    reject_chart,
    reject_layout,
)
from etl.parse_table import build_table, title_rows
from etl.schema import FileRejected, NotAPostExport, ParsedTable

__all__ = ["FORMATS", "parse_file"]

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


def _parse_text(
    data: bytes,
    name: str,
    column_map: dict[str, str] | None,
    format_hint: str | None,
    file_handle: str | None,
) -> list[ParsedTable]:
    enc_notes: list[str] = []
    text = text_grid.decode_text(data, enc_notes)
    if not text[:4096].strip() and not text.strip():
        raise FileRejected(f"Berkas '{name}' kosong: tidak ada data yang dapat dibaca.")
    delim = text_grid.sniff_delimiter(text)
    rows, starts = text_grid.preview_csv(text, delim)
    rows_opt: list[list[str | None]] = [[c if c != "" else None for c in r] for r in rows]
    det = detect(rows_opt, column_map=column_map, format_hint=format_hint)
    if det is None:
        raise reject_layout(name, None, rows_opt)
    if is_chart_data(det, rows_opt):
        raise reject_chart(name, None)
    dup = duplicate_header(name, None, rows_opt[det.row], det)
    if dup is not None:
        raise dup
    grid = text_grid.read_csv_grid(text, delim, starts[det.row])
    ev = _evidence(title=_title(rows_opt[: det.row]), delimiter=delim, text_head=text[:65536])
    table = build_table(grid, 0, det.row + 1, det, name, None, file_handle, ev, keep_empty=True)
    assert table is not None
    table.assumptions[:0] = [f"Berkas '{name}': {n}" for n in enc_notes]
    above = [str(c).strip() for r in rows_opt[: det.row] for c in r if c and str(c).strip()]
    table.title = " ".join(above) or None
    # A record's row number is the physical line it starts on (a quoted cell may span lines).
    table.title_rows = [
        r for i in range(det.row) for r in title_rows([list(rows_opt[i])], starts[i] + 1)
    ]
    return [table]


def _parse_sheets(
    sheets: object,
    name: str,
    column_map: dict[str, str] | None,
    format_hint: str | None,
    file_handle: str | None,
) -> list[ParsedTable]:
    got, rest, error = parse_book.read_ahead(sheets)  # type: ignore[arg-type]
    if BOOK_PATH and error is None and rest is None and len(got) > 1:
        jobs = parse_book.book_jobs(got, name, column_map, format_hint, _sheet_evidence)
        built = parse_book.build_book(jobs, name) if jobs is not None else None
        if built is not None:
            return built
    tables: list[ParsedTable] = []
    notes: list[str] = []
    first_error: FileRejected | None = None
    for sheet in parse_book.replay(got, rest, error):
        grid: pl.DataFrame = sheet.grid
        if grid.height == 0 or grid.width == 0:
            notes.append(f"Berkas '{name}', sheet '{sheet.name}' kosong: dilewati.")
            continue
        rows = [list(r) for r in grid.head(text_grid.PREVIEW_ROWS).iter_rows()]
        det = detect(rows, column_map=column_map, format_hint=format_hint)
        if det is None:
            err = reject_layout(name, sheet.name, rows)
            first_error = first_error or err
            notes.append(f"{err} Sheet dilewati.")
            continue
        if is_chart_data(det, rows):
            err = reject_chart(name, sheet.name)
            first_error = first_error or err
            notes.append(str(err))
            continue
        dup = duplicate_header(name, sheet.name, rows[det.row], det)
        if dup is not None:
            raise dup
        ev = _evidence(title=_title(rows[: det.row]), sheet=sheet.name)
        # A logbook month sheet with its header but no rows still says the office posted
        # nothing that month (etl/coverage.py): it is kept, with zero posts.
        table = build_table(
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


# A workbook's plain logbook sheets are built together (etl.parse_book); tests switch it off
# to compare with the sheet-by-sheet build.
BOOK_PATH = True


def _sheet_evidence(rows: list[list[str | None]], header: int, sheet: str | None) -> DateEvidence:
    return _evidence(title=_title(rows[:header]), sheet=sheet)


def _title(rows: list[list[str | None]]) -> str | None:
    """Text of the rows above the header (a logbook's kop and title), for its period."""
    cells = [str(c).strip() for r in rows for c in r if c not in (None, "")]
    return " | ".join(cells) if cells else None
