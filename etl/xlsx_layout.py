"""What calamine does not give of an xlsx, read from the sheet XML: the Excel row of each
sheet's first used cell, merge ranges, formula cells without a saved value, the first column."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass


def sheet_scan(data: bytes) -> tuple[dict[str, int], dict[str, SheetLayout]]:
    """(first_used_rows(data), sheet_layouts(data)) with each sheet's XML inflated once, not
    twice (the two read the same members; inflating is most of their time: about 1.5 ms per
    1,000 logbook rows). Any failure while reading falls back to the two functions
    themselves, so an odd or damaged file gets exactly their answers or their error."""
    offsets: dict[str, int] = {}
    layouts: dict[str, SheetLayout] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name, path in _sheet_paths(zf).items():
                xml = zf.read(path)
                offsets[name] = _first_row(xml[:_HEAD])
                lay = _layout(xml)
                if lay is not None:
                    layouts[name] = lay
    except Exception:  # the readers' own failures, reported exactly as they report them
        return first_used_rows(data), sheet_layouts(data)
    return offsets, layouts


_HEAD = 1 << 20  # bytes of a sheet's XML searched for its first used cell


# A cell holding a value: its opening tag not self-closing. A styled empty cell is written
# `<c r="A1" s="3"/>`; read as an opening tag, the search ran on into the next cells to the
# first value and took the empty cell's row (a bordered blank row above the kop put every row
# number of the sheet off by the rows between: calamine's grid starts at the first value).
_FIRST_CELL = re.compile(r'<c r="[A-Z]+(\d+)"[^>]*?(?<!/)>(?:(?!</c>).)*?<(?:v|is)\b', re.S)


def _first_row(head: bytes) -> int:
    cell = _FIRST_CELL.search(head.decode("utf-8", "replace"))
    return int(cell.group(1)) if cell else 1


def first_used_rows(data: bytes) -> dict[str, int]:
    """Sheet name -> Excel row of the first cell holding a value.

    calamine starts a sheet's range at its first used cell, so without this offset row numbers
    in rejects would be off by the blank rows above a kop.
    """
    out: dict[str, int] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name, path in _sheet_paths(zf).items():
                with zf.open(path) as fh:
                    out[name] = _first_row(fh.read(_HEAD))
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
                lay = _layout(zf.read(path))
                if lay is not None:
                    out[name] = lay
    except (KeyError, zipfile.BadZipFile, ValueError):
        return out
    return out


def _layout(xml: bytes) -> SheetLayout | None:
    """One sheet XML's SheetLayout, None when it has no merge and no formula without a value."""
    if b"<mergeCell " not in xml and b"<f" not in xml:
        return None
    merges = [
        (int(m.group(2)), col_number(m.group(1).decode()),
         int(m.group(4)), col_number(m.group(3).decode()))
        for m in _MERGE.finditer(xml)
    ]  # fmt: skip
    empty = [
        (int(m.group(2)), col_number(m.group(1).decode())) for m in _EMPTY_FORMULA.finditer(xml)
    ]
    if not merges and not empty:
        return None
    cols = {m.group(1) for m in _VALUE_CELL.finditer(xml)}
    first = min((col_number(c.decode()) for c in cols), default=1)
    return SheetLayout(merges, empty, first)


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
