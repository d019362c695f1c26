"""Each KPI declared once (key, Indonesian label, how it is computed, format), plus the analyst
settings (activity threshold, index weights, grade thresholds) stored in app_setting.

Pages, charts and lampiran look a KPI up here by key, so the number on the projector and the
number in the letter carry the same name and the same explanation.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import asdict, dataclass, fields
from typing import Literal, NamedTuple

import duckdb

# Re-exported: callers look a content type or an inactive reason up beside the KPIs.
from warehouse import vocabulary
from warehouse.vocabulary import ACTIVITY_RULES as ACTIVITY_RULES
from warehouse.vocabulary import CONTENT_TYPES as CONTENT_TYPES
from warehouse.vocabulary import INACTIVE_REASONS as INACTIVE_REASONS
from warehouse.vocabulary import KINERJA_TYPES as KINERJA_TYPES

Format = Literal["persen", "angka", "hari", "skor"]

SETTINGS_KEY = "metrics"


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


KPIS: dict[str, Kpi] = {
    k.key: k
    for k in (
        Kpi(
            "activity_rate",
            "Tingkat keaktifan OPD",
            "persen",
            "Jumlah OPD aktif dibagi jumlah OPD wajib bermedia sosial (kolom 'wajib unggah' "
            "di daftar OPD) yang dinilai. OPD aktif = unggahannya mencapai batas minimal "
            "(Pengaturan; bawaan 4 per bulan) menurut aturan keaktifan di Pengaturan: satu "
            "akun sendiri, atau semua akun OPD. " + vocabulary.JUDGED_MONTHS_RULE,
            "q_kpi.sql: active_opds / judged_opds (opd_judgement)",
            tile="Tingkat keaktifan",
            tile_en="Activity rate",
            description_en=(
                "Active OPDs divided by the OPDs that must post (master list) that are judged. "
                "Active = its posts reach the minimum (Settings), counted by the activity rule "
                "in Settings. " + vocabulary.JUDGED_MONTHS_RULE_EN
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
            "OPD yang dinilai",
            "angka",
            "OPD wajib unggah yang punya sedikitnya satu bulan periode dengan data lengkap "
            "(semua akun, setiap hari), dinilai atas bulan-bulan itu: penyebut tingkat "
            "keaktifan.",
            "views/030_scope_and_activity.sql: opd_judgement (is_judged)",
            tile_en="Judged OPDs",
            description_en=(
                "OPDs that must post with at least one month of the period whose data is "
                "complete (every account, every day), judged over those months: the activity "
                "rate's denominator."
            ),
        ),
        Kpi(
            "no_data_opds",
            "OPD belum dinilai",
            "angka",
            "OPD wajib unggah yang tidak punya satu pun bulan periode dengan data lengkap: "
            "tidak dinilai (aktif maupun belum aktif), tidak masuk tingkat keaktifan.",
            "views/030_scope_and_activity.sql: opd_judgement (activity_status = 'no_data')",
            higher_is_better=False,
            tile_en="OPDs not judged",
            description_en=(
                "OPDs that must post without a single month of the period whose data is "
                "complete: not judged (neither active nor inactive), left out of the rate."
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


# Coverage of an account-month by the loaded exports (code -> Indonesian, English).
COVERAGE_STATUS: dict[str, tuple[str, str]] = {
    "received": ("Diterima", "Received"),
    "partial": ("Sebagian", "Partly received"),
    "missing": ("Belum ada", "Not received"),
}


@dataclass(frozen=True)
class Settings:
    """Analyst settings (Pengaturan). Stored as JSON in app_setting under key 'metrics'."""

    # Active OPD: at least this many posts per calendar month, counted by activity_rule.
    min_posts_per_month: int = 4
    # Whose posts reach the minimum: 'account' (the busiest account on its own) or 'opd_total'
    # (all the OPD's accounts together); vocabulary.ACTIVITY_RULES has the texts.
    activity_rule: str = "account"
    # Weekly grain (trend by week): at least this many posts in a week.
    min_posts_per_week: int = 1
    # An account with no post for this many days is dormant.
    dormant_days: int = 30
    # Frequency score target: 100 when an OPD posts this many times a month (all accounts).
    target_posts_per_month: int = 12
    # Index weights (any non-negative numbers; the index divides by their sum).
    w_frequency: float = 30.0
    w_consistency: float = 20.0
    w_kinerja: float = 25.0
    w_platform: float = 10.0
    w_engagement: float = 15.0
    # Grade thresholds on the 0-100 index: >= very_good "Sangat Baik", >= good "Baik",
    # >= fair "Cukup", else "Kurang".
    grade_very_good: float = 80.0
    grade_good: float = 60.0
    grade_fair: float = 40.0
    # Data for a month is due on this day of the next month; a month still missing after it is
    # "tidak menyerahkan data", before it only "belum diterima" (warehouse/sql/views/025_v_coverage.sql).
    collection_deadline_day: int = 5

    def weights(self) -> dict[str, float]:
        return {
            "frequency": self.w_frequency,
            "consistency": self.w_consistency,
            "kinerja": self.w_kinerja,
            "platform": self.w_platform,
            "engagement": self.w_engagement,
        }

    def validate(self) -> list[str]:
        """Problems in Bahasa Indonesia (empty list = valid)."""
        errors = []
        if self.min_posts_per_month < 1:
            errors.append("Batas minimal postingan per bulan harus sedikitnya 1.")
        if self.activity_rule not in ACTIVITY_RULES:
            errors.append(f"Aturan keaktifan tidak dikenal: {self.activity_rule!r}.")
        if self.min_posts_per_week < 1:
            errors.append("Batas minimal postingan per minggu harus sedikitnya 1.")
        if self.dormant_days < 1:
            errors.append("Batas hari akun tidak aktif harus sedikitnya 1.")
        if self.target_posts_per_month < 1:
            errors.append("Target postingan per bulan harus sedikitnya 1.")
        if any(w < 0 for w in self.weights().values()):
            errors.append("Bobot indeks tidak boleh negatif.")
        if sum(self.weights().values()) <= 0:
            errors.append("Jumlah bobot indeks harus lebih dari 0.")
        if not 1 <= self.collection_deadline_day <= 28:
            errors.append("Batas pengumpulan data harus tanggal 1 sampai 28 bulan berikutnya.")
        if not (100 >= self.grade_very_good > self.grade_good > self.grade_fair >= 0):
            errors.append(
                "Batas predikat harus berurutan: Sangat Baik > Baik > Cukup, dalam rentang 0-100."
            )
        return errors


_SETTING_FIELDS = {f.name for f in fields(Settings)}


class SettingText(NamedTuple):
    label: str  # Bahasa Indonesia, the Pengaturan field
    label_en: str
    help: str  # Bahasa Indonesia: what the setting does


# For the Pengaturan page, one entry per Settings field.
SETTING_LABELS: dict[str, SettingText] = {
    "min_posts_per_month": SettingText(
        "Minimal postingan per bulan agar OPD dihitung aktif",
        "Minimum posts a month for an active OPD",
        "OPD dihitung aktif bila unggahannya (dihitung menurut aturan keaktifan di bawah) "
        "mencapai sebanyak ini dalam sebulan. Untuk periode beberapa bulan penuh: dikalikan "
        "jumlah bulan; periode lain: dibulatkan ke atas dari (nilai x jumlah hari / 30), "
        "minimal 1.",
    ),
    "activity_rule": SettingText(
        "Aturan keaktifan: unggahan siapa yang dihitung",
        "Activity rule: whose posts count",
        " ".join(f"{r.label}: {r.help}" for r in ACTIVITY_RULES.values()),
    ),
    "min_posts_per_week": SettingText(
        "Minimal postingan per minggu (tren mingguan)",
        "Minimum posts a week (weekly trend)",
        "Batas aktif untuk grafik tren mingguan.",
    ),
    "dormant_days": SettingText(
        "Akun dianggap tidak aktif setelah (hari)",
        "Dormant after (days)",
        "Akun tanpa postingan selama sekian hari (atau belum pernah) disebut tidak aktif.",
    ),
    "target_posts_per_month": SettingText(
        "Target postingan per bulan (skor frekuensi 100)",
        "Posts a month for a full frequency score",
        "Komponen frekuensi bernilai 100 bila OPD mencapai target ini (semua akun).",
    ),
    "w_frequency": SettingText(
        "Bobot frekuensi",
        "Weight: frequency",
        INDEX_COMPONENTS["frequency"][1],
    ),
    "w_consistency": SettingText(
        "Bobot konsistensi",
        "Weight: consistency",
        INDEX_COMPONENTS["consistency"][1],
    ),
    "w_kinerja": SettingText(
        "Bobot porsi kinerja",
        "Weight: performance share",
        INDEX_COMPONENTS["kinerja"][1],
    ),
    "w_platform": SettingText(
        "Bobot cakupan platform",
        "Weight: platform coverage",
        INDEX_COMPONENTS["platform"][1],
    ),
    "w_engagement": SettingText(
        "Bobot interaksi",
        "Weight: engagement",
        INDEX_COMPONENTS["engagement"][1],
    ),
    "grade_very_good": SettingText(
        "Batas predikat Sangat Baik",
        "Threshold: very good",
        "Indeks sedikitnya nilai ini.",
    ),
    "grade_good": SettingText(
        "Batas predikat Baik",
        "Threshold: good",
        "Indeks sedikitnya nilai ini.",
    ),
    "grade_fair": SettingText(
        "Batas predikat Cukup",
        "Threshold: fair",
        "Indeks sedikitnya nilai ini; di bawahnya Kurang.",
    ),
    "collection_deadline_day": SettingText(
        "Batas pengumpulan data (tanggal bulan berikutnya)",
        "Data due on this day of the next month",
        "Ekspor suatu bulan ditunggu sampai tanggal ini pada bulan berikutnya. Sebelumnya data "
        "yang belum masuk disebut 'belum diterima'; sesudahnya 'tidak menyerahkan data'.",
    ),
}


def get_settings(con: duckdb.DuckDBPyConnection) -> Settings:
    """Settings from app_setting (key 'metrics'); missing keys fall back to the defaults."""
    cur = con.cursor()
    try:
        row = cur.execute("SELECT value FROM app_setting WHERE key = ?", [SETTINGS_KEY]).fetchone()
    finally:
        cur.close()
    if not row or row[0] is None:
        return Settings()
    raw = json.loads(row[0]) if isinstance(row[0], str) else dict(row[0])
    known = {k: v for k, v in raw.items() if k in _SETTING_FIELDS}
    defaults = Settings()
    typed = {k: type(getattr(defaults, k))(v) for k, v in known.items()}
    return Settings(**typed)


def save_settings(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Validate and store the settings. Raises ValueError (Indonesian message) when invalid."""
    errors = settings.validate()
    if errors:
        raise ValueError(" ".join(errors))
    payload = {k: v for k, v in asdict(settings).items() if k in _SETTING_FIELDS}
    cur = con.cursor()
    try:
        cur.execute(
            "INSERT OR REPLACE INTO app_setting (key, value) VALUES (?, ?)",
            [SETTINGS_KEY, json.dumps(payload)],
        )
    finally:
        cur.close()


# --------------------------------------------------------------------------- periods


def is_whole_months(start: dt.date, end: dt.date) -> bool:
    """True when [start, end] runs from the 1st of a month to the last day of a month."""
    last = calendar.monthrange(end.year, end.month)[1]
    return start.day == 1 and end.day == last and start <= end


def months_between(start: dt.date, end: dt.date) -> int:
    """Number of calendar months touched by [start, end] (Jan 1 - Mar 31 = 3)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period just before: whole months -> the same number of months before; otherwise the
    same number of days just before start."""
    if is_whole_months(start, end):
        n = months_between(start, end)
        p_start = add_months(start, -n)
        p_end = start - dt.timedelta(days=1)
        return p_start, p_end
    length = end - start
    p_end = start - dt.timedelta(days=1)
    return p_end - length, p_end


def year_ago_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The same dates one year earlier (29 February -> 28 February; a whole month stays whole)."""
    if is_whole_months(start, end):
        y_start = add_months(start, -12)
        y_end_month = add_months(dt.date(end.year, end.month, 1), -12)
        last = calendar.monthrange(y_end_month.year, y_end_month.month)[1]
        return y_start, y_end_month.replace(day=last)
    return add_months(start, -12), add_months(end, -12)
