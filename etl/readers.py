"""Bytes -> raw string grids: file kind, Excel sheets, ZIP members. Text files (encoding,
delimiter): etl.text_grid; what calamine does not give of an xlsx: etl.xlsx_layout.

Nothing here knows a platform. A RawSheet is every cell as text (or null) plus the Excel row
number of its first row, so a reject can name the row the user sees in Excel.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

import polars as pl

from etl.schema import FileRejected
from etl.xlsx_layout import sheet_scan


@dataclass
class RawSheet:
    """One sheet or CSV: all cells as strings, columns c0..cN."""

    name: str | None  # sheet name; None for CSV
    grid: pl.DataFrame
    first_row: int  # Excel row number (1-based) of grid row 0
    delimiter: str | None = None
    first_col: int = 1  # Excel column number (1-based) of grid column c0
    # Merge ranges (first row, first col, last row, last col), Excel numbers, 1-based.
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Cells holding a formula without a saved value (row, col), Excel numbers: calamine reads
    # them as empty, so a row would silently lose that value.
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# File kind
# ---------------------------------------------------------------------------------------------
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_kind(data: bytes) -> str:
    """'xlsx' | 'xls' | 'zip' | 'encrypted' | 'text' | 'empty' from the bytes, not the name."""
    # The head first: stripping a whole 50 MB export copies it.
    blank = b"\x00\t\r\n \xef\xbb\xbf\xff\xfe"
    if not data[:4096].strip(blank) and not data.strip(blank):
        return "empty"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return "corrupt"
        if "xl/workbook.xml" in names or "[Content_Types].xml" in names:
            return "xlsx"
        return "zip"
    if data[:8] == _OLE_MAGIC:
        # Password-protected xlsx is an OLE container holding an "EncryptedPackage" stream.
        if (
            "EncryptedPackage".encode("utf-16-le") in data[:1_000_000]
            or b"EncryptedPackage" in data
        ):
            return "encrypted"
        return "xls"
    if data[:2] == b"PK":
        return "corrupt"
    return "text"


def read_excel_sheets(data: bytes, file_name: str, kind: str) -> Iterator[RawSheet]:
    """Every sheet of an xlsx/xls as strings (calamine via fastexcel, ~12x openpyxl)."""
    import fastexcel

    try:
        reader = fastexcel.read_excel(data)
    except Exception as exc:  # fastexcel raises its own error family
        raise FileRejected(
            f"Berkas '{file_name}' rusak atau bukan berkas Excel yang sah, tidak dapat dibuka "
            f"({type(exc).__name__}). Buka di Excel lalu simpan ulang sebagai .xlsx."
        ) from exc
    offsets, layouts = sheet_scan(data) if kind == "xlsx" else ({}, {})
    for name in reader.sheet_names:
        try:
            sheet = reader.load_sheet(name, header_row=None, dtypes="string")
            df = sheet.to_polars()
        except Exception as exc:
            raise FileRejected(
                f"Berkas '{file_name}', sheet '{name}': isi sheet tidak dapat dibaca "
                f"({type(exc).__name__})."
            ) from exc
        df = df.rename({c: f"c{i}" for i, c in enumerate(df.columns)})
        lay = layouts.get(name)
        yield RawSheet(
            name=name,
            grid=df,
            first_row=offsets.get(name, 1),
            first_col=lay.first_col if lay else 1,
            merges=lay.merges if lay else [],
            formulas_without_value=lay.formulas_without_value if lay else [],
        )


def zip_members(data: bytes, file_name: str) -> Iterator[tuple[str, bytes]]:
    """(member name, bytes) of the files in a ZIP, skipping folders and macOS debris."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FileRejected(f"Berkas ZIP '{file_name}' rusak dan tidak dapat dibuka.") from exc
    with zf:
        for info in zf.infolist():
            base = PurePath(info.filename).name
            if info.is_dir() or "__MACOSX" in info.filename or base.startswith((".", "~$")):
                continue
            if info.flag_bits & 0x1:
                raise FileRejected(
                    f"Berkas ZIP '{file_name}' dilindungi kata sandi: ekstrak dulu, lalu unggah "
                    "isinya."
                )
            yield info.filename, zf.read(info)
