"""parse_file: any supported upload -> one ParsedTable per sheet/CSV holding posts (issue #2).

Flow: bytes -> kind (xlsx/xls/zip/text, from the bytes) -> raw string grid per sheet
(etl.readers) -> header row + format from the header cells (etl.detect) -> the format's build()
(etl.formats.*), all vectorized with polars. Whole-file problems raise FileRejected with a
Bahasa Indonesia message naming the file (and sheet); row problems go to ParsedTable.rejects.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

import polars as pl

from etl import readers
from etl.detect import FORMATS, MODULES, POST_FIELDS, Detection, detect, guess_header_cells
from etl.formats._common import Context
from etl.normalize import header_key
from etl.schema import FileRejected, NotAPostExport, ParsedTable
from warehouse.settings import source_timezone

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
) -> list[ParsedTable]:
    """Parse an xlsx/xls/csv/txt/zip export or logbook into canonical posts.

    column_map: header as found in the file -> POST_SCHEMA field (forces that mapping).
    format_hint: one of FORMATS, skips auto-detection of the format (not of the header row).
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
    return _parse_bytes(data, name, column_map, format_hint, file_handle=None)


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
    return FileRejected(
        f"{where}: tata letak kolom tidak dikenali. Kolom yang ditemukan: "
        f"{', '.join(found) if found else '(tidak ada)'}. Kolom yang dibutuhkan: "
        f"{'; '.join(NEEDED)}, atau ekspor asli Meta Business Suite / TikTok Studio / "
        f"YouTube Studio / X dengan judul kolom aslinya. {MAP_HINT}",
        columns_found=found,
        columns_needed=list(NEEDED),
    )


def _parse_text(
    data: bytes,
    name: str,
    column_map: dict[str, str] | None,
    format_hint: str | None,
    file_handle: str | None,
) -> list[ParsedTable]:
    text = readers.decode_text(data)
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
    grid = readers.read_csv_grid(text, delim, starts[det.row])
    table = _build(grid, 0, det.row + 1, det, name, None, file_handle, keep_empty=True)
    assert table is not None
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
        # A logbook month sheet with its header but no rows still says the office posted
        # nothing that month (etl/coverage.py): it is kept, with zero posts.
        table = _build(
            grid, det.row, sheet.first_row, det, name, sheet.name, file_handle,
            keep_empty=det.format == "logbook",
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
    keep_empty: bool = False,
) -> ParsedTable | None:
    """Slice the data rows under the header, name columns by field, hand to the format."""
    start = header_idx + 1 + (1 if det.subheader else 0)
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
    )
    table: ParsedTable = MODULES[det.format].build(raw, ctx)
    table.title = _title_text(grid, header_idx)
    if table.posts.height == 0 and table.rejects.height == 0:
        if not keep_empty:
            return None
        # A platform export with only its header: the account posted nothing in the period.
        table.notes.append(f"{ctx.where()} tidak berisi postingan (hanya judul kolom).")
    return table
