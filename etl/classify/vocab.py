"""The content-label vocabulary of the classifier. The codes and their Indonesian names are
defined once in warehouse.vocabulary (CONTENT_TYPES, KINERJA_TYPES, CONTENT_LABELS_ID); the
spellings a logbook may write for a code are data of the rule set ("logbook" in
etl/rules/content_rules.json)."""

from __future__ import annotations

from pathlib import Path

from warehouse.vocabulary import CONTENT_TYPES, KINERJA_TYPES

__all__ = [
    "CONTENT_SOURCES",
    "CONTENT_TYPES",
    "FIGURE_PARTS",
    "KINERJA_TYPES",
    "NO_MATCH_REASON",
    "RULES_FILE",
]
CONTENT_SOURCES = ("rule", "model", "logbook", "manual")
FIGURE_PARTS = ("person", "action", "substance")

RULES_FILE = Path(__file__).resolve().parents[1] / "rules" / "content_rules.json"
NO_MATCH_REASON = "tidak ada pola yang cocok"
