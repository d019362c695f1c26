"""A short plain-text recap of the current view for the leaders' WhatsApp group.

WhatsApp formatting only: *bold*, line breaks, "-" bullets; no tables, no links to the app.
Every figure comes from warehouse.queries (kpi_summary, top_bottom_opds, inactive_opds,
opd_index); labels from reports.labels. Indonesian ("id") or English ("en").
"""

from __future__ import annotations

from typing import Any

import duckdb

from reports import labels
from warehouse.queries import activity as activity_queries
from warehouse.queries import options, summary
from warehouse.queries.filters import Filters

MAX_LISTED = 10  # names listed before "dan N OPD lainnya"

_T = {
    "title": ("Rekap Media Sosial OPD", "OPD Social Media Recap"),
    "period": ("Periode", "Period"),
    "filters": ("Filter", "Filters"),
    "activity": ("Keaktifan", "Activity"),
    "of": ("dari", "of"),
    "ucapan": ("ucapan", "greetings"),
    "top": ("OPD teratas (Indeks Medsos)", "Top OPDs (social media index)"),
    "bottom": ("OPD terbawah", "Bottom OPDs"),
    "inactive": ("Belum aktif", "Not active"),
    "others": ("dan {n} OPD lainnya", "and {n} more OPDs"),
    "missing": ("Yang masih kurang", "Still missing"),
    "no_operator": (
        "{n} OPD belum mencatat operator media sosial",
        "{n} OPDs have no social media operator on record",
    ),  # fmt: skip
    "no_posts": (
        "{n} OPD tanpa satu pun postingan dalam periode",
        "{n} OPDs with no post at all in the period",
    ),  # fmt: skip
    "vs": ("dibanding", "vs"),
    "points": ("poin", "points"),
    "no_data": ("Belum ada data postingan untuk periode ini.", "No posts for this period yet."),
}


def _t(key: str, lang: str, n: int | None = None) -> str:
    text = _T[key][1 if lang == "en" else 0]
    if n is None:
        return text
    text = text.format(n=n)
    return text.replace("OPDs have", "OPD has").replace("OPDs", "OPD") if n == 1 else text


def _in_sentence(name: str) -> str:
    """An English name inside a sentence: "Active OPDs" -> "active OPDs"."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _kpis(df) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in df.iter_rows(named=True)}


def _change(r: dict[str, Any], lang: str) -> str:
    """ "(+4,3 poin dibanding Desember 2025)" for shares, "(+56 ...)" for counts."""
    change = r.get("change_previous")
    if change is None:
        return ""
    prev = labels.period(r["previous_start"], r["previous_end"], lang)
    # Over part of the OPDs (the others' data is incomplete): said with the change.
    subset = labels.compared_subset(r, lang=lang)
    subset = f", {subset}" if subset else ""
    if r["format"] == "persen":
        amount = labels.number(change * 100, 1, lang)
        amount = amount if amount.startswith("-") else "+" + amount
        return f"; {amount} {_t('points', lang)} {_t('vs', lang)} {prev}{subset}"
    amount = labels.number(change, r.get("decimals") or 0, lang)
    amount = amount if amount.startswith("-") else "+" + amount
    return f"; {amount} {_t('vs', lang)} {prev}{subset}"


def recap(con: duckdb.DuckDBPyConnection, f: Filters, lang: str = "id", n: int = 3) -> str:
    """The recap text (lines joined by "\\n"). n: how many top and bottom OPDs to name."""
    lines = [
        f"*{_t('title', lang)}*",
        f"*{_t('period', lang)}:* {labels.period(f.start, f.end, lang)}",
    ]
    chosen = [labels.platform(p) for p in f.platforms] + [labels.kind(k) for k in f.opd_kinds]
    if f.opd_ids:
        names = options.filter_options(con)
        chosen += names.filter(names["opd_id"].is_in(list(f.opd_ids)))["opd"].to_list()
    if chosen:
        lines.append(f"*{_t('filters', lang)}:* {', '.join(chosen)}")
    k = _kpis(summary.kpi_summary(con, f))
    posts = k["posts"]["value"] or 0
    lines.append("")
    if not posts:
        lines.append(_t("no_data", lang))
    rate = k["activity_rate"]
    active = _in_sentence(labels.kpi("active_opds", lang))
    lines.append(
        f"*{_t('activity', lang)}:* {labels.number(k['active_opds']['value'], 0, lang)} "
        f"{_t('of', lang)} {labels.number(k['expected_opds']['value'], 0, lang)} "
        f"{active} ({labels.percent(rate['value'], lang)}){_change(rate, lang)}"
    )
    lines.append(
        f"*{labels.kpi('posts', lang)}:* {labels.number(posts, 0, lang)}{_change(k['posts'], lang)}"
    )
    if posts:
        lines.append(
            f"*{labels.kpi('kinerja_share', lang)}:* "
            f"{labels.percent(k['kinerja_share']['value'], lang)}; "
            f"{_t('ucapan', lang)} {labels.percent(k['ucapan_share']['value'], lang)}"
        )
    inactive = activity_queries.inactive_opds(con, f)
    reason_of = {
        r["opd_id"]: (
            _in_sentence(labels.reason(r["reason_code"], lang)) if lang == "en" else r["reason"]
        )
        for r in inactive.iter_rows(named=True)
    }
    if posts:
        tb = summary.top_bottom_opds(con, f, n=n)
        for position, key in (("atas", "top"), ("bawah", "bottom")):
            rows = tb.filter(tb["position"] == position)
            if not rows.height:
                continue
            lines += ["", f"*{_t(key, lang)}:*"]
            for r in rows.iter_rows(named=True):
                why = reason_of.get(r["opd_id"])
                tail = f"; {why}" if why and position == "bawah" else ""
                lines.append(
                    f"{r['rank']}. {r['opd']} \u2013 {labels.number(r['index_score'], 1, lang)} "
                    f"({labels.grade(r['grade'], lang)}{tail})"
                )
    if inactive.height:
        rule = labels.activity_minimum(
            inactive.item(0, "activity_rule"), inactive.item(0, "required_posts"), lang
        )
        lines += ["", f"*{_t('inactive', lang)} ({inactive.height}; {rule}):*"]
        for r in inactive.head(MAX_LISTED).iter_rows(named=True):
            lines.append(f"- {r['opd']}: {reason_of[r['opd_id']]}")
        if inactive.height > MAX_LISTED:
            lines.append("- " + _t("others", lang, inactive.height - MAX_LISTED))
    missing = []
    no_op = int(k["opds_without_operator"]["value"] or 0)
    if no_op:
        missing.append(_t("no_operator", lang, no_op))
    idx = activity_queries.opd_index(con, f)
    silent = idx.filter(idx["posts"] == 0).height if idx.height else 0
    if silent:
        missing.append(_t("no_posts", lang, silent))
    if missing:
        lines += ["", f"*{_t('missing', lang)}:*", *(f"- {m}" for m in missing)]
    return "\n".join(lines)
