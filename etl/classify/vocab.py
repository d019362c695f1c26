"""The content-label vocabulary of the classifier. The codes themselves are defined once in
warehouse.metrics (CONTENT_TYPES, KINERJA_TYPES); the Indonesian names here are the ones a
logbook may write for a code."""

from __future__ import annotations

from pathlib import Path

from warehouse.metrics import CONTENT_TYPES, KINERJA_TYPES

__all__ = [
    "CONTENT_LABELS",
    "CONTENT_SOURCES",
    "CONTENT_TYPES",
    "FIGURE_PARTS",
    "KINERJA_TYPES",
    "NO_MATCH_REASON",
    "RULES_FILE",
]
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
