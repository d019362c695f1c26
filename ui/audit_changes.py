"""The audit trail's before and after (JSON kept by access.audit.record) as one line an admin
reads: "peran: Analis -> Admin; OPD: - -> Dinas Kesehatan"."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from access import policy
from ui import i18n
from warehouse import analyst_settings

# The fields the app records (access.users, access.proposals, ui.forms.*), as a reader names
# them; settings fields take their Pengaturan names (warehouse.analyst_settings.SETTING_LABELS).
FIELDS: dict[str, tuple[str, str]] = {
    "content_type": ("jenis konten", "content type"),
    "label": ("label", "label"),
    "proposed_by": ("diusulkan oleh", "proposed by"),
    "role": ("peran", "role"),
    "opd_id": ("OPD", "OPD"),
    "opd": ("OPD", "OPD"),
    "display_name": ("nama lengkap", "full name"),
    "active": ("aktif", "active"),
    "status": ("status", "status"),
    "file": ("berkas", "file"),
    "posts_recomputed": ("postingan dihitung ulang", "posts recomputed"),
    "relabelled": ("postingan dilabel ulang", "posts relabelled"),
    "start": ("mulai", "start"),
    "end": ("selesai", "end"),
    "hashtags": ("tagar", "hashtags"),
    "keywords": ("kata kunci", "keywords"),
    "logo": ("logo", "logo"),
    "load_id": ("muatan", "load"),
    "new": ("postingan baru", "new posts"),
    "campaign": ("kampanye", "campaign"),
    "id": ("nomor", "number"),
    "posts": ("postingan", "posts"),
}
ARROW = " -> "


def field_label(key: str) -> str:
    if key in analyst_settings.SETTING_LABELS:
        s = analyst_settings.SETTING_LABELS[key]
        return i18n.tr(s.label, s.label_en)
    if key in FIELDS:
        return i18n.tr(*FIELDS[key])
    return key.replace("_", " ")


def _value(key: str, v: Any, opd_names: Mapping[int, str]) -> str:
    if v is None or v == "" or v == []:
        return "-"
    if isinstance(v, bool):
        return i18n.tr("Ya", "Yes") if v else i18n.tr("Tidak", "No")
    if key == "role":
        return policy.ROLE_LABELS.get(str(v), str(v))
    if key in ("content_type", "label"):
        return i18n.content_label(str(v))
    if key == "opd_id" and isinstance(v, int):
        return opd_names.get(v, str(v))
    if isinstance(v, float):
        return i18n.fmt_num(v, 0 if v.is_integer() else 2)
    if isinstance(v, int):
        return i18n.fmt_int(v)
    if isinstance(v, list):
        return ", ".join(_value(key, x, opd_names) for x in v)
    if isinstance(v, dict):
        return _fields({}, v, opd_names, sep=", ")
    return str(v)


def _fields(before: Mapping, after: Mapping, opd_names: Mapping[int, str], sep: str) -> str:
    parts = []
    for key in [*before, *(k for k in after if k not in before)]:
        old = _value(key, before.get(key), opd_names)
        new = _value(key, after.get(key), opd_names)
        if key not in before or old == new:
            parts.append(f"{field_label(key)}: {new}")
        else:
            parts.append(f"{field_label(key)}: {old}{ARROW}{new}")
    return sep.join(parts)


def _load(text: str | None) -> Any:
    if text is None or text == "":
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text  # not JSON: shown as written


def change_text(before: str | None, after: str | None, opd_names: Mapping[int, str]) -> str:
    """One line: "kolom: lama -> baru" per field ("kolom: baru" for a field only recorded
    after), fields joined by "; "; "-" when nothing was recorded."""
    b, a = _load(before), _load(after)
    if b is None and a is None:
        return "-"
    if isinstance(b, dict | None) and isinstance(a, dict | None):
        return _fields(b or {}, a or {}, opd_names, sep="; ") or "-"
    old, new = _value("", b, opd_names), _value("", a, opd_names)
    return new if b is None else f"{old}{ARROW}{new}"
