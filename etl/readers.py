"""Bytes -> raw string grids: file kind, encoding, delimiter, sheets.

Nothing here knows a platform. A RawSheet is every cell as text (or null) plus the Excel row
number of its first row, so a reject can name the row the user sees in Excel.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

import polars as pl

from etl.schema import FileRejected

PREVIEW_ROWS = 30
PREVIEW_CHARS = 1 << 20


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


# ---------------------------------------------------------------------------------------------
# Text / CSV
# ---------------------------------------------------------------------------------------------
def decode_text(data: bytes, notes: list[str] | None = None) -> str:
    """UTF-8 (BOM or not), UTF-16 LE/BE with BOM (Excel 'Unicode text'), else line by line.

    A file that is not UTF-8 as a whole is decoded one line at a time: UTF-8 where the line is
    valid UTF-8, else cp1252 (one line pasted from an old Windows program must not turn every
    other line into mojibake). How many lines took which encoding goes to `notes`.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", errors="replace")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    head = data[:4000]
    # UTF-16 without BOM: every other byte is NUL for Latin text.
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:
        return data.decode("utf-16-le", errors="replace")
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4:
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out, legacy, utf8 = [], 0, 0
    for line in data.splitlines(keepends=True):
        try:
            out.append(line.decode("utf-8"))
            utf8 += any(b > 0x7F for b in line)
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
            legacy += 1
    if notes is not None:
        mixed = f" dan {utf8} baris UTF-8" if utf8 else ""
        notes.append(
            f"Pengodean teks: {legacy} baris dibaca sebagai Windows-1252{mixed}; setiap baris "
            "didekode sendiri-sendiri sehingga huruf beraksen tetap utuh."
        )
    return "".join(out)


def sniff_delimiter(text: str) -> str:
    """',' ';' '\\t' or '|' by the most consistent field count over the first records."""
    first = text[:4096].split("\n", 1)[0].strip().lower()
    m = re.match(r"^sep=(.)", first)
    if m:
        return m.group(1)
    sample = text[:65536]
    best, best_score = ",", -1.0
    for d in (",", ";", "\t", "|"):
        counts: list[int] = []
        try:
            for i, rec in enumerate(csv.reader(io.StringIO(sample), delimiter=d)):
                if rec:
                    counts.append(len(rec))
                if i >= PREVIEW_ROWS:
                    break
        except csv.Error:
            continue
        if not counts:
            continue
        width, freq = Counter(counts).most_common(1)[0]
        # Prefer wide, consistent rows; a title row (width 1) is tolerated.
        score = (width - 1) * freq if width > 1 else 0
        if score > best_score:
            best, best_score = d, score
    return best


def preview_csv(text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    """First records (csv module, quote-aware) and the physical line each one starts on."""
    rows: list[list[str]] = []
    starts: list[int] = []
    # Only the head: wrapping the whole text in a StringIO copies it (30 records fit easily).
    reader = csv.reader(io.StringIO(text[:PREVIEW_CHARS]), delimiter=delimiter)
    line = 0
    try:
        for rec in reader:
            starts.append(line)
            rows.append(rec)
            line = reader.line_num
            if len(rows) >= PREVIEW_ROWS:
                break
    except csv.Error:
        pass
    return rows, starts


def read_csv_grid(text: str, delimiter: str, skip_lines: int) -> pl.DataFrame:
    """Whole CSV from a physical line on, every field a string; width = that line's width."""
    buf = io.BytesIO(text.encode("utf-8"))
    df = pl.read_csv(
        buf,
        has_header=False,
        separator=delimiter,
        skip_lines=skip_lines,
        infer_schema=False,
        truncate_ragged_lines=True,
        raise_if_empty=False,
        quote_char='"',
    )
    return df.rename({c: f"c{i}" for i, c in enumerate(df.columns)})


# ---------------------------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------------------------
def _first_used_rows(data: bytes) -> dict[str, int]:
    """Sheet name -> Excel row of the first cell holding a value.

    calamine starts a sheet's range at its first used cell, so without this offset row numbers
    in rejects would be off by the blank rows above a kop.
    """
    out: dict[str, int] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            targets = {
                m.group(1): m.group(2)
                for m in re.finditer(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)
            }
            targets.update(
                {
                    m.group(2): m.group(1)
                    for m in re.finditer(
                        r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels
                    )
                }
            )
            for m in re.finditer(r"<sheet\b[^>]*>", wb):
                tag = m.group(0)
                name_m = re.search(r'name="([^"]*)"', tag)
                rid_m = re.search(r'r:id="([^"]+)"', tag) or re.search(r'\bid="([^"]+)"', tag)
                if not name_m or not rid_m or rid_m.group(1) not in targets:
                    continue
                target = targets[rid_m.group(1)].lstrip("/")
                path = target if target.startswith("xl/") else "xl/" + target
                name = _xml_unescape(name_m.group(1))
                with zf.open(path) as fh:
                    head = fh.read(1 << 20).decode("utf-8", "replace")
                cell = re.search(r'<c r="[A-Z]+(\d+)"[^>]*?>(?:(?!</c>).)*?<(?:v|is)\b', head, re.S)
                out[name] = int(cell.group(1)) if cell else 1
    except (KeyError, zipfile.BadZipFile, ValueError):
        return out
    return out


_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_EMPTY_FORMULA = re.compile(
    rb'<c r="([A-Z]+)(\d+)"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)
_VALUE_CELL = re.compile(rb'<c r="([A-Z]+)\d+"[^>]*?>(?:(?!</c>).){0,200}?<(?:v|is)>', re.S)


def col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


@dataclass
class SheetLayout:
    """What calamine does not give: merge ranges, formula cells without a value, first column."""

    merges: list[tuple[int, int, int, int]]
    formulas_without_value: list[tuple[int, int]]
    first_col: int


def sheet_layouts(data: bytes) -> dict[str, SheetLayout]:
    """Sheet name -> SheetLayout, from the sheet XML (only sheets that have merges or formulas
    without a value; the full cell scan for the first column runs only for those)."""
    out: dict[str, SheetLayout] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name, path in _sheet_paths(zf).items():
                xml = zf.read(path)
                if b"<mergeCell " not in xml and b"<f" not in xml:
                    continue
                merges = [
                    (int(m.group(2)), col_number(m.group(1).decode()),
                     int(m.group(4)), col_number(m.group(3).decode()))
                    for m in _MERGE.finditer(xml)
                ]  # fmt: skip
                empty = [
                    (int(m.group(2)), col_number(m.group(1).decode()))
                    for m in _EMPTY_FORMULA.finditer(xml)
                ]
                if not merges and not empty:
                    continue
                cols = {m.group(1) for m in _VALUE_CELL.finditer(xml)}
                first = min((col_number(c.decode()) for c in cols), default=1)
                out[name] = SheetLayout(merges, empty, first)
    except (KeyError, zipfile.BadZipFile, ValueError):
        return out
    return out


def _sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    targets = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)
    }
    targets.update(
        {
            m.group(2): m.group(1)
            for m in re.finditer(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)
        }
    )
    out = {}
    for m in re.finditer(r"<sheet\b[^>]*>", wb):
        tag = m.group(0)
        name_m = re.search(r'name="([^"]*)"', tag)
        rid_m = re.search(r'r:id="([^"]+)"', tag) or re.search(r'\bid="([^"]+)"', tag)
        if not name_m or not rid_m or rid_m.group(1) not in targets:
            continue
        target = targets[rid_m.group(1)].lstrip("/")
        out[_xml_unescape(name_m.group(1))] = target if target.startswith("xl/") else "xl/" + target
    return out


def _xml_unescape(s: str) -> str:
    return (
        s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


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
    offsets = _first_used_rows(data) if kind == "xlsx" else {}
    layouts = sheet_layouts(data) if kind == "xlsx" else {}
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
