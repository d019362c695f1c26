"""The content-label vocabulary of the classifier (codes, Indonesian names, sources)."""

from __future__ import annotations

from pathlib import Path

CONTENT_TYPES = ("ucapan", "kegiatan", "layanan", "informasi", "capaian", "klarifikasi", "lainnya")
KINERJA_TYPES = ("kegiatan", "layanan", "informasi", "capaian", "klarifikasi")
CONTENT_LABELS = {
    "ucapan": "Ucapan",
    "kegiatan": "Kegiatan",
    "layanan": "Layanan",
    "informasi": "Informasi Publik",
    "capaian": "Capaian Program",
    "klarifikasi": "Klarifikasi Hoaks",
    "lainnya": "Lainnya",
}
CONTENT_SOURCES = ("rule", "model", "logbook", "manual")
FIGURE_PARTS = ("person", "action", "substance")

RULES_FILE = Path(__file__).resolve().parents[1] / "rules" / "content_rules.json"
NO_MATCH_REASON = "tidak ada pola yang cocok"
