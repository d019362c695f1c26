"""Laporan bulanan and Rapor OPD: every produced file opened and its content checked against
the warehouse queries (PDF with pypdf, DOCX with python-docx, ZIP entries)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import polars as pl
import pytest
from pypdf import PdfReader

from reports import doc_docx, doc_pdf, idfmt, monthly, rapor
from tests.factory import JAN, coverage_written
from tests.reports.test_letterhead import KOP, SIG
from warehouse import metrics
from warehouse.queries import activity, filters, summary
from warehouse.queries import content as content_queries

F = filters.Filters(*JAN)


def _text(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def monthly_doc():
    from tests.factory import hand_warehouse

    con = hand_warehouse()
    yield (
        con,
        monthly.build(con, F, kop=KOP, signature=SIG, paper="F4", made_on=dt.date(2026, 2, 3)),
    )
    con.close()


def test_monthly_pdf_has_every_section_with_warehouse_figures(monthly_doc):
    con, d = monthly_doc
    data = doc_pdf.render(d)
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((609.45, 935.43), abs=0.1)  # F4
    pages = _text(data)
    text = " ".join(pages)
    assert pages[0].startswith("PEMERINTAH KABUPATEN SUKAMAJU")
    for section in ("1. Angka utama", "2. Keaktifan dan jenis konten",
                    "3. Peringkat Indeks Medsos OPD", "4. OPD belum aktif dan alasannya",
                    "5. Partisipasi kampanye", "6. Kelengkapan data yang diterima",
                    "Cara menghitung setiap angka"):  # fmt: skip
        assert section in text
    k = {r["key"]: r for r in summary.kpi_summary(con, F).iter_rows(named=True)}
    rate = k["activity_rate"]
    assert idfmt.format_percent(rate["value"]) in pages[0]
    assert idfmt.format_change(rate["change_previous"], "persen") + " vs Desember 2025" in text
    for r in activity.opd_index(con, F).iter_rows(named=True):
        assert f"{r['opd']}" in text and idfmt.format_number(r["index_score"], 1) in text
    for r in activity.inactive_opds(con, F).iter_rows(named=True):
        assert r["opd"] in text
    assert metrics.KPIS["activity_rate"].description[:60] in text  # the method page
    assert "Pembina Utama Muda (IV/c)" in text
    # The method page is last and carries no signature (it closes the report page before).
    assert "Cara menghitung" in pages[-1] and "NIP." not in pages[-1]
    assert len(reader.pages[1].images) + len(reader.pages[0].images) >= 2  # the two charts


def test_monthly_docx_has_the_same_content(monthly_doc):
    con, d = monthly_doc
    document = docx.Document(io.BytesIO(doc_docx.render(d)))
    paras = [p.text for p in document.paragraphs]
    assert paras[:2] == ["PEMERINTAH KABUPATEN SUKAMAJU", "DINAS KOMUNIKASI DAN INFORMATIKA"]
    assert "LAPORAN BULANAN EVALUASI MEDIA SOSIAL OPD" in paras
    assert "3. Peringkat Indeks Medsos OPD" in paras and "NIP. 19700101 199503 1 002" in paras
    assert len(document.inline_shapes) == 2  # the two charts
    ranking = next(t for t in document.tables if t.rows[0].cells[0].text == "Peringkat")
    best = activity.opd_index(con, F).row(0, named=True)
    assert [c.text for c in ranking.rows[1].cells][:2] == ["1", best["opd"]]
    sec = document.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (215, 330)


def test_rapor_one_page_per_opd_with_its_own_figures(wh):
    index = activity.opd_index(wh, F)
    data = doc_pdf.render(rapor.build(wh, F, kop=KOP, signature=SIG, paper="A4"))
    pages = _text(data)
    assert len(pages) == index.height  # one page each
    for page, r in zip(pages, index.iter_rows(named=True), strict=True):
        assert page.startswith("PEMERINTAH KABUPATEN SUKAMAJU")  # kop on every page
        assert f"RAPOR MEDIA SOSIAL OPD {r['opd']}" in page
        ranked = index["rank"].drop_nulls().len()
        assert f"peringkat {r['rank']} dari {ranked} OPD" in page
        assert idfmt.format_number(r["index_score"], 1) in page and "NIP." in page
    by_name = {r["opd"]: p for r, p in zip(index.iter_rows(named=True), pages, strict=True)}
    # Desa Sukamaju's TikTok account never posted: said in its improvement points.
    assert "Akun TikTok sukamaju belum pernah mengunggah." in by_name["Desa Sukamaju"]
    # Dinas Pendidikan: ucapan share from the warehouse, against the 30% limit.
    share = content_queries.content_share_by_opd(wh, F).filter(pl.col("opd") == "Dinas Pendidikan")
    ucapan = idfmt.format_percent(share["ucapan_share"][0])
    assert f"Porsi ucapan {ucapan}, di atas batas 30%" in by_name["Dinas Pendidikan"]


def test_rapor_of_a_month_whose_data_never_arrived_judges_nobody():
    # Every file covers January only: February's data never arrived. The letter must not
    # tell those OPD heads "Belum aktif" nor print a rank of None.
    from tests.factory import hand_warehouse

    con = hand_warehouse()
    try:
        con.execute("UPDATE load_coverage SET period_end = DATE '2026-01-31'")
        coverage_written(con)
        feb = filters.Filters(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
        index = activity.opd_index(con, feb)
        pages = _text(doc_pdf.render(rapor.build(con, feb)))
    finally:
        con.close()
    assert len(pages) == index.height
    statuses = index["activity_status"].to_list()
    assert "no_data" in statuses
    ranked = index["rank"].drop_nulls().len()
    for page, r in zip(pages, index.iter_rows(named=True), strict=True):
        assert "None" not in page
        if r["activity_status"] == "no_data":
            assert "belum diperingkat: data periode ini belum diterima" in page
            assert "Status keaktifan Data belum diterima" in page
            assert "Belum aktif" not in page
        else:
            assert f"peringkat {r['rank']} dari {ranked} OPD" in page


def test_rapor_for_one_opd_and_unknown_opd(wh):
    one = doc_pdf.render(rapor.build(wh, F, [2]))
    assert len(_text(one)) == 1 and "Dinas Pendidikan" in _text(one)[0]
    with pytest.raises(ValueError, match="tidak ada dalam filter"):
        rapor.build(wh, F, [999])


def test_rapor_zip_has_one_named_pdf_per_opd(wh):
    names = activity.opd_index(wh, F)["opd"].to_list()
    with zipfile.ZipFile(io.BytesIO(rapor.to_zip(wh, F))) as z:
        files = z.namelist()
        assert files == [f"Rapor Medsos Januari 2026 - {n}.pdf" for n in names]
        first = z.read(files[0])
    assert first.startswith(b"%PDF") and names[0] in _text(first)[0]
