"""Kop surat, letter block, signature with pangkat, link column and post text as data, in every
lampiran file (xlsx opened with openpyxl, PDF read with pypdf, CSV decoded)."""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import polars as pl
import pytest
from PIL import Image
from pypdf import PdfReader

from reports import csvout, fonts, lampiran, table_image
from reports.letterhead import Kop, LetterRef, Signature
from warehouse.db import connect
from warehouse.letter import get_logo, save_logo

BOLD_CAPTION = (
    "\U0001d412\U0001d41e\U0001d425\U0001d41a\U0001d426\U0001d41a\U0001d42d Hari Guru \U0001f389"
)
ROWS = pl.DataFrame(
    {
        "when": [dt.date(2026, 1, 5), dt.date(2026, 1, 6), dt.date(2026, 1, 7)],
        "caption": [BOLD_CAPTION, "=HYPERLINK(\"http://x\")", "<b>tebal</b> **bukan markdown** & @akun"],
        "link": ["https://www.facebook.com/dinkes/posts/1234567890123456789", None, "https://x.com/a/status/1"],
        "posts": [1200, -3, 7],
    }
)  # fmt: skip
COLS = [("when", "Tanggal", "tanggal"), ("caption", "Keterangan", "teks"),
        ("link", "Tautan", "tautan"), ("posts", "Jumlah", "angka")]  # fmt: skip
KOP = Kop(
    government="Pemerintah Kabupaten Sukamaju", agency="Dinas Komunikasi dan Informatika",
    address="Jl. Merdeka No. 1, Sukamaju 40111", phone="(0262) 123456",
    email="diskominfo@sukamajukab.go.id", website="diskominfo.sukamajukab.go.id",
)  # fmt: skip
REF = LetterRef(number="000.1/77/Diskominfo/2026", date=dt.date(2026, 2, 3), subject="Evaluasi")
SIG = Signature(name="Drs. Asep Rukmana, M.Si.", nip="19700101 199503 1 002",
                rank="Pembina Utama Muda (IV/c)", place="Sukamaju", date=dt.date(2026, 2, 3))  # fmt: skip


def _logo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 140), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_xlsx_kop_letter_block_signature_links_and_no_formulas():
    data = lampiran.to_xlsx(ROWS, title="Contoh", subtitle="Januari 2026", columns=COLS,
                            paper="F4", kop=Kop(**{**KOP.__dict__, "logo": _logo()}), letter=REF,
                            signature=SIG)  # fmt: skip
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    col_a = [ws.cell(row=r, column=1).value for r in range(1, 12)]
    assert col_a[:4] == [
        "PEMERINTAH KABUPATEN SUKAMAJU", "DINAS KOMUNIKASI DAN INFORMATIKA",
        "Jl. Merdeka No. 1, Sukamaju 40111",
        "Telepon (0262) 123456  \u2022  Pos-el diskominfo@sukamajukab.go.id  \u2022  "
        "Laman diskominfo.sukamajukab.go.id",
    ]  # fmt: skip
    assert ws.cell(row=5, column=1).border.bottom.style == "double"
    assert len(ws._images) == 1  # the logo
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Nomor    : 000.1/77/Diskominfo/2026" in values
    assert "Tanggal  : 3 Februari 2026" in values and "Perihal  : Evaluasi" in values
    assert "Pembina Utama Muda (IV/c)" in values and "NIP. 19700101 199503 1 002" in values
    header = next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "No")
    assert [ws.cell(row=header, column=c).value for c in range(1, 6)] == [
        "No", "Tanggal", "Keterangan", "Tautan", "Jumlah"]  # fmt: skip
    assert ws.print_title_rows == f"${header}:${header}"
    assert int(ws.page_setup.paperSize) == 14
    first = header + 1
    assert ws.cell(row=first, column=3).value == BOLD_CAPTION  # data kept as typed
    formula_cell = ws.cell(row=first + 1, column=3)
    assert formula_cell.value == '=HYPERLINK("http://x")' and formula_cell.data_type == "s"
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws.cell(row=first + 1, column=5).value == -3
    link = ws.cell(row=first, column=4)
    assert link.hyperlink.target == "https://www.facebook.com/dinkes/posts/1234567890123456789"
    assert ws.cell(row=first + 1, column=4).value is None
    # Sized by content: the caption column is the widest, dates and counts narrow.
    widths = {c: ws.column_dimensions[c].width for c in "BCDE"}
    assert widths["C"] > widths["B"] and widths["C"] > widths["E"] and widths["B"] < 20


def test_xlsx_without_kop_starts_with_the_title_block():
    ws = openpyxl.load_workbook(io.BytesIO(lampiran.to_xlsx(
        ROWS, title="Contoh", columns=COLS, kop=Kop()))).active  # fmt: skip
    assert ws["A1"].value == "LAMPIRAN"


@pytest.mark.parametrize(("paper", "size"), [("A4", (595.28, 841.89)), ("F4", (609.45, 935.43))])
def test_pdf_kop_unicode_bold_emoji_markup_and_paper(paper, size):
    if not fonts.has_unicode() or not fonts.FALLBACKS["NotoEmoji"].exists():
        pytest.fail("fonts-dejavu-core and fonts-noto-color-emoji must be installed (.ci/run)")
    data = lampiran.to_pdf(ROWS, title="Contoh", subtitle="Januari 2026", columns=COLS,
                           paper=paper, kop=Kop(**{**KOP.__dict__, "logo": _logo()}),
                           letter=REF, signature=SIG)  # fmt: skip
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert sorted([float(box.width), float(box.height)]) == pytest.approx(sorted(size), abs=0.1)
    text = _flat(" ".join(p.extract_text() for p in reader.pages))
    assert "PEMERINTAH KABUPATEN SUKAMAJU" in text and "Pos-el diskominfo@sukamajukab.go.id" in text
    assert "000.1/77/Diskominfo/2026" in text and "3 Februari 2026" in text
    assert "Selamat Hari Guru" in text  # bold letters folded to plain ones, none lost
    assert "\U0001f389" in text  # the emoji survives
    assert "<b>tebal</b> **bukan markdown** & @akun" in text  # printed literally
    assert "facebook.com/dinke..." in text  # the link column is there, shortened
    assert "Pembina Utama Muda (IV/c)" in text and "NIP. 19700101 199503 1 002" in text
    links = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert "https://www.facebook.com/dinkes/posts/1234567890123456789" in links


def test_csv_has_bom_and_formula_safe_text():
    raw = csvout.to_csv(ROWS, COLS)
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "No,Tanggal,Keterangan,Tautan,Jumlah"
    assert lines[1].startswith(f"1,2026-01-05,{BOLD_CAPTION},https://www.facebook.com/")
    assert lines[1].endswith(",1200")
    assert lines[2] == '2,2026-01-06,"\'=HYPERLINK(""http://x"")",,-3'  # number stays a number
    assert "'@" not in lines[3] and lines[3].split(",")[2].startswith("<b>")


def test_table_image_is_a_png_sized_by_its_rows():
    small = Image.open(io.BytesIO(table_image.to_png(ROWS, COLS, title="Contoh")))
    big = Image.open(io.BytesIO(table_image.to_png(pl.concat([ROWS] * 5), COLS, title="Contoh")))
    assert small.format == big.format == "PNG"
    assert big.size[0] == small.size[0] > 600 and big.size[1] > small.size[1]


def test_logo_is_stored_as_png_and_a_non_image_is_refused():
    con = connect(":memory:")
    assert get_logo(con) is None
    save_logo(con, _logo(), "logo.png")
    with Image.open(io.BytesIO(get_logo(con))) as im:
        assert im.format == "PNG" and im.size == (120, 140)
    with pytest.raises(ValueError, match=r"catatan\.txt: bukan gambar"):
        save_logo(con, b"bukan gambar", "catatan.txt")
    assert get_logo(con) is not None  # a refused upload keeps the old logo
    save_logo(con, None)
    assert get_logo(con) is None
