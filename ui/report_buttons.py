"""Download buttons for documents built in reports/: lampiran of a table (Excel, PDF, CSV,
image), with the kop and the "Lampiran Surat" block filled per download. Pages only call these;
documents are built in plain Python when a button is pressed (lazy: nothing is built on a
rerun that does not download)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
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
    frame: pl.DataFrame, spec: Sequence[tuple[str, str, str]], *, title: str, key: str
) -> None:
    """One compact popover: paper, letter reference, then Excel / PDF / CSV / table image."""
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
        mime=XLSX_MIME, key=f"xlsx_{key}", icon=":material/table_view:", on_click="ignore",
    )  # fmt: skip
    pop.download_button(
        i18n.t("download_pdf"), lambda: build(lampiran.to_pdf), file_name=f"{name}.pdf",
        mime="application/pdf", key=f"pdf_{key}", icon=":material/picture_as_pdf:",
        on_click="ignore",
    )  # fmt: skip
    pop.download_button(
        i18n.tr("Unduh CSV", "Download CSV"), lambda: csvout.to_csv(frame, spec),
        file_name=f"{name}.csv", mime="text/csv", key=f"csv_{key}", icon=":material/csv:",
        on_click="ignore",
    )  # fmt: skip
    pop.download_button(
        i18n.tr("Tabel sebagai gambar (PNG)", "Table as image (PNG)"),
        lambda: table_image.to_png(frame, spec, title=title, subtitle=subtitle),
        file_name=f"{name}.png", mime="image/png", key=f"tpng_{key}", icon=":material/image:",
        on_click="ignore",
    )  # fmt: skip


def chart_downloads(chart, *, name: str, key: str) -> None:
    """PNG and SVG of an Altair chart at slide size (1280 x 720), rendered offline."""
    from reports import chart_image

    pop = st.popover(i18n.tr("Simpan grafik", "Save chart"), icon=":material/image:")
    pop.download_button(
        "PNG", lambda: chart_image.to_png(chart), file_name=f"{slug(name)}.png",
        mime="image/png", key=f"cpng_{key}", on_click="ignore",
    )  # fmt: skip
    pop.download_button(
        "SVG", lambda: chart_image.to_svg(chart), file_name=f"{slug(name)}.svg",
        mime="image/svg+xml", key=f"csvg_{key}", on_click="ignore",
    )  # fmt: skip


# ---------------------------------------------------------------- whole reports


@st.cache_data(show_spinner=False, max_entries=32, ttl=3600)
def _recap(f: data.Filters, lang: str, _version: tuple) -> str:
    from reports import whatsapp

    return whatsapp.recap(data.con(), f, lang=lang)


def whatsapp_recap(f: data.Filters) -> None:
    """A button that shows the WhatsApp recap of the current view in a box with a copy icon."""
    key = "show_wa_recap"
    if st.button(i18n.tr("Rekap WhatsApp", "WhatsApp recap"), icon=":material/chat:", key="wa_btn"):
        st.session_state[key] = not st.session_state.get(key, False)
    if st.session_state.get(key):
        st.caption(
            i18n.tr(
                "Salin dengan ikon di pojok kanan atas kotak, lalu tempel di grup WhatsApp.",
                "Copy with the icon at the box's top right, then paste into the WhatsApp group.",
            )
        )
        st.code(_recap(f, i18n.current_lang(), data.version()), language=None, wrap_lines=True)


def report_bar(f: data.Filters) -> None:
    """The whole-report buttons of Ringkasan: WhatsApp recap."""
    whatsapp_recap(f)
