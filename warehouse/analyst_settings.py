"""The analyst settings (Pengaturan: activity threshold and rule, index weights, grade
thresholds, collection deadline), their labels and help texts, stored as JSON in app_setting
under key 'metrics'. Environment settings (paths, limits) are in warehouse.settings."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import NamedTuple

import duckdb

from warehouse.metrics import INDEX_COMPONENTS
from warehouse.vocabulary import ACTIVITY_RULES

SETTINGS_KEY = "metrics"


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
        "mencapai sebanyak ini dalam sebulan. Untuk sebuah periode: setiap bulan penuh "
        "dihitung satu bulan, bulan yang terpotong dihitung menurut bagian harinya (hari dalam "
        "periode / jumlah hari bulan itu); nilai x jumlahnya dibulatkan ke atas, minimal 1. "
        "Periode yang melewati akhir data (hari terakhir data yang sudah masuk) dinilai sampai "
        "akhir data saja, sama untuk setiap OPD: 1 Jun - 30 Nov dengan data s.d. 20 Nov dan "
        "4 per bulan -> 4 x 5 + 4 x 20/30 = 22,7 -> minimal 23. Kolom bulan di grid "
        "Keaktifan dan tren bulanan memakai aturan yang sama: bulan yang terpotong periode "
        "atau akhir data (1-14 Sep) dinilai atas hari-harinya saja, 4 x 14/30 -> minimal 2.",
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
