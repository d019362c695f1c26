"""Each KPI declared once: its key, Indonesian and English label, description, how it is computed,
format and direction; and the components of the Indeks Medsos OPD.

Pages, charts and lampiran look a KPI up here by key, so the number on the projector and the
number in the letter carry the same name and the same explanation. The analyst settings the
KPIs are computed with live in warehouse.analyst_settings; period arithmetic in
warehouse.periods; codes and their words (content types, reasons) in warehouse.vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Re-exported: callers look a content type up beside the KPIs.
from warehouse.vocabulary import CONTENT_TYPES as CONTENT_TYPES
from warehouse.vocabulary import KINERJA_TYPES as KINERJA_TYPES

Format = Literal["persen", "angka", "hari", "skor"]


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str  # Bahasa Indonesia, what a tile shows
    fmt: Format
    description: str  # Bahasa Indonesia: how it is computed ("bagaimana angka ini dibuat")
    source: str  # the SQL expression or q_ file that computes it
    higher_is_better: bool = True
    tile: str = ""  # Bahasa Indonesia, the short name on a KPI card ("" = label)
    tile_en: str = ""  # English, the card's name
    description_en: str = ""  # English: how it is computed ("" = no English help)
    # Digits after the comma of an "angka" value and of its change, everywhere it is written
    # (card, letter, WhatsApp, CLI): an average keeps one, so "161,3" sits beside "-4,5", not "-5".
    decimals: int = 0


KPIS: dict[str, Kpi] = {
    k.key: k
    for k in (
        Kpi(
            "activity_rate",
            "Tingkat keaktifan OPD",
            "persen",
            "Jumlah OPD aktif dibagi jumlah OPD wajib bermedia sosial (kolom 'wajib unggah' "
            "di daftar OPD) yang dapat dinilai: datanya lengkap, atau sudah aktif. OPD aktif "
            "= unggahannya mencapai batas "
            "minimal (Pengaturan; bawaan 4 per bulan, disesuaikan dengan panjang periode) "
            "menurut aturan keaktifan di Pengaturan: satu akun sendiri, atau semua akun OPD.",
            "q_kpi.sql: active_opds / judged_opds (opd_judgement)",
            tile="Tingkat keaktifan",
            tile_en="Activity rate",
            description_en=(
                "Active OPDs divided by the OPDs that must post (master list) that can be judged: complete data, or already active on the data received. Active = its posts reach the minimum (Settings), counted by the activity rule in Settings."
            ),
        ),
        Kpi(
            "active_opds",
            "OPD aktif",
            "angka",
            "Jumlah OPD wajib unggah yang unggahannya mencapai batas minimal dalam periode, "
            "dihitung menurut aturan keaktifan di Pengaturan.",
            "views/030_scope_and_activity.sql: opd_activity (is_active)",
            tile="OPD aktif",
            tile_en="Active OPDs",
            description_en=(
                "OPDs that must post whose posts reach the minimum in the period, counted by the activity rule in Settings."
            ),
        ),
        Kpi(
            "expected_opds",
            "OPD wajib unggah",
            "angka",
            "Jumlah OPD dalam filter yang ditandai wajib bermedia sosial.",
            "q_kpi.sql: count(opd) where expected_to_post",
            tile_en="OPDs that must post",
            description_en="OPDs in the filter marked as required to be on social media.",
        ),
        Kpi(
            "judged_opds",
            "OPD yang sudah dinilai",
            "angka",
            "OPD wajib unggah yang aktif, atau yang ekspor semua akunnya untuk seluruh hari "
            "periode sudah diterima: penyebut tingkat keaktifan.",
            "views/030_scope_and_activity.sql: opd_judgement (is_judged)",
            tile_en="OPDs with complete data",
            description_en=(
                "OPDs that must post and are active, or whose every account's exports for every "
                "day of the period have arrived: the activity rate's denominator."
            ),
        ),
        Kpi(
            "no_data_opds",
            "OPD yang belum dapat dinilai",
            "angka",
            "OPD wajib unggah yang belum aktif dan datanya untuk periode ini belum lengkap: "
            "tidak dinilai, tidak masuk tingkat keaktifan.",
            "views/030_scope_and_activity.sql: opd_judgement (activity_status = 'no_data')",
            higher_is_better=False,
            tile_en="OPDs whose data has not arrived",
            description_en=(
                "OPDs that must post, are not active, and one of whose accounts' exports for the "
                "period has not arrived: not judged, left out of the activity rate."
            ),
        ),
        Kpi(
            "partial_data_opds",
            "OPD yang datanya baru sebagian",
            "angka",
            "OPD belum dinilai yang datanya baru sebagian (mis. bulan berjalan).",
            "views/030_scope_and_activity.sql: opd_judgement (no_data, data_state = 'partial')",
            higher_is_better=False,
            tile_en="OPDs with partial data",
            description_en=(
                "Of the OPDs not judged: part of the period's data has arrived (a month still running, for one), not all of it; not 'data not received'."
            ),
        ),
        Kpi(
            "posts",
            "Jumlah postingan",
            "angka",
            "Banyaknya postingan yang diterbitkan dalam periode pada platform dan OPD terpilih.",
            "q_kpi.sql: count(*) from v_posts",
            tile="Postingan",
            tile_en="Posts",
            description_en=("Posts published in the period on the chosen platforms and OPDs."),
        ),
        Kpi(
            "kinerja_share",
            "Porsi konten kinerja",
            "persen",
            "Postingan berjenis kegiatan, layanan, informasi, capaian atau klarifikasi dibagi "
            "seluruh postingan dalam periode.",
            "q_kpi.sql: count_if(content_type in KINERJA_TYPES) / count(*)",
            tile="Porsi kinerja",
            tile_en="Performance share",
            description_en=(
                "Posts on activities, services, information, achievements or clarifications, divided by all posts in the period: not mere greetings."
            ),
        ),
        Kpi(
            "ucapan_share",
            "Porsi konten ucapan",
            "persen",
            "Postingan ucapan (selamat hari besar, duka cita, ulang tahun, dsb.) dibagi seluruh "
            "postingan dalam periode.",
            "q_kpi.sql: count_if(content_type = 'ucapan') / count(*)",
            higher_is_better=False,
            tile="Porsi ucapan",
            tile_en="Greetings share",
            description_en=(
                "Greeting posts (holidays, condolences, birthdays) divided by all posts in the period."
            ),
        ),
        Kpi(
            "figure_share",
            "Porsi konten berfokus figur",
            "persen",
            "Postingan yang menonjolkan figur pribadi pimpinan dibagi seluruh postingan.",
            "q_kpi.sql: count_if(is_figure_centric) / count(*)",
            higher_is_better=False,
            tile="Porsi figur pimpinan",
            tile_en="Figure-centric share",
            description_en=("Posts that put a leader's person forward, divided by all posts."),
        ),
        Kpi(
            "engagement",
            "Total interaksi",
            "angka",
            "Reaksi + komentar + bagikan; '-' (bukan 0) bila tak ada angka interaksi (buku rekap).",
            "q_kpi.sql: sum(engagement) filter (where has_interaction), v_post_facts",
            tile="Interaksi",
            tile_en="Engagement",
            description_en=(
                "Reactions + comments + shares of the posts in the period that carry interaction counts; '-' (no data, not 0) when none does, e.g. an OPD reporting only by logbook."
            ),
        ),
        Kpi(
            "engagement_per_post",
            "Interaksi per postingan",
            "angka",
            "Total interaksi dibagi jumlah postingan.",
            "q_kpi.sql: sum(engagement) / count(*)",
            decimals=1,
            tile_en="Engagement per post",
            description_en="Total engagement divided by the number of posts.",
        ),
        Kpi(
            "engagement_per_reach",
            "Interaksi per jangkauan",
            "persen",
            "Interaksi dibagi jangkauan (reach), hanya dari postingan yang jangkauannya "
            "tercatat di ekspor platform; kosong bila tidak ada data jangkauan.",
            "q_kpi.sql: sum(engagement) / sum(reach) where reach > 0",
            tile_en="Engagement per reach",
            description_en=(
                "Engagement divided by reach, only over posts whose reach the platform's export "
                "records; blank when there is no reach data."
            ),
        ),
        Kpi(
            "opds_without_operator",
            "OPD tanpa operator",
            "angka",
            "OPD wajib unggah yang daftar OPD-nya tidak menyebut operator sama sekali (tanpa "
            "nama, nomor HP, atau 'Sudah pelatihan: Ya'). Nama kosong tetapi sudah pelatihan "
            "tidak dihitung: ditunjukkan di Pengaturan sebagai isian bertentangan.",
            "views/021_v_opd_profile.sql: not has_operator",
            higher_is_better=False,
            tile="OPD tanpa operator",
            tile_en="OPDs without operator",
            description_en=(
                "OPDs that must post whose master-list row shows no operator at all (no name, no phone, not 'trained: yes'). A row missing only the name is shown on Settings as a contradiction."
            ),
        ),
        Kpi(
            "days_since_last_post",
            "Hari sejak postingan terakhir",
            "hari",
            "Selisih hari antara tanggal acuan (akhir periode atau hari ini) dan postingan "
            "terakhir akun; kosong bila akun belum pernah mengunggah.",
            "q_account_dormancy.sql",
            higher_is_better=False,
            tile_en="Days since the last post",
            description_en=(
                "Days between the reference date (end of the period or today) and the account's "
                "last post; blank when the account has never posted."
            ),
        ),
        Kpi(
            "index_score",
            "Indeks Medsos OPD",
            "skor",
            "Rata-rata tertimbang lima komponen (0-100): frekuensi, konsistensi, porsi kinerja, "
            "cakupan platform dan interaksi. Bobot dapat diubah di Pengaturan. Predikat: Sangat "
            "Baik, Baik, Cukup, Kurang menurut batas nilai di Pengaturan.",
            "q_opd_index.sql",
            tile_en="OPD social media index",
            description_en=(
                "Weighted mean of five components (0-100): frequency, consistency, performance "
                "share, platform coverage and engagement. Weights are set in Settings. Grade: "
                "Very good, Good, Fair, Poor by the cut-offs in Settings."
            ),
        ),
    )
}

# Components of the Indeks Medsos OPD: key -> (Indonesian label, how the 0-100 score is made).
INDEX_COMPONENTS: dict[str, tuple[str, str]] = {
    "frequency": (
        "Frekuensi",
        "Jumlah postingan OPD dalam periode dibagi target postingan (target per bulan di "
        "Pengaturan, disesuaikan dengan panjang periode), maksimal 100.",
    ),
    "consistency": (
        "Konsistensi",
        "Banyaknya minggu (Senin-Minggu) yang berisi sedikitnya satu postingan dibagi banyaknya "
        "minggu dalam periode, x 100.",
    ),
    "kinerja": (
        "Porsi kinerja",
        "Porsi postingan kinerja (kegiatan, layanan, informasi, capaian, klarifikasi) x 100.",
    ),
    "platform": (
        "Cakupan platform",
        "Banyaknya platform yang diunggahi dalam periode dibagi banyaknya platform tempat OPD "
        "memiliki akun resmi (atau pernah mengunggah), x 100.",
    ),
    "engagement": (
        "Interaksi",
        "Peringkat persentil interaksi per postingan (reaksi + komentar + bagikan) di antara "
        "OPD yang postingannya membawa angka interaksi: terendah 0, tertinggi 100; tanpa "
        "postingan = 0. OPD yang postingannya tidak membawa angka interaksi sama sekali "
        '(misalnya hanya buku rekap) tidak diberi skor ini ("-"): bobotnya dibagi ke '
        "komponen lain sebanding bobot masing-masing.",
    ),
}

# The same components' names in English.
INDEX_COMPONENTS_EN: dict[str, str] = {
    "frequency": "Frequency",
    "consistency": "Consistency",
    "kinerja": "Performance share",
    "platform": "Platform coverage",
    "engagement": "Engagement",
}
