"""Sentences that say, in numbers, why a figure is what it is (read aloud in a meeting).

Each function takes one row of a warehouse.queries frame (a dict) and returns text in the
chosen language; the numbers come from the row, never recomputed here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from ui import i18n
from warehouse.compare import Kind, subset_counts
from warehouse.vocabulary import (
    COMPARED_SIDES,
    COMPARED_SUBSET,
    COMPARED_SUBSET_SHORT,
    NO_COMPARISON,
)


def inactive_detail(r: dict[str, Any]) -> str:
    """Which rule an OPD failed, in numbers, from a queries.activity.inactive_opds row.

    Rule 'account': "akun terbanyak: Instagram @dinkes 14 dari minimal 24 (semua akun 36;
    minimal berlaku per akun)"; rule 'opd_total': "semua akun: 14 dari minimal 24"; no post:
    "belum ada postingan (minimal 24 unggahan dari satu akun)"; plus "terakhir mengunggah 45
    hari lalu (batas 30)" when the OPD is dormant. The rule is the row's activity_rule.
    """
    rule = r.get("activity_rule") or "account"
    need = i18n.fmt_int(r.get("required_posts"))
    n = int(r.get("busiest_posts") or 0)
    total = int(r.get("posts") or 0)
    parts: list[str] = []
    if n == 0:
        minimum = i18n.activity_minimum_text(rule, r.get("required_posts"))
        parts.append(i18n.tr(f"belum ada postingan ({minimum})", f"no posts ({minimum})"))
    elif rule == "opd_total":
        parts.append(
            i18n.tr(
                f"semua akun: {i18n.fmt_int(total)} dari minimal {need}",
                f"all accounts: {i18n.fmt_int(total)} of at least {need}",
            )
        )
    else:
        who = i18n.platform_label(r.get("busiest_platform"))
        account = r.get("busiest_account")
        if account:
            who += f" {account}"
        ties = int(r.get("tied_accounts") or 1)
        tie = i18n.tr(f", {ties} akun sama banyak", f", {ties} accounts tied") if ties > 1 else ""
        text = i18n.tr(
            f"akun terbanyak: {who} {i18n.fmt_int(n)} dari minimal {need}{tie}",
            f"busiest account: {who} {i18n.fmt_int(n)} of at least {need}{tie}",
        )
        if total > n:
            text += i18n.tr(
                f" (semua akun {i18n.fmt_int(total)}; minimal berlaku per akun)",
                f" (all accounts {i18n.fmt_int(total)}; the minimum applies per account)",
            )
        parts.append(text)
    days, limit_days = r.get("days_since_last_post"), r.get("dormant_days")
    if limit_days is not None and (days is None or days >= limit_days):
        limit = i18n.fmt_int(limit_days)
        if days is None:
            parts.append(i18n.tr("belum pernah mengunggah", "never posted"))
        else:
            parts.append(
                i18n.tr(
                    f"terakhir mengunggah {i18n.fmt_int(days)} hari lalu (batas {limit})",
                    f"last post {i18n.fmt_int(days)} days ago (limit {limit})",
                )
            )
    return "; ".join(parts)


def with_inactive_detail(df: pl.DataFrame) -> pl.DataFrame:
    """queries.activity.inactive_opds frame plus a `detail` column (inactive_detail of each row)."""
    details = [inactive_detail(r) for r in df.iter_rows(named=True)]
    return df.with_columns(pl.Series("detail", details, dtype=pl.String))


def comparison_text(r: dict, kind: str = "previous", *, short: bool = False) -> str:
    """What a kpi_summary row's change compares with, in words (kind: previous / year_ago).

    full: "dibanding Des 2025 – Mei 2026"; cut: "1 Jun – 20 Nov 2026 dibanding 1 Des 2025 –
    20 Mei 2026"; none: "belum ada pembanding" and why. short (on a card):
    only the other period ("vs 1 Des 2025 – 20 Mei 2026") or "belum ada pembanding"."""
    status = r.get(f"{kind}_status")
    o_start, o_end = r.get(f"{kind}_start"), r.get(f"{kind}_end")
    if status == "none":
        reason = r.get(f"{kind}_reason")
        text = i18n.tr(*NO_COMPARISON)
        if short:
            return text
        span = (o_start, o_end)
        if reason == "current_gaps":
            span = (r.get("compared_start"), r.get("compared_end"))
        if reason in ("before_data", "other_gaps", "current_gaps") and None not in span:
            text += i18n.tr(
                f" (data {period_text(*span)} belum lengkap)",
                f" (data for {period_text(*span)} incomplete)",
            )
        return text
    if o_start is None:
        return ""
    other = period_text(o_start, o_end, short=True)
    if short:
        return i18n.tr("vs ", "vs ") + other
    if status == "cut":
        mine = period_text(r["compared_start"], r["compared_end"], short=True)
        return i18n.tr(f"{mine} dibanding {other}", f"{mine} vs {other}")
    return i18n.tr("dibanding ", "vs ") + other


def compared_set_text(
    r: dict, kind: Kind = "previous", *, short: bool = False, figures: bool = True
) -> str:
    """On how many OPDs a kpi_summary row's change compares, when that is not all in scope
    (warehouse.compare.subset_counts): "pada 29 dari 46 OPD yang datanya lengkap di kedua
    periode: 5.002 vs 5.260"; short (on a card): "29 dari 46 OPD lengkap: 5.002 vs
    5.260". The two figures are the KPI over the compared OPDs on each side, formatted as the
    card formats its value; figures=False leaves them out (a caption under several cards: each
    card names its own). "" when every OPD is compared or there is no change."""
    counts = subset_counts(r, kind)
    if counts is None:
        return ""
    text = COMPARED_SUBSET_SHORT if short else COMPARED_SUBSET
    words = i18n.tr(*text).format(n=i18n.fmt_int(counts[0]), m=i18n.fmt_int(counts[1]))
    if not figures:
        return words
    fmt = i18n.fmt_pct if r.get("format") == "persen" else i18n.fmt_int
    return words + COMPARED_SIDES.format(
        mine=fmt(r.get(f"{kind}_compared_value")), other=fmt(r.get(f"{kind}_value"))
    )


def some_names(names: list[str], most: int = 5) -> str:
    """At most `most` names, then how many more: "A, B, C dan 12 lainnya" (a list a leader
    reads on a slide; the whole list is on its own page)."""
    shown = ", ".join(names[:most])
    rest = len(names) - most
    if rest > 0:
        shown += i18n.tr(f" dan {rest} lainnya", f" and {rest} more")
    return shown


def left_out_text(r: dict, kind: Kind = "previous", *, most: int = 5) -> str:
    """The OPDs a change leaves out, named (at most `most`, then "dan 12 lainnya"): "Tidak
    dibandingkan karena datanya belum lengkap di salah satu periode: A, B, C." "" when none
    is left out or there is no change."""
    if subset_counts(r, kind) is None:
        return ""
    names = [o["opd"] for o in r.get(f"{kind}_left_out") or []]
    if not names:
        return ""
    shown = some_names(names, most)
    return i18n.tr(
        f"Tidak dibandingkan karena datanya belum lengkap di salah satu periode: {shown}.",
        f"Not compared, their data is incomplete in one of the periods: {shown}.",
    )


def period_text(start: dt.date, end: dt.date, *, short: bool = False) -> str:
    """'Oktober 2026', 'Jun 2026 – Nov 2026' for whole months, else '1 Juni 2026 – 20 ...'.

    short: month abbreviations ('1 Jun – 20 Nov 2026', the year once when both share it)."""
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
        if (start.year, start.month) == (end.year, end.month):
            return i18n.fmt_month(start, short=short)
        return f"{i18n.fmt_month(start)} – {i18n.fmt_month(end)}"
    if not short:
        return f"{i18n.fmt_date(start)} – {i18n.fmt_date(end)}"
    names = i18n.MONTHS_SHORT_EN if i18n.current_lang() == "en" else i18n.MONTHS_SHORT_ID
    a = f"{start.day} {names[start.month - 1]}"
    b = f"{end.day} {names[end.month - 1]} {end.year}"
    return f"{a} – {b}" if start.year == end.year else f"{a} {start.year} – {b}"
