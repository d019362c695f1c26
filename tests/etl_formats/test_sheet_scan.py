"""etl.xlsx_layout.sheet_scan (each sheet's XML inflated once) gives exactly what the two
scans it replaces give (first_used_rows, sheet_layouts), and what they gave before (the
module as it was, kept in before/xlsx_layout_old.py) wherever no styled empty cell stands
above the first value: the first used row of every sheet and the merges, formulas without a
value and first column, on workbooks with blank rows above the kop, merges, empty formulas,
sheets past the first mebibyte, and on damaged bytes (the same answers or the same error).
With a styled empty cell above the kop the old scan took that cell's row; the first used row
is now the first row holding a value, as openpyxl reads it (and as calamine's grid starts)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile

import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

import etl.xlsx_layout as cur
from etl.xlsx_layout import sheet_scan
from tests.etl_formats.before import xlsx_layout_old as old


def _plain(offsets: dict, layouts: dict) -> tuple[object, object]:
    # Each module has its own SheetLayout class: compare the fields.
    return offsets, {k: dataclasses.astuple(v) for k, v in layouts.items()}


def _old(data: bytes) -> tuple[object, object]:
    try:
        return _plain(old.first_used_rows(data), old.sheet_layouts(data))
    except Exception as exc:  # the same error, not just an error
        return type(exc), str(exc)


def _cur(data: bytes) -> tuple[object, object]:
    try:
        return _plain(cur.first_used_rows(data), cur.sheet_layouts(data))
    except Exception as exc:
        return type(exc), str(exc)


def _new(data: bytes) -> tuple[object, object]:
    try:
        return _plain(*sheet_scan(data))
    except Exception as exc:
        return type(exc), str(exc)


_SHEET = st.fixed_dictionaries(
    {
        "blank_rows": st.integers(0, 6),
        "first_col": st.integers(0, 4),
        "rows": st.integers(0, 25),
        "merges": st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5)), max_size=3),
        "formulas": st.lists(st.integers(0, 30), max_size=3),
        "styled_blanks": st.integers(0, 3),
    }
)


def _book(sheets: list[dict], big: int = 0) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.set_properties({"created": dt.datetime(2026, 1, 1)})  # the same bytes on every run
    style = wb.add_format({"bold": True})
    for k, sh in enumerate(sheets):
        ws = wb.add_worksheet(f"S{k} & <{k}>")
        for r in range(sh["styled_blanks"]):
            ws.write_blank(r, 0, None, style)  # a styled cell without a value: not "used"
        top = sh["blank_rows"] + sh["styled_blanks"]
        c0 = sh["first_col"]
        if k == 0 and big:  # rows with a height and no cell, past the first mebibyte
            for r in range(big):
                ws.set_row(top + r, 21)
            top += big
        ws.write_string(top, c0, "PEMERINTAH KABUPATEN")
        for i in range(sh["rows"]):
            ws.write_string(top + 2 + i, c0, f"baris {i}")
            ws.write_number(top + 2 + i, c0 + 1, i)
        used = set()
        for r, c in sh["merges"]:
            if (r, c) in used or (r, c + 1) in used:
                continue
            used.update({(r, c), (r, c + 1)})
            ws.merge_range(top + r, c0 + c, top + r, c0 + c + 1, "gabung")
        for r in sh["formulas"]:
            ws.write_formula(top + r, c0 + 6, "=A1", None, "")  # no saved value
    wb.close()
    return buf.getvalue()


@settings(max_examples=60, deadline=None)
@given(st.lists(_SHEET, min_size=1, max_size=4))
def test_same_as_the_two_scans(sheets):
    data = _book(sheets)
    assert _new(data) == _cur(data)
    if not any(sh["styled_blanks"] for sh in sheets):
        assert _new(data) == _old(data)


@settings(max_examples=60, deadline=None)
@given(st.lists(_SHEET, min_size=1, max_size=3), st.data())
def test_same_on_damaged_bytes(sheets, data):
    raw = bytearray(_book(sheets))
    how = data.draw(st.sampled_from(["cut", "flip"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if how == "cut":
        raw = raw[:at]
    else:
        raw[at] ^= data.draw(st.integers(1, 255))
    assert _new(bytes(raw)) == _cur(bytes(raw))


def test_first_used_cell_past_the_first_mebibyte():
    sheet = {"blank_rows": 0, "first_col": 0, "rows": 3, "merges": [(0, 0)], "formulas": [],
             "styled_blanks": 0}  # fmt: skip
    data = _book([sheet], big=30_000)
    offsets, _ = sheet_scan(data)
    assert offsets == old.first_used_rows(data) == cur.first_used_rows(data)
    assert next(iter(offsets.values())) == 1  # not found in the first MiB: row 1, as before
    assert _new(data) == _old(data)


@pytest.mark.parametrize("sheets", [[{"blank_rows": 3, "first_col": 2, "rows": 5,
                                      "merges": [(0, 0), (1, 3)], "formulas": [4],
                                      "styled_blanks": 0}]])  # fmt: skip
def test_a_kop_with_merges_and_an_empty_formula(sheets):
    data = _book(sheets)
    offsets, layouts = sheet_scan(data)
    assert offsets == {"S0 & <0>": 4}
    lay = layouts["S0 & <0>"]
    assert lay.merges and lay.formulas_without_value and lay.first_col == 3
    assert _plain(offsets, layouts) == _old(data)


def test_same_when_a_sheet_member_is_damaged():
    # Bytes flipped inside a sheet's compressed data: a bad CRC, a zlib error (raised by the
    # old scans, not caught), or text read differently: each the same as before.
    sheets = [{"blank_rows": 2, "first_col": 1, "rows": 200, "merges": [(0, 0)],
               "formulas": [3], "styled_blanks": 0}] * 2  # fmt: skip
    data = _book(sheets)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    outcomes = set()
    for at in range(start, start + info.compress_size, max(1, info.compress_size // 40)):
        raw = bytearray(data)
        raw[at] ^= 0x5A
        before = _old(bytes(raw))
        assert _new(bytes(raw)) == before == _cur(bytes(raw))
        outcomes.add(before[0] if isinstance(before[0], type) else "answer")
    assert len(outcomes) >= 2  # an error and an answer were both seen


@settings(max_examples=40, deadline=None)
@given(st.lists(_SHEET, min_size=1, max_size=3))
def test_first_used_row_is_the_first_row_holding_a_value(sheets):
    import openpyxl

    data = _book(sheets)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    expected = {
        ws.title: min((c.row for row in ws.iter_rows() for c in row if c.value is not None),
                      default=1)
        for ws in wb.worksheets
    }  # fmt: skip
    assert sheet_scan(data)[0] == expected


def test_a_bordered_blank_row_above_the_kop_keeps_the_row_numbers():
    # Before: the posts' source_row and a reject's row number were 2 rows too small here.
    from etl.parse import parse_file

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Januari")
    border = wb.add_format({"border": 1})
    ws.write_blank(0, 0, None, border)
    ws.write_blank(1, 3, None, border)
    ws.write(2, 0, "REKAP POSTINGAN MEDIA SOSIAL DINAS KOMINFO BULAN JANUARI 2026")
    ws.write_row(4, 0, ["No", "Tanggal", "Media Sosial", "Link", "Keterangan"])
    ws.write_row(5, 0, [1, "05/01/2026", "Instagram", "https://www.instagram.com/p/AB1/", "Rapat"])
    ws.write_row(6, 0, [2, "tanggal rusak", "Instagram", "https://www.instagram.com/p/AB2/", "x"])
    wb.close()
    (table,) = parse_file("rekap.xlsx", data=buf.getvalue())
    assert table.posts["source_row"].to_list() == [6]  # Excel rows, as the user sees them
    assert table.rejects["row_number"].to_list() == [7]
