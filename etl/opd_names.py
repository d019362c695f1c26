"""OPD names and account handles as they are compared: one normalized spelling each.

normalize_opd_name is the alias_norm every alias in opd_alias is stored in; handle_norm is the
handle_norm of account. A name or handle is only ever compared in these forms.
"""

from __future__ import annotations

import re
import unicodedata

from etl.permalinks import normalize_handle

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")

# Common abbreviations in logbooks and file names, both directions.
_ABBREV = {
    "kecamatan": "kec",
    "kelurahan": "kel",
    "desa": "ds",
    "kabupaten": "kab",
    "sekretariat": "sekr",
    "dinas": "dis",
}


def normalize_opd_name(text: object) -> str:
    """alias_norm: NFKC, lower case, punctuation to spaces, single spaces."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = _PUNCT.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


# The part etl.master_upsert appends to a name the sheet repeats under another parent
# ("Desa Sukamulya (Kecamatan Margaluyu)"): set aside, the two OPDs share the name.
_APPENDED_PARENT = re.compile(r"\s*\([^()]*\)\s*$")


def base_name(name: str) -> str:
    """`name` without the parent etl.master_upsert appends to a repeated name."""
    return _APPENDED_PARENT.sub("", name)


def shared_names(names: dict[int, str]) -> dict[str, set[int]]:
    """Normalized names (normalize_opd_name) that more than one OPD holds once the appended
    parent is set aside (base_name): such a name alone never decides between them."""
    held: dict[str, set[int]] = {}
    for oid, name in names.items():
        held.setdefault(normalize_opd_name(base_name(name)), set()).add(oid)
    return {k: v for k, v in held.items() if k and len(v) > 1}


def name_variants(name: str) -> set[str]:
    """Normalized spellings an OPD name is likely written in: 'Kecamatan Sukamaju' also as
    'kec sukamaju' and 'sukamaju'-less forms are not produced (too ambiguous)."""
    base = normalize_opd_name(name)
    out = {base} if base else set()
    words = base.split()
    if words and words[0] in _ABBREV:
        out.add(" ".join([_ABBREV[words[0]], *words[1:]]))
    # "Dinas Kesehatan Kabupaten Sukamaju" is also written without the kabupaten part.
    for marker in ("kabupaten", "kab"):
        if marker in words[1:]:
            cut = words.index(marker)
            if cut >= 1:
                out.add(" ".join(words[:cut]))
    return {v for v in out if v}


# ---------------------------------------------------------------------------------------------
# Handles


def handle_norm(platform: str | None, s: object) -> str | None:
    """Normalized handle (lower case, no @, no URL) via etl.permalinks.normalize_handle."""
    if s is None:
        return None
    text = str(s).strip()
    if not text or text in {"-", "–", "—"}:
        return None
    out = normalize_handle(platform or "", text)
    return out or None


def placed_names(
    names: dict[int, str], parents: dict[int, tuple[str, str | None]]
) -> tuple[dict[str, int], dict[int, str]]:
    """For OPDs sharing a name (shared_names), the name with its parent as written in files:
    aliases (normalized "desa sukamulya kecamatan cibening" and with the parent's short name,
    "... kec cibening") -> opd_id, and opd_id -> the name shown when asking which one is meant
    ("Desa Sukamulya (Kecamatan Cibening)"). parents: opd_id -> (parent's name, short name).
    Without them the first of two same-named desas (stored without its kecamatan) could not
    be named at all, and a title "DESA SUKAMULYA KECAMATAN CIBENING" named only the kecamatan.
    """
    aliases: dict[str, int] = {}
    shown: dict[int, str] = {}
    for ids in shared_names(names).values():
        for oid in sorted(ids):
            if oid not in parents:
                continue
            base = base_name(names[oid])
            parent, short = parents[oid]
            shown[oid] = f"{base} ({parent})"
            for place in (parent, short):
                for v in name_variants(f"{base} {place}") if place else ():
                    aliases.setdefault(v, oid)
    return aliases, shown
