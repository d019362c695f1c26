"""Download buttons for documents built in reports/: lampiran of a table (Excel, PDF, CSV,
image), with the kop and the "Lampiran Surat" block filled per download. Pages only call these;
documents are built in plain Python when a button is pressed (lazy: nothing is built on a
rerun that does not download)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
import streamlit as st

from ui import data, filters, i18n

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def today_wib() -> dt.date:
    return dt.datetime.now(ZoneInfo("Asia/Jakarta")).date()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:60] or "lampiran"


def letter_parts():
    """(kop, signature) from Pengaturan > Lampiran surat, the signature dated today (WIB)."""
    from reports import letterhead

    cur = data.con().cursor()
    try:
        return letterhead.from_settings(cur, today_wib())
    finally:
        cur.close()


def letter_ref_inputs(box, key: str, subject: str):
    """Nomor / Tanggal / Perihal of the letter this download is attached to (blank = dots)."""
    from reports.letterhead import LetterRef

    with box.expander(i18n.tr("Lampiran surat nomor...", "Letter reference..."), expanded=False):
        number = st.text_input(i18n.tr("Nomor surat", "Letter number"), key=f"ltr_no_{key}",
                               placeholder="000.1/123/Diskominfo/2026")  # fmt: skip
        day = st.date_input(i18n.tr("Tanggal surat", "Letter date"), value=None,
                            key=f"ltr_date_{key}", format="DD/MM/YYYY")  # fmt: skip
        perihal = st.text_input(i18n.tr("Perihal", "Subject"), value=subject, key=f"ltr_subj_{key}")
    return LetterRef(number=number or "", date=day, subject=perihal or "")


def lampiran_popover(
    frame: pl.DataFrame,
    spec: Sequence[tuple[str, str, str]],
    *,
    title: str,
    key: str,
    on_download: Any = "ignore",
) -> None:
    """One compact popover: paper, letter reference, then Excel / PDF / CSV / table image.
    on_download: the download buttons' on_click (a callback audits a personal-data export)."""
    from reports import csvout, lampiran, table_image

    f = filters.current()
    subtitle = filters.describe(f)
    name = f"{slug(title)}_{f.start:%Y%m}-{f.end:%Y%m}"
    pop = st.popover(i18n.tr("Unduh lampiran", "Download appendix"), icon=":material/download:")
    paper = (
        pop.segmented_control(
            i18n.t("paper"), ["A4", "F4"], default="A4", key=f"paper_{key}", required=True
        )
        or "A4"
    )
    ref = letter_ref_inputs(pop, key, title)

    def build(writer):
        kop, sig = letter_parts()
        return writer(frame, title=title, subtitle=subtitle, columns=spec, paper=paper,
                      signature=sig, kop=kop, letter=ref)  # fmt: skip

    pop.download_button(
        i18n.t("download_xlsx"), lambda: build(lampiran.to_xlsx), file_name=f"{name}.xlsx",
        mime=XLSX_MIME, key=f"xlsx_{key}", icon=":material/table_view:", on_click=on_download,
    )  # fmt: skip
    pop.download_button(
        i18n.t("download_pdf"), lambda: build(lampiran.to_pdf), file_name=f"{name}.pdf",
        mime="application/pdf", key=f"pdf_{key}", icon=":material/picture_as_pdf:",
        on_click=on_download,
    )  # fmt: skip
    pop.download_button(
        i18n.tr("Unduh CSV", "Download CSV"), lambda: csvout.to_csv(frame, spec),
        file_name=f"{name}.csv", mime="text/csv", key=f"csv_{key}", icon=":material/csv:",
        on_click=on_download,
    )  # fmt: skip
    pop.download_button(
        i18n.tr("Tabel sebagai gambar (PNG)", "Table as image (PNG)"),
        lambda: table_image.to_png(frame, spec, title=title, subtitle=subtitle),
        file_name=f"{name}.png", mime="image/png", key=f"tpng_{key}", icon=":material/image:",
        on_click=on_download,
    )  # fmt: skip


def chart_name(chart) -> str:
    """The chart's title as a file name ("grafik" when it has none)."""
    title = getattr(chart, "title", None)
    text = getattr(title, "text", title)
    if isinstance(text, list):
        text = " ".join(map(str, text))
    return slug(text) if isinstance(text, str) and text else "grafik"


def chart_downloads(chart, *, key: str) -> None:
    """PNG and SVG of an Altair chart at slide size (1280 x 720), rendered offline when the
    button is pressed, numbers and months in the chosen language."""
    from ui import auth

    if not auth.can("export"):
        return
    from reports import chart_image

    lang = i18n.current_lang()
    name = f"{chart_name(chart)}_{key}"
    pop = st.popover(i18n.tr("Simpan grafik", "Save chart"), icon=":material/image:")
    pop.download_button(
        i18n.tr("Gambar PNG (slide)", "PNG image (slide)"),
        lambda: chart_image.to_png(chart, lang=lang), file_name=f"{name}.png",
        mime="image/png", key=f"cpng_{key}", on_click="ignore",
    )  # fmt: skip
    pop.download_button(
        i18n.tr("Gambar SVG", "SVG image"), lambda: chart_image.to_svg(chart, lang=lang),
        file_name=f"{name}.svg", mime="image/svg+xml", key=f"csvg_{key}", on_click="ignore",
    )  # fmt: skip


# ---------------------------------------------------------------- whole reports


@st.cache_data(show_spinner=False, max_entries=32, ttl=3600)
def _recap(f: data.Filters, lang: str, _version: tuple) -> str:
    from reports import whatsapp

    return whatsapp.recap(data.con(), f, lang=lang)


WA_SHOWN = "show_wa_recap"


def whatsapp_button() -> None:
    """Shows or hides the WhatsApp recap box (whatsapp_recap draws it)."""
    if st.button(i18n.tr("Rekap WhatsApp", "WhatsApp recap"), icon=":material/chat:", key="wa_btn"):
        st.session_state[WA_SHOWN] = not st.session_state.get(WA_SHOWN, False)


def whatsapp_recap(f: data.Filters) -> None:
    """The WhatsApp recap of the current view in a box with a copy icon, when asked for."""
    if st.session_state.get(WA_SHOWN):
        st.caption(
            i18n.tr(
                "Salin dengan ikon di pojok kanan atas kotak, lalu tempel di grup WhatsApp.",
                "Copy with the icon at the box's top right, then paste into the WhatsApp group.",
            )
        )
        st.code(_recap(f, i18n.current_lang(), data.version()), language=None, wrap_lines=True)


def _period_name(f: data.Filters) -> str:
    return f"{f.start:%Y-%m}" if (f.start.year, f.start.month) == (f.end.year, f.end.month) else (
        f"{f.start:%Y-%m}_{f.end:%Y-%m}")  # fmt: skip


def monthly_report(f: data.Filters) -> None:
    """Laporan bulanan of the current period and filters: PDF and Word, A4 or F4."""
    from reports import doc_docx, doc_pdf, monthly

    pop = st.popover(i18n.tr("Laporan bulanan", "Monthly report"), icon=":material/description:")
    paper = pop.segmented_control(i18n.t("paper"), ["A4", "F4"], default="A4",
                                  key="monthly_paper", required=True) or "A4"  # fmt: skip
    pop.caption(
        i18n.tr(
            "Sampul dengan kop, angka utama dan perbandingannya, grafik, peringkat, OPD belum "
            "aktif, kampanye, kelengkapan data dan cara menghitung setiap angka. Periode dan "
            "filter seperti di layar; menyusunnya perlu beberapa detik.",
            "Cover with letterhead, key figures with comparison, charts, ranking, inactive "
            "OPDs, campaigns, data coverage and how each figure is computed. Period and filters "
            "as on screen; building takes a few seconds.",
        )
    )

    def build():
        kop, sig = letter_parts()
        return monthly.build(data.con(), f, kop=kop, signature=sig, paper=paper,
                             made_on=today_wib())  # fmt: skip

    name = f"laporan_bulanan_medsos_{_period_name(f)}"
    pop.download_button(
        "PDF", lambda: doc_pdf.render(build()), file_name=f"{name}.pdf", mime="application/pdf",
        key="monthly_pdf", icon=":material/picture_as_pdf:", on_click="ignore",
    )  # fmt: skip
    pop.download_button(
        "Word (DOCX)", lambda: doc_docx.render(build()), file_name=f"{name}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        key="monthly_docx", icon=":material/article:", on_click="ignore",
    )  # fmt: skip


def rapor_buttons(f: data.Filters) -> None:
    """Rapor OPD: one OPD, or every OPD of the filter as one PDF or a ZIP of one file each."""
    from reports import doc_pdf, rapor

    pop = st.popover(i18n.tr("Rapor OPD", "OPD report cards"), icon=":material/school:")
    ranked = data.opd_index(f)
    if not ranked.height:
        pop.caption(i18n.tr("Tidak ada OPD dalam filter ini.", "No OPD in this filter."))
        return
    everyone = i18n.tr("Semua OPD", "All OPDs")
    options = [everyone, *ranked["opd"].to_list()]
    ids = dict(zip(ranked["opd"].to_list(), ranked["opd_id"].to_list(), strict=True))
    scope = f.viewer_opd_id
    if scope is not None:  # an operator: the rapor of their own OPD only
        options = [n for n, i in ids.items() if i == scope]
        if not options:
            pop.caption(i18n.tr("OPD Anda tidak ada dalam filter ini.", "Your OPD is not in "
                                "this filter."))  # fmt: skip
            return
    who = pop.selectbox("OPD", options, key="rapor_opd")
    paper = pop.segmented_control(i18n.t("paper"), ["A4", "F4"], default="A4",
                                  key="rapor_paper", required=True) or "A4"  # fmt: skip

    def one_pdf() -> bytes:
        kop, sig = letter_parts()
        chosen = None if who == everyone else [ids[who]]
        return doc_pdf.render(rapor.build(data.con(), f, chosen, kop=kop, signature=sig,
                                          paper=paper))  # fmt: skip

    def all_zip() -> bytes:
        kop, sig = letter_parts()
        return rapor.to_zip(data.con(), f, kop=kop, signature=sig, paper=paper)

    pdf_name = (rapor.file_name(who, f) if who != everyone
                else f"Rapor Medsos {_period_name(f)} - semua OPD.pdf")  # fmt: skip
    pop.download_button(
        i18n.tr("PDF (satu halaman per OPD)", "PDF (one page per OPD)"), one_pdf,
        file_name=pdf_name, mime="application/pdf", key="rapor_pdf",
        icon=":material/picture_as_pdf:", on_click="ignore",
    )  # fmt: skip
    if scope is not None:
        return
    pop.download_button(
        i18n.tr("ZIP: satu berkas per OPD", "ZIP: one file per OPD"), all_zip,
        file_name=f"Rapor Medsos {_period_name(f)}.zip", mime="application/zip",
        key="rapor_zip", icon=":material/folder_zip:", on_click="ignore",
    )  # fmt: skip


def report_bar(f: data.Filters) -> None:
    """The whole-report buttons of Ringkasan, side by side: monthly report, rapor, WhatsApp."""
    from ui import auth

    if not auth.can("export"):
        return
    c1, c2, c3 = st.columns(3)
    with c1:
        monthly_report(f)
    with c2:
        rapor_buttons(f)
    with c3:
        whatsapp_button()
    whatsapp_recap(f)
