"""Lampiran exports: the xlsx opened with openpyxl, the PDF read with tests/reports/pdftext."""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import polars as pl
import pytest

from reports import lampiran
from tests.factory import JAN
from tests.reports import pdftext
from warehouse.queries import activity, filters

COLS = [
    ("opd", "Nama OPD", "teks"),
    ("posts", "Jumlah Postingan", "angka"),
    ("kinerja_share", "Porsi Kinerja", "persen"),
    ("last_post", "Postingan Terakhir", "tanggal"),
]


def table(n: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "opd": [f"Dinas Nomor {i} \u2013 Kecamatan Sukamaju" for i in range(n)],
            "posts": [1000 + i for i in range(n)],
            "kinerja_share": [0.695] * n,
            "last_post": [dt.date(2025, 12, 1)] * n,
        }
    )


def test_xlsx_layout_numbering_and_print_setup():
    data = lampiran.to_xlsx(
        table(30), title="Daftar OPD belum aktif", subtitle="Periode Desember 2025",
        columns=COLS, paper="F4", signature=lampiran.Signature(name="Budi", nip="1975"),
    )  # fmt: skip
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    assert ws["A1"].value == "LAMPIRAN"
    assert ws["A2"].value == "DAFTAR OPD BELUM AKTIF"
    assert ws["A3"].value == "Periode Desember 2025"
    header_row = 5
    assert [c.value for c in ws[header_row]][:5] == [
        "No", "Nama OPD", "Jumlah Postingan", "Porsi Kinerja", "Postingan Terakhir"]  # fmt: skip
    numbers = [ws.cell(row=header_row + i, column=1).value for i in range(1, 31)]
    assert numbers == list(range(1, 31))
    assert ws.cell(row=header_row + 1, column=3).value == 1000
    assert ws.cell(row=header_row + 1, column=3).number_format == "#,##0"
    assert ws.cell(row=header_row + 1, column=4).number_format == "0.0%"
    assert ws.cell(row=header_row + 1, column=5).number_format == "[$-421]d mmmm yyyy"
    assert ws.cell(row=header_row + 1, column=5).value == dt.datetime(2025, 12, 1)
    assert ws.cell(row=header_row, column=1).font.b
    assert ws.cell(row=header_row + 1, column=2).border.left.style == "thin"
    # Print setup: F4 -> Folio (code 14), one page wide, header row repeated, panes frozen.
    assert int(ws.page_setup.paperSize) == 14
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # fitToWidth is omitted when 1 (the OOXML default); fitToHeight 0 = as many pages as needed.
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$5:$5"
    assert ws.freeze_panes == "A6"
    assert "Halaman &P dari &N" in ws.oddFooter.center.text
    values = [c.value for row in ws.iter_rows(min_row=header_row + 31) for c in row if c.value]
    assert "Kepala Dinas Komunikasi dan Informatika" in values and "NIP. 1975" in values


def test_xlsx_a4_portrait_and_landscape_when_wide():
    narrow = openpyxl.load_workbook(io.BytesIO(lampiran.to_xlsx(
        table(3), title="LAMPIRAN I", columns=COLS[:2], paper="A4"))).active  # fmt: skip
    assert int(narrow.page_setup.paperSize) == 9
    assert narrow.page_setup.orientation == "portrait"
    assert narrow["A1"].value == "LAMPIRAN I"  # already a lampiran title: not doubled
    wide_cols = [*COLS, ("opd", "Nama OPD (ulang)", "teks"), ("opd", "Keterangan", "teks")]
    wide = openpyxl.load_workbook(io.BytesIO(lampiran.to_xlsx(
        table(3), title="Rekap", columns=wide_cols))).active  # fmt: skip
    assert wide.page_setup.orientation == "landscape"


def test_nulls_and_bad_input():
    df = pl.DataFrame({"opd": ["A"], "posts": [None], "kinerja_share": [None],
                       "last_post": [None]}, schema_overrides={"posts": pl.Int64,
                       "kinerja_share": pl.Float64, "last_post": pl.Date})  # fmt: skip
    ws = openpyxl.load_workbook(io.BytesIO(lampiran.to_xlsx(df, title="X", columns=COLS))).active
    assert ws.cell(row=4, column=3).value == "Jumlah Postingan"
    assert ws.cell(row=5, column=3).value is None
    assert "-" in pdftext.text(lampiran.to_pdf(df, title="X", columns=COLS))
    with pytest.raises(ValueError, match="kertas"):
        lampiran.to_xlsx(df, title="X", columns=COLS, paper="Letter")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="tidak ada"):
        lampiran.to_pdf(df, title="X", columns=[("nope", "Nope", "teks")])


@pytest.mark.parametrize("core_font", [False, True])
def test_pdf_pages_text_and_page_numbers(core_font):
    data = lampiran.to_pdf(
        table(120), title="Daftar OPD belum aktif", subtitle="Periode 1\u201315 Januari 2026",
        columns=COLS, paper="F4", signature=lampiran.Signature(), core_font=core_font,
    )  # fmt: skip
    assert data.startswith(b"%PDF")
    pages = pdftext.page_count(data)
    assert pages >= 2
    text = re.sub(r"\s+", " ", pdftext.text(data))
    assert "LAMPIRAN" in text and "DAFTAR OPD BELUM AKTIF" in text
    assert "Periode 1" in text and "Januari 2026" in text
    assert "1.119" in text and "69,5%" in text and "1 Desember 2025" in text
    assert f"Halaman 1 dari {pages}" in text and f"Halaman {pages} dari {pages}" in text
    assert text.count("Nama OPD") == pages or text.count("Nama OPD") >= 2  # header repeats
    assert "Kepala Dinas Komunikasi dan Informatika" in text and "NIP." in text
    # Row numbers run 1..120 without a gap.
    assert " 120 " in text and " 60 " in text
    # F4 is 215 x 330 mm = 609.4 x 935.4 pt.
    m = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert m and sorted(float(v) for v in m.groups()) == pytest.approx([609.45, 935.43], abs=0.1)


def test_pdf_a4_and_real_report(wh):
    df = activity.inactive_opds(wh, filters.Filters(*JAN))
    cols = [("opd", "OPD", "teks"), ("reason", "Alasan", "teks"),
            ("days_since_last_post", "Hari sejak unggahan terakhir", "hari")]  # fmt: skip
    data = lampiran.to_pdf(df, title="OPD belum aktif Januari 2026", columns=cols)
    m = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert m and sorted(float(v) for v in m.groups()) == pytest.approx([595.28, 841.89], abs=0.1)
    text = re.sub(r"\s+", " ", pdftext.text(data))
    assert "Belum ada operator/admin media sosial" in text and "Dinas Pendidikan" in text
    assert lampiran.to_xlsx(df, title="OPD belum aktif", columns=cols)[:2] == b"PK"
