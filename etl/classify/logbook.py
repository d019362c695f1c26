"""The OPD's own "Jenis Konten" column of a logbook, as written, -> a content_type code."""

from __future__ import annotations

import re
import unicodedata

import polars as pl

from etl.classify.rules import Rules, default_rules
from etl.classify.vocab import CONTENT_TYPES
from warehouse.vocabulary import CONTENT_LABELS_ID


def _norm_label(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


_LOGBOOK_FALLBACK = (  # keyword inside a longer label, checked in this order
    ("klarifikasi", r"hoa[kx]s?|klarifikasi|cek fakta|disinformasi"),
    ("ucapan", r"ucapan|hari besar|\bhb[ni]\b|\bphb[ni]\b|selamat|duka|belasungkawa|hut"),
    ("layanan", r"layanan|pelayanan"),
    ("capaian", r"prestasi|capaian|penghargaan|keberhasilan|realisasi"),
    ("informasi", r"info|edukasi|imbauan|himbauan|pengumuman|sosialisasi"),
    ("kegiatan", r"giat|kegiatan|liputan|rapat|kunjungan|dokumentasi|agenda"),
    ("lainnya", r"lain|kuis|repost|hiburan"),
)


def _logbook_map(rules: Rules | None = None) -> dict[str, str]:
    rules = rules or default_rules()
    out: dict[str, str] = {}
    for code, spellings in rules.data.get("logbook", {}).items():
        if code in CONTENT_TYPES:
            for s in spellings:
                out[_norm_label(s)] = code
    for code in CONTENT_TYPES:
        out.setdefault(code, code)
        out.setdefault(_norm_label(CONTENT_LABELS_ID[code]), code)
    return out


def map_logbook_label(text: str | None, rules: Rules | None = None) -> str | None:
    """Logbook "Jenis Konten" as written ("Giat", "Ucapan HBN", "Info Layanan", "Hoax") -> code."""
    if text is None or not str(text).strip():
        return None
    norm = _norm_label(str(text))
    exact = _logbook_map(rules).get(norm)
    if exact:
        return exact
    for code, rx in _LOGBOOK_FALLBACK:
        if re.search(rx, norm):
            return code
    return None


def map_logbook_series(labels: pl.Series, rules: Rules | None = None) -> pl.Series:
    """Vectorized map_logbook_label: the distinct spellings (few) are mapped once, then joined."""
    distinct = labels.drop_nulls().unique().to_list()
    mapping = {d: map_logbook_label(d, rules) for d in distinct}
    return labels.replace_strict(mapping, default=None, return_dtype=pl.String).alias(
        "logbook_content_type"
    )
