"""Labels a user reads (Bahasa Indonesia first, English switch) and id-ID number/date formatting.

Pages never write a user-visible string literal for shared concepts (platforms, content types,
OPD kinds, KPI names): they look it up here, so the projector, the tables and the lampiran agree.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

# The vocabulary (codes and their words) is defined once in warehouse.vocabulary, the KPIs in
# warehouse.metrics; pages read them through here.
from warehouse.metrics import KPIS  # noqa: E402
from warehouse.vocabulary import (  # noqa: E402, F401
    ACTIVITY_RULES,
    CONTENT_LABELS_EN,
    CONTENT_LABELS_ID,
    DAYS_ID,
    DAYS_SHORT_ID,
    FORMAT_LABELS,
    GRADES_EN,
    KIND_LABELS,
    MONTHS_EN,
    MONTHS_ID,
    MONTHS_SHORT_EN,
    MONTHS_SHORT_ID,
    PLATFORM_LABELS,
    REASON_LABELS_EN,
    REASON_LABELS_ID,
)

# Text keys -> (Indonesian, English). Only strings shared by several pages live here; a
# page-specific sentence may be written inline through tr("...", "...").
TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("Pantau Medsos", "Pantau Medsos"),
    "group_meeting": ("Rapat Pimpinan", "Leadership meeting"),
    "group_analyst": ("Analis", "Analyst"),
    "group_admin": ("Admin", "Admin"),
    "page_audit": ("Pengguna & Audit", "Users & audit"),
    "page_ringkasan": ("Ringkasan", "Overview"),
    "page_keaktifan": ("Keaktifan OPD", "OPD activity"),
    "page_konten": ("Jenis Konten", "Content types"),
    "page_tren": ("Tren", "Trends"),
    "page_kampanye": ("Kampanye", "Campaigns"),
    "page_unggah": ("Unggah Data", "Upload data"),
    "page_pengaturan": ("Pengaturan", "Settings"),
    "page_kelengkapan": ("Kelengkapan Data", "Data completeness"),
    "filters": ("Filter", "Filters"),
    "period_from": ("Dari bulan", "From month"),
    "period_to": ("Sampai bulan", "To month"),
    "platform": ("Platform", "Platform"),
    "opd_kind": ("Jenis OPD", "OPD kind"),
    "opd": ("OPD", "Agency (OPD)"),
    "all": ("Semua", "All"),
    "presentation": ("Mode presentasi", "Presentation mode"),
    "exit_presentation": ("Keluar dari mode presentasi", "Leave presentation mode"),
    "language": ("Bahasa", "Language"),
    "share_hint": (
        "Alamat halaman ini menyimpan filter: salin dari bilah alamat untuk membagikan tampilan.",
        "This page's address keeps the filters: copy it from the address bar to share the view.",
    ),
    "opd_link_unknown": (
        "OPD dari tautan tidak ditemukan dalam daftar akun: {names}. Pilih OPD di filter; "
        "angka di bawah ini untuk semua OPD yang terpilih.",
        "OPD named by the link is not in the account list: {names}. Choose the OPD in the "
        "filter; the figures below are for every selected OPD.",
    ),
    "preparing": (
        "Menyiapkan gudang data dari data contoh (sekali saja, sekitar setengah menit)...",
        "Building the warehouse from the sample data (once, about half a minute)...",
    ),
    "preparing_file": ("Memuat berkas contoh {i} dari {n}", "Loading sample file {i} of {n}"),
    "no_data_title": ("Belum ada data", "No data yet"),
    "no_data_body": (
        "Gudang data masih kosong. Buka **Unggah Data** untuk memuat ekspor Meta Business Suite, "
        "TikTok Studio, YouTube Studio, X, atau Rekap Postingan OPD.",
        "The warehouse is empty. Open **Upload data** to load Meta Business Suite, TikTok Studio, "
        "YouTube Studio, X exports or the OPDs' Rekap Postingan logbooks.",
    ),
    "no_match_title": ("Tidak ada data untuk filter ini", "Nothing matches these filters"),
    "no_match_body": (
        "Longgarkan filter di panel kiri: perpanjang periode, atau kosongkan pilihan platform, "
        "jenis OPD dan OPD.",
        "Loosen the filters on the left: widen the period, or clear platform, OPD kind and OPD.",
    ),
    "drill_title": ("Postingan di balik angka ini", "Posts behind this number"),
    "open_post": ("Buka", "Open"),
    "download_xlsx": ("Unduh lampiran Excel", "Download Excel appendix"),
    "download_pdf": ("Unduh lampiran PDF", "Download PDF appendix"),
    "paper": ("Ukuran kertas", "Paper size"),
    "month": ("Bulan", "Month"),
    "rank": ("No.", "No."),
    "index": ("Indeks", "Index"),
    "content_type": ("Jenis konten", "Content type"),
    "share": ("Porsi", "Share"),
    "count": ("Jumlah", "Count"),
    "date": ("Tanggal", "Date"),
    "caption": ("Keterangan", "Caption"),
    "reason": ("Alasan", "Reason"),
    "link": ("Tautan", "Link"),
    "days_since": ("Hari tanpa unggahan", "Days since last post"),
    "last_post": ("Unggahan terakhir", "Last post"),
    "vs_prev": ("dibanding periode sebelumnya", "vs previous period"),
}

# KPI names are defined once, in warehouse.metrics.KPIS (the tile name): these keys read them.
_KPI_TEXT_KEYS = {
    "activity_rate": "activity_rate",
    "active_opd": "active_opds",
    "posts": "posts",
    "kinerja_share": "kinerja_share",
    "ucapan_share": "ucapan_share",
    "figure_share": "figure_share",
    "engagement": "engagement",
    "no_operator": "opds_without_operator",
}
TEXT.update({k: (KPIS[v].tile, KPIS[v].tile_en) for k, v in _KPI_TEXT_KEYS.items()})

_LANG = {"id": 0, "en": 1}


def current_lang() -> str:
    """'id' or 'en', from the session (ui.filters keeps it in sync with ?lang=)."""
    try:
        import streamlit as st

        lang = st.session_state.get("lang")
    except Exception:  # outside a Streamlit run (unit tests of this module)
        lang = None
    return "en" if lang in ("en", "English") else "id"


def t(key: str) -> str:
    """The label for key in the current language (the key itself if unknown: visible in review)."""
    pair = TEXT.get(key)
    if pair is None:
        return key
    return pair[_LANG[current_lang()]]


def tr(indonesian: str, english: str) -> str:
    """An inline, page-specific string in both languages."""
    return english if current_lang() == "en" else indonesian


# Post formats as stored (etl.schema.POST_FORMATS) and "tidak_tercatat" (the source did not say).
POST_FORMAT_LABELS = {
    "tautan": ("Berita/tautan", "News/link"),
    "foto": ("Foto", "Photo"),
    "video": ("Video", "Video"),
    "reels": ("Reels/Shorts", "Reels/Shorts"),
    "carousel": ("Carousel", "Carousel"),
    "story": ("Story", "Story"),
    "live": ("Siaran langsung", "Live"),
    "teks": ("Teks saja", "Text only"),
    "tidak_tercatat": ("Tidak tercatat", "Not recorded"),
}


def _paired(labels: dict[str, tuple[str, str]], code: str | None) -> str:
    """code's (Indonesian, English) label in the current language; the code itself (or "-")
    when the table does not name it."""
    pair = labels.get(code or "")
    if pair is None:
        return code or "-"
    return pair[1] if current_lang() == "en" else pair[0]


def post_format_label(code: str | None) -> str:
    return _paired(POST_FORMAT_LABELS, code)


# Loads made by the app itself, not by a person (loads.loaded_by).
WHO_LABELS = {
    "bootstrap": (
        "Sistem (data contoh saat pertama dibuka)",
        "System (sample data on first start)",
    ),
}


def who_label(value: str | None) -> str:
    """Who loaded a file: the analyst's name as typed, or the app's own loads in words."""
    return _paired(WHO_LABELS, value)


def content_label(code: str | None) -> str:
    labels = CONTENT_LABELS_EN if current_lang() == "en" else CONTENT_LABELS_ID
    return labels.get(code or "", code or "-")


def platform_label(code: str | None) -> str:
    return PLATFORM_LABELS.get(code or "", code or "-")


def grade_label(grade: str | None) -> str:
    """The warehouse names grades in Indonesian (metrics.grade_case); English: GRADES_EN."""
    if grade is None:
        return "-"
    return GRADES_EN.get(grade, grade) if current_lang() == "en" else grade


LOAD_STATUS = {  # loads.status -> (Indonesian, English)
    "loaded": ("Dimuat", "Loaded"),
    "skipped": ("Dilewati", "Skipped"),
    "failed": ("Gagal", "Failed"),
    "needs_review": ("Perlu diperiksa", "Needs review"),
    "undone": ("Dibatalkan", "Undone"),
}


def load_status_label(code: str | None) -> str:
    return _paired(LOAD_STATUS, code)


def format_label(code: str | None) -> str:
    return FORMAT_LABELS.get(code or "", code or "-")


def kind_label(code: str | None) -> str:
    return KIND_LABELS.get(code or "", (code or "-").title())


def reason_label(code: str | None) -> str:
    labels = REASON_LABELS_EN if current_lang() == "en" else REASON_LABELS_ID
    return labels.get(code or "", code or "-")


def kpi_label(key: str) -> str:
    """A KPI card's name from warehouse.metrics.KPIS (its tile name, else its label)."""
    k = KPIS[key]
    return tr(k.tile or k.label, k.tile_en or k.tile or k.label)


def kpi_help(key: str) -> str | None:
    """How a KPI is computed, from warehouse.metrics.KPIS (None when no text in English)."""
    k = KPIS[key]
    return tr(k.description, k.description_en) or None


def activity_rule_label(rule: str) -> str:
    """The activity rule's name ('Satu akun mencapai minimal sendiri'); KeyError when unknown."""
    r = ACTIVITY_RULES[rule]
    return tr(r.label, r.label_en)


def activity_minimum_text(rule: str, required: Any) -> str:
    """The minimum as a list states it: 'minimal 24 unggahan dari satu akun' (rule 'account')
    or '... dari semua akun OPD' ('opd_total'). KeyError when the rule is unknown."""
    r = ACTIVITY_RULES[rule]
    n = fmt_int(required)
    return tr(r.minimum, r.minimum_en).format(n=n)


def activity_counted_label(rule: str) -> str:
    """What the rule counts: 'akun terbanyak' / 'semua akun'."""
    r = ACTIVITY_RULES[rule]
    return tr(r.counted, r.counted_en)


def coverage_label(code: str | None) -> str:
    """received / partial / missing -> Diterima / Sebagian / Belum ada (warehouse.metrics)."""
    from warehouse.vocabulary import COVERAGE_STATUS

    return _paired(COVERAGE_STATUS, code)


# ---- id-ID number and date formatting (1.234,5; 3 Oktober 2026) --------------------------


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt_num(x: Any, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5': the same rounding (half up) as the lampiran (reports.idfmt)."""
    if _missing(x):
        return "-"
    from reports import idfmt

    text = idfmt.format_number(x, decimals)
    if current_lang() == "en":
        text = text.replace(".", "\x00").replace(",", ".").replace("\x00", ",")
    return text


def fmt_int(x: Any) -> str:
    return fmt_num(x, 0)


def fmt_pct(x: Any, decimals: int = 1, *, ratio: bool = True) -> str:
    """0.452 -> '45,2%' (ratio=True) or 45.2 -> '45,2%' (ratio=False)."""
    if _missing(x):
        return "-"
    from decimal import Decimal

    return fmt_num(Decimal(str(x)) * (100 if ratio else 1), decimals) + "%"


def fmt_delta_pp(x: Any, decimals: int = 1) -> str:
    """A change of a ratio in percentage points: 0.052 -> '+5,2 poin'."""
    if _missing(x):
        return ""
    from decimal import Decimal

    v = Decimal(str(x)) * 100
    sign = "+" if v > 0 else ("-" if v < 0 else "±")
    unit = "pts" if current_lang() == "en" else "poin"
    return f"{sign}{fmt_num(abs(v), decimals)} {unit}"


def fmt_delta(x: Any, decimals: int = 0) -> str:
    if _missing(x):
        return ""
    v = float(x)
    sign = "+" if v > 0 else ("-" if v < 0 else "±")
    return f"{sign}{fmt_num(abs(v), decimals)}"


def fmt_date(d: dt.date | dt.datetime | None, *, with_time: bool = False) -> str:
    """3 Oktober 2026 (09.10)."""
    if d is None:
        return "-"
    months = MONTHS_EN if current_lang() == "en" else MONTHS_ID
    s = f"{d.day} {months[d.month - 1]} {d.year}"
    if with_time and isinstance(d, dt.datetime):
        s += f" {d.hour:02d}.{d.minute:02d}"
    return s


def fmt_month(d: dt.date | str | None, *, short: bool = True) -> str:
    """date(2026, 10, 1) or '2026-10' -> 'Okt 2026' (short) / 'Oktober 2026'."""
    if d is None:
        return "-"
    if isinstance(d, str):
        year, month = int(d[:4]), int(d[5:7])
    else:
        year, month = d.year, d.month
    if current_lang() == "en":
        names = MONTHS_SHORT_EN if short else MONTHS_EN
    else:
        names = MONTHS_SHORT_ID if short else MONTHS_ID
    return f"{names[month - 1]} {year}"
