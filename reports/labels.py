"""The words documents print for codes (platforms, content types, OPD kinds, grades), in
Indonesian or English. The vocabulary itself is defined once in warehouse.vocabulary; this module only picks a language so documents built outside a page
(reports, WhatsApp text, CLI) need no Streamlit session."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reports import idfmt
from warehouse.compare import Kind, subset_counts
from warehouse.metrics import KPIS
from warehouse.vocabulary import (
    ACTIVITY_RULES,
    COMPARED_SIDES,
    COMPARED_SUBSET,
    CONTENT_LABELS_EN,
    CONTENT_LABELS_ID,
    GRADES_EN,
    KIND_LABELS,
    MONTHS_EN,
    PLATFORM_LABELS,
    REASON_LABELS_EN,
    REASON_LABELS_ID,
)

Lang = str  # "id" or "en"


def content(code: str | None, lang: Lang = "id") -> str:
    labels = CONTENT_LABELS_EN if lang == "en" else CONTENT_LABELS_ID
    return labels.get(code or "", code or "-")


def kpi(key: str, lang: Lang = "id", *, full: bool = False) -> str:
    """A KPI's name from warehouse.metrics.KPIS: its card name ("Postingan"), or with full=True
    its full label ("Jumlah postingan"); in English its English name. KeyError: unknown key."""
    k = KPIS[key]
    if lang == "en":
        return k.tile_en or k.label
    return k.label if full else (k.tile or k.label)


def compared_subset(r: dict[str, Any], kind: Kind = "previous", lang: Lang = "id") -> str:
    """On how many OPDs a kpi_summary row's change compares when that is not every OPD in scope
    (warehouse.compare.subset_counts): "pada 29 dari 46 OPD yang datanya lengkap di kedua
    periode: 5.002 vs 5.260" (the KPI over the compared OPDs on each side); "" when every OPD
    is compared or there is no change."""
    counts = subset_counts(r, kind)
    if counts is None:
        return ""
    text = COMPARED_SUBSET[1] if lang == "en" else COMPARED_SUBSET[0]
    fmt = r.get("format") or "angka"

    def shown(v: float | None) -> str:  # as the figure itself is written (161,3; 72,0%)
        if lang == "en":
            if fmt == "persen":
                return percent(v, lang)
            return number(v, r.get("decimals") or 0, lang)
        return idfmt.format_value(v, fmt, r.get("decimals"))

    return text.format(n=number(counts[0], 0, lang), m=number(counts[1], 0, lang)) + (
        COMPARED_SIDES.format(
            mine=shown(r.get(f"{kind}_compared_value")), other=shown(r.get(f"{kind}_value"))
        )
    )


def reason(code: str | None, lang: Lang = "id") -> str:
    """The words for a status or reason code (vocabulary.REASON_LABELS_ID / _EN)."""
    labels = REASON_LABELS_EN if lang == "en" else REASON_LABELS_ID
    return labels.get(code or "", code or "-")


def platform(code: str | None) -> str:
    return PLATFORM_LABELS.get(code or "", code or "-")


def kind(code: str | None) -> str:
    return KIND_LABELS.get(code or "", (code or "-").title())


def grade(value: str | None, lang: Lang = "id") -> str:
    if value is None:
        return "-"
    return GRADES_EN.get(value, value) if lang == "en" else value


def month(day: dt.date, lang: Lang = "id") -> str:
    """ "Januari 2026" / "January 2026"."""
    if lang == "en":
        return f"{MONTHS_EN[day.month - 1]} {day.year}"
    return idfmt.format_month(day)


def period(start: dt.date, end: dt.date, lang: Lang = "id") -> str:
    """Indonesian: reports.idfmt.format_period; English: months by name or the two dates."""
    if lang != "en":
        return idfmt.format_period(start, end)
    whole = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    if whole and (start.year, start.month) == (end.year, end.month):
        return month(start, lang)
    if whole:
        return f"{month(start, lang)} \u2013 {month(end, lang)}"
    return f"{start.day} {MONTHS_EN[start.month - 1]} {start.year} \u2013 {end.day} {MONTHS_EN[end.month - 1]} {end.year}"


def number(value: float | None, decimals: int = 0, lang: Lang = "id") -> str:
    if lang == "en" and value is not None:
        return f"{value:,.{decimals}f}"
    return idfmt.format_number(value, decimals)


def percent(value: float | None, lang: Lang = "id") -> str:
    if lang == "en" and value is not None:
        return f"{value * 100:.1f}%"
    return idfmt.format_percent(value)


def counted_against_minimum(
    rule: str, counted: float | None, required: float | None, lang: Lang = "id"
) -> str:
    """What the activity rule counted against its minimum, in numbers: "akun terbanyak 3 dari
    minimal 4" (rule 'account') or "semua akun 6 dari minimal 4" ('opd_total');
    warehouse.vocabulary.ACTIVITY_RULES. KeyError when the rule is unknown."""
    r = ACTIVITY_RULES[rule]
    n, need = number(counted, lang=lang), number(required, lang=lang)
    if lang == "en":
        return f"{r.counted_en} {n} of at least {need}"
    return f"{r.counted} {n} dari minimal {need}"


def activity_minimum(rule: str, required: float | None, lang: Lang = "id") -> str:
    """The activity minimum with its rule: "minimal 24 unggahan dari satu akun" (rule
    'account') or "... dari semua akun OPD" ('opd_total'); warehouse.vocabulary.ACTIVITY_RULES.
    KeyError when the rule is unknown."""
    r = ACTIVITY_RULES[rule]
    return (r.minimum_en if lang == "en" else r.minimum).format(n=number(required, lang=lang))
