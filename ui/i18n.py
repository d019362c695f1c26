"""Labels a user reads (Bahasa Indonesia first, English switch); number and date formats are
in ui.i18n_format (re-exported here).

Pages never write a user-visible string literal for shared concepts (platforms, content types,
OPD kinds, KPI names): they look it up here, so the projector, the tables and the lampiran agree.
"""

from __future__ import annotations

from typing import Any

from ui.lang import current_lang

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
    NOT_JUDGED_REASONS,
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
    """received / partial / missing -> Diterima / Sebagian / Belum ada; running -> 'Baru
    sebagian (bulan berjalan)' (warehouse.vocabulary)."""
    from warehouse.vocabulary import COVERAGE_RUNNING, COVERAGE_STATUS

    return _paired({**COVERAGE_STATUS, "running": COVERAGE_RUNNING}, code)


# Number and date formats live in ui.i18n_format; pages reach them through here.
from ui.i18n_format import (  # noqa: E402
    fmt_date,
    fmt_delta,
    fmt_delta_pp,
    fmt_int,
    fmt_month,
    fmt_num,
    fmt_pct,
    fmt_through,
)

__all__ = [
    "current_lang",
    "fmt_date",
    "fmt_delta",
    "fmt_delta_pp",
    "fmt_int",
    "fmt_month",
    "fmt_num",
    "fmt_pct",
    "fmt_through",
]
