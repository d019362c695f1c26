"""The project's vocabulary, defined once: every code the warehouse stores or returns (content
types, OPD kinds, platforms, inactive reasons, grades) with the words a user reads for it, in
Bahasa Indonesia and English, plus month and day names. No Streamlit: ui.i18n, reports/, the
charts and the warehouse's lookup tables (seed_lookup_tables) all read it from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import duckdb

# Content types that count as "kinerja" (performance) content; ucapan = greetings.
KINERJA_TYPES: tuple[str, ...] = ("kegiatan", "layanan", "informasi", "capaian", "klarifikasi")
CONTENT_TYPES: tuple[str, ...] = ("ucapan", *KINERJA_TYPES, "lainnya")

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_SHORT_ID = (
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
)  # fmt: skip
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAYS_SHORT_ID = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAYS_SHORT_EN = tuple(d[:3] for d in DAYS_EN)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_SHORT_EN = tuple(m[:3] for m in MONTHS_EN)

PLATFORM_LABELS = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "x": "X (Twitter)",
}

# Detected export layouts (etl.detect.FORMATS) as an analyst knows them.
FORMAT_LABELS = {
    "meta_facebook": "Meta Business Suite - Facebook",
    "meta_instagram": "Meta Business Suite - Instagram",
    "tiktok": "TikTok Studio",
    "youtube": "YouTube Studio",
    "x": "X (Twitter) Analytics",
    "logbook": "Rekap Postingan (logbook OPD)",
}

CONTENT_LABELS_ID = {
    "ucapan": "Ucapan",
    "kegiatan": "Kegiatan",
    "layanan": "Layanan",
    "informasi": "Informasi",
    "capaian": "Capaian",
    "klarifikasi": "Klarifikasi",
    "lainnya": "Lainnya",
    "belum_dilabeli": "Belum dilabeli",
}
CONTENT_LABELS_EN = {
    "ucapan": "Greetings",
    "kegiatan": "Activities",
    "layanan": "Services",
    "informasi": "Information",
    "capaian": "Achievements",
    "klarifikasi": "Clarifications",
    "lainnya": "Other",
    "belum_dilabeli": "Unlabelled",
}

KIND_LABELS = {
    "dinas": "Dinas",
    "badan": "Badan",
    "bagian": "Bagian",
    "sekretariat": "Sekretariat",
    "inspektorat": "Inspektorat",
    "rsud": "RSUD",
    "kecamatan": "Kecamatan",
    "kelurahan": "Kelurahan",
    "desa": "Desa",
    "lainnya": "Lainnya",
}

# Why an OPD is not active (Keaktifan page). Keys are what the warehouse returns.
REASON_LABELS_ID = {
    "no_account": "Belum punya akun",
    "no_account_platform": "Belum punya akun di platform ini",
    "no_operator": "Belum ada operator",
    "untrained_operator": "Operator belum pelatihan",
    "untrained": "Operator belum pelatihan",
    "dormant": "Akun tidak aktif (dorman)",
    "active": "Aktif",
    "low_activity": "Jarang mengunggah",
    "below_minimum": "Unggahan di bawah batas minimal",
    "aktif": "Masih mengunggah",
    "dorman": "Dorman",
    "belum_pernah": "Belum pernah mengunggah",
    "not_received": "Data belum diterima",
    "not_submitted": "Tidak menyerahkan data",
    "inactive": "Belum aktif",
    "no_data": "Data belum diterima",
    "partly_received": "Data baru sebagian (belum dinilai)",
}
REASON_LABELS_EN = {
    "no_account": "No account",
    "no_account_platform": "No account on this platform",
    "no_operator": "No operator",
    "untrained_operator": "Operator not trained",
    "untrained": "Operator not trained",
    "dormant": "Dormant account",
    "active": "Active",
    "low_activity": "Posts rarely",
    "below_minimum": "Below the minimum number of posts",
    "aktif": "Still posting",
    "dorman": "Dormant",
    "belum_pernah": "Never posted",
    "not_received": "Data not received yet",
    "not_submitted": "Data not submitted",
    "inactive": "Not active",
    "no_data": "Data not received",
    "partly_received": "Data only partly in (not judged yet)",
}


# The activity rule an analyst chooses (Pengaturan; warehouse.analyst_settings.Settings.activity_rule,
# applied by counted_posts in warehouse/sql/views/030_scope_and_activity.sql).
# code -> (label ID, label EN, explanation ID, explanation EN, the minimum as a list says it
# ID / EN with {n} = the number of posts).
class ActivityRule(NamedTuple):
    label: str
    label_en: str
    help: str
    help_en: str
    minimum: str  # "minimal {n} unggahan dari satu akun"
    minimum_en: str
    counted: str  # what the counted number is: "akun terbanyak"
    counted_en: str


ACTIVITY_RULES: dict[str, ActivityRule] = {
    "account": ActivityRule(
        "Satu akun mencapai minimal sendiri",
        "One account reaches the minimum on its own",
        "OPD aktif bila akun resminya yang paling banyak mengunggah mencapai batas minimal "
        "sendirian; unggahan akun lain tidak ditambahkan. Mendorong setiap akun dikelola "
        "sungguh-sungguh, bukan tersebar tipis di banyak platform.",
        "An OPD is active when its busiest official account reaches the minimum on its own; "
        "other accounts' posts are not added.",
        "minimal {n} unggahan dari satu akun",
        "at least {n} posts on one account",
        "akun terbanyak",
        "busiest account",
    ),
    "opd_total": ActivityRule(
        "Jumlah semua akun OPD",
        "All of the OPD's accounts together",
        "OPD aktif bila jumlah unggahan semua akun resminya (ditambah baris buku rekap) "
        "mencapai batas minimal. Cocok bila OPD membagi unggahan ke beberapa platform.",
        "An OPD is active when the posts of all its official accounts (and logbook rows) "
        "together reach the minimum.",
        "minimal {n} unggahan dari semua akun OPD",
        "at least {n} posts across the OPD's accounts",
        "semua akun",
        "all accounts",
    ),
}

GRADES_EN = {"Sangat Baik": "Very good", "Baik": "Good", "Cukup": "Fair", "Kurang": "Poor"}

# Reasons an expected OPD is not active, in priority order (code -> Indonesian text).
INACTIVE_REASONS: dict[str, str] = {
    "no_account": "Belum memiliki akun media sosial resmi",
    # Under a platform filter, an OPD whose official accounts are all on other platforms.
    "no_account_platform": "Belum memiliki akun pada platform yang dipilih",
    "no_operator": "Belum ada operator/admin media sosial",
    "untrained_operator": "Operator belum mengikuti pelatihan",
    "dormant": "Akun tidak aktif (tidak ada postingan dalam waktu lama)",
    "below_minimum": "Jumlah postingan di bawah batas minimal",
    # Not judged: the period's exports have not all arrived (warehouse/sql/views/025_v_coverage.sql).
    "not_received": "Data belum diterima",
    "partly_received": "Data baru sebagian diterima (belum dinilai)",
    "not_submitted": "Tidak menyerahkan data",
}


# The reasons of an OPD that is not judged (opd_judgement no_data: its data has not all
# arrived), never "belum aktif": charts draw them apart (views/087_keaktifan.sql inactive_opds).
NOT_JUDGED_REASONS = frozenset({"not_received", "partly_received", "not_submitted"})


# Coverage of an account-month by the loaded exports (code -> Indonesian, English).
COVERAGE_STATUS: dict[str, tuple[str, str]] = {
    "received": ("Diterima", "Received"),
    "partial": ("Sebagian", "Partly received"),
    "missing": ("Belum ada", "Not received"),
}
# The collection checklist's line for an OPD without an account whose own logbook is waited for
# (warehouse.coverage.coverage_missing, q_coverage_bare_opds.sql).
OWN_LOGBOOK = ("Rekap postingan OPD", "the OPD's own post logbook")
# What a card says instead of a change when the other period has no data to compare with
# (warehouse.compare status "none"): the pages, the CLI and the reports read it here.
NO_COMPARISON = ("belum ada pembanding", "nothing to compare with")
# A change over part of the OPDs in scope (warehouse.compare.restrict): the long form (captions,
# reports, CLI) and the card's short one (fits a 1366x768 slide card).
COMPARED_SUBSET = (
    "pada {n} dari {m} OPD yang datanya lengkap di kedua periode",
    "on {n} of {m} OPDs with complete data in both periods",
)
# On a card: short enough that the compared figures after it keep the card to two lines in
# a 1366 px slide ("vs 1 Des 2025 – 20 Mei 2026 · 29 dari 46 OPD lengkap: 62,1% vs 65,5%").
COMPARED_SUBSET_SHORT = (
    "{n}\u00a0dari\u00a0{m}\u00a0OPD lengkap",
    "{n}\u00a0of\u00a0{m}\u00a0OPDs complete",
)
# After the subset words, a KPI's figure over the compared OPDs on each side: the card's own
# value is over every OPD, so "5.744 (-258 ...)" alone would be read as 6.002 before.
COMPARED_SIDES = ": {mine}\u00a0vs\u00a0{other}"
# Why an OPD is left out of a comparison (metrics --json): days are "YYYY-MM-DD s.d. ...".
LEFT_OUT_REASON = "datanya tidak lengkap {days}"

# How the grid shows a partial month the data end cuts, covered to it (column to_data_end of
# account_month_coverage): not a status of its own (the statuses above partition the grid).
COVERAGE_RUNNING = ("Baru sebagian (bulan berjalan)", "Partly in (month still running)")


def seed_lookup_tables(
    con: duckdb.DuckDBPyConnection,
    then: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> None:
    """Make the content_type_label table say what this module says (labels, kinerja flag,
    order). Writes only when they differ, so a connect does not dirty the file; `then(con)`
    runs in the same transaction when it writes (what is kept from the flags follows them)."""
    want = [
        (code, CONTENT_LABELS_ID[code], code in KINERJA_TYPES, i)
        for i, code in enumerate(CONTENT_TYPES, 1)
    ]
    have = con.execute(
        "SELECT content_type, label, is_kinerja, sort_order FROM content_type_label ORDER BY 4"
    ).fetchall()
    if have == want:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM content_type_label")
        con.executemany("INSERT INTO content_type_label VALUES (?, ?, ?, ?)", want)
        if then is not None:
            then(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
