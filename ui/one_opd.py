"""The one-OPD view: when the filter is one OPD, the meeting pages show that OPD's own story
(its status against the rule, its months, its content, its accounts, its rank among all OPDs)
instead of charts meant for many. This module holds the parts the pages share and Ringkasan's
story; Keaktifan, Jenis Konten and Tren have theirs in ui/one_opd_<page>.py.

A rate over one OPD is 0 % or 100 %, a ranking of one is a hairline bar and a bottom list has
nobody: none of them says anything about the one OPD a meeting is talking about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl
import streamlit as st

from ui import charts, charts_opd, data, explain, filters, i18n, slides
from ui import widgets as w
from ui.panels import SCREEN, Entry, Panel, Row, show


def is_one_opd(f: data.Filters) -> bool:
    """True when the sidebar narrows the view to exactly one OPD."""
    return len(f.opd_ids) == 1


@dataclass(frozen=True)
class Story:
    """One OPD among all: `row` is its queries.activity.opd_index row computed over every OPD (same
    period and platforms; None when it is not expected to post), `ranked` how many OPDs
    have a rank, `everyone` those Filters."""

    opd_id: int
    name: str
    short: str
    row: dict[str, Any] | None
    ranked: int
    everyone: data.Filters


def story(f: data.Filters) -> Story:
    """The OPD of a one-OPD filter, its index row and rank among every OPD. The index is
    never computed over the one OPD alone: its interaction score is a percentile among OPDs."""
    opd_id = int(f.opd_ids[0])
    everyone = filters.make_filters(f.start, f.end, f.platforms)
    ranking = data.opd_index(everyone)
    mine = ranking.filter(pl.col("opd_id") == opd_id)
    row = mine.row(0, named=True) if mine.height else None
    if row is None:
        opts = data.filter_options()
        hit = opts.filter(pl.col("opd_id") == opd_id)
        name = hit.item(0, "opd") if hit.height else i18n.t("opd")
        short = name
    else:
        name, short = row["opd"], row.get("opd_short") or row["opd"]
    ranked = ranking.filter(pl.col("rank").is_not_null()).height
    return Story(opd_id, name, short, row, ranked, everyone)


def status_card(row: dict | None) -> None:
    status = (row or {}).get("activity_status")
    value = {
        "active": i18n.tr("Aktif", "Active"),
        "inactive": i18n.tr("Belum aktif", "Not active"),
        "no_data": i18n.tr("Belum dinilai", "Not judged"),
    }.get(status or "", "-")
    w.kpi(i18n.tr("Status keaktifan", "Activity status"), value)


def rank_card(s: Story) -> None:
    """'13' under 'Peringkat dari 33 OPD': '13 dari 33' as a value was cut at 1366 px."""
    rank = (s.row or {}).get("rank")
    w.kpi(
        i18n.tr(f"Peringkat dari {s.ranked} OPD", f"Rank of {s.ranked} OPDs"),
        "-" if rank is None else i18n.fmt_int(rank),
    )


def active_months_card(months: pl.DataFrame) -> None:
    """'k dari n': active months of the months judged on all their data (whole_month of
    warehouse.opd_story.opd_months); a judged month whose data is only partly in (a month still
    running) is said under it with its status ('+ Nov aktif'), not counted."""
    whole = months.filter(pl.col("whole_month"))
    k = int(whole.get_column("is_active").sum()) if whole.height else 0
    part = months.filter(~pl.col("whole_month") & (pl.col("activity_status") != "no_data"))
    # Short enough for a card at 1366 px ("+ Nov aktif"); the help says the month is partial.
    extra = "; ".join(
        f"+ {i18n.fmt_month(r['month'], short=True).split()[0]} "
        + (i18n.tr("aktif", "active") if r["is_active"] else i18n.tr("belum aktif", "not active"))
        for r in part.iter_rows(named=True)
    )
    w.kpi(
        i18n.tr("Bulan aktif", "Active months"),
        i18n.tr(f"{k} dari {whole.height}", f"{k} of {whole.height}"),
        extra or None,
        neutral=True,
        help=i18n.tr(
            "Dari bulan yang datanya lengkap. Bulan yang datanya baru sebagian (mis. bulan "
            "berjalan) tidak dihitung; statusnya disebut di bawah angka ('+ Nov aktif').",
            "Of the months whose data is complete. A month with only part of its data (one "
            "still running) is not counted; its status is said under the figure.",
        ),
    )


def status_detail(row: dict | None, inactive: pl.DataFrame) -> str:
    """Why, in numbers: the failed rule for an inactive OPD, the rule met for an active one."""
    if row is None:
        return ""
    if inactive.height:
        r = inactive.row(0, named=True)
        return f"{i18n.reason_label(r['reason_code'])}; {explain.inactive_detail(r)}"
    minimum = i18n.activity_minimum_text(row["activity_rule"], row["required_posts"])
    counted = i18n.activity_counted_label(row["activity_rule"])  # not the OPD's total
    return i18n.tr(
        f"{counted} {i18n.fmt_int(row['counted_posts'])} unggahan; {minimum}",
        f"{counted} {i18n.fmt_int(row['counted_posts'])} posts; {minimum}",
    )


def last_post_sentence(acc: pl.DataFrame) -> str:
    """'Unggahan terakhir, dihitung sampai data terakhir tiap akun, bukan sampai hari ini:
    Instagram @x: 3 hari sebelum 20 Nov 2026; Facebook y: data belum diterima setelah 31 Agu
    2026.' (a queries.activity.account_dormancy frame)."""
    parts = []
    for r in acc.iter_rows(named=True):
        name = f"{i18n.platform_label(r['platform'])} {r['handle'] or ''}".strip()
        since = r["data_through"]
        if r["status"] == "not_received":
            what = (
                i18n.tr("data belum pernah diterima", "no data received yet")
                if since is None
                else i18n.tr(
                    f"data belum diterima setelah {i18n.fmt_date(since)}",
                    f"no data received after {i18n.fmt_date(since)}",
                )
            )
        elif r["days_since_last_post"] is None:
            what = i18n.tr("belum pernah mengunggah", "never posted")
        else:
            n, end = i18n.fmt_int(r["days_since_last_post"]), i18n.fmt_date(since)
            what = i18n.tr(f"{n} hari sebelum {end}", f"{n} days before {end}")
        parts.append(f"{name}: {what}")
    if not parts:
        return ""
    return i18n.tr(
        f"Unggahan terakhir, dihitung sampai data terakhir tiap akun, bukan sampai hari ini: "
        f"{'; '.join(parts)}.",
        f"Last post, counted to each account's data end, not to today: {'; '.join(parts)}.",
    )


def months_title(s: Story) -> str:
    """The monthly chart's title, saying exactly what its bars are: the posts the activity rule
    counts ('akun terbanyak' under the one-account rule: the busiest account, not the OPD's
    total the Postingan card shows; 'semua akun' under the OPD-total rule)."""
    rule = s.row["activity_rule"] if s.row else data.activity_rule()
    what = i18n.activity_counted_label(rule)
    return i18n.tr(f"Unggahan {s.short} per bulan: {what}", f"Posts of {s.short} by month: {what}")


def months_chart(deck: slides.Deck, months: pl.DataFrame, s: Story, big: bool) -> None:
    """The OPD's months against the minimum, with captions naming what was not judged."""
    rule = s.row["activity_rule"] if s.row else data.activity_rule()
    deck.chart(charts_opd.monthly_status(months, rule, big=big))
    if not big:
        st.caption(
            i18n.tr(
                "Garis putus-putus: batas minimal bulan itu. Biru aktif, biru muda aktif "
                "dengan data baru sebagian (bulan berjalan), jingga tua belum aktif, kuning "
                "data sebagian dan belum dinilai, tanpa batang: data belum diterima.",
                "Dashed line: the month's minimum. Blue active, pale blue active on part of "
                "the data (a month still running), dark orange not yet, yellow partial data "
                "not judged yet, no bar: data not received.",
            )
        )
    for text in months_notes(months):
        st.caption(text)


def months_notes(months: pl.DataFrame) -> list[str]:
    """Sentences naming the months not judged: data never arrived (not zero posts), or only
    partly ('data sebagian: s.d. 20 Nov', not 'belum aktif')."""
    out = []
    not_judged = months.filter(pl.col("activity_status") == "no_data")
    state = "coverage_state" if "coverage_state" in months.columns else None
    missing = not_judged.filter(pl.col(state) != "partial") if state else not_judged
    if missing.height:
        names = ", ".join(i18n.fmt_month(m, short=False) for m in missing.get_column("month"))
        out.append(
            i18n.tr(
                f"Data belum diterima (bukan nol postingan): {names}.",
                f"Data not received (not zero posts): {names}.",
            )
        )
    partial = not_judged.filter(pl.col(state) == "partial") if state else not_judged.clear()
    parts = [f"{i18n.fmt_month(r['month'], short=False)} ({_reach(r)})" for r in
             partial.iter_rows(named=True)]  # fmt: skip
    if parts:
        out.append(
            i18n.tr(
                f"Data sebagian: {', '.join(parts)}; {i18n.fmt_int(partial['posts'].sum())} "
                "postingan (semua akun) sudah masuk, bulan itu belum dinilai (bukan belum aktif).",
                f"Partial data: {', '.join(parts)}; {i18n.fmt_int(partial['posts'].sum())} "
                "posts (all accounts) in so far, the month is not judged yet (not 'not active').",
            )
        )
    # Judged months (active: its posts prove it) whose data is not all in: the count is low.
    short = (
        months.filter((pl.col("activity_status") != "no_data") & (pl.col(state) == "partial"))
        if state
        else months.clear()
    )
    if short.height:
        names = ", ".join(
            f"{i18n.fmt_month(r['month'], short=False)} ({_reach(r)})"
            for r in short.iter_rows(named=True)
        )
        out.append(
            i18n.tr(
                f"Data belum lengkap: {names}; postingannya dihitung dari data yang sudah masuk, "
                "jadi bisa lebih banyak.",
                f"Data not all in: {names}; its posts count only the data in so far, so there "
                "may be more.",
            )
        )
    return out


def _reach(r: dict) -> str:
    """How far a partly received month reaches: 's.d. 20 Nov', else '1 dari 2 akun'."""
    return charts_opd.through_text(r["covered_through"]) or i18n.tr(
        f"{r['n_accounts'] - r['n_accounts_missing']} dari {r['n_accounts']} akun",
        f"{r['n_accounts'] - r['n_accounts_missing']} of {r['n_accounts']} accounts",
    )


def ringkasan(f: data.Filters, big: bool) -> None:
    """Draw the one-OPD Ringkasan (screen and slides from one list of panels)."""
    s = story(f)
    months = data.opd_months(f)
    mix = data.content_mix(f)
    acc = data.account_dormancy(f)
    kpis = data.kpi_summary(f)

    def key_figures(deck: slides.Deck) -> None:
        inactive = data.inactive_opds(f)
        c1, c2, c3, c4 = st.columns([1.5, 1, 1, 1]) if not big else st.columns(2) * 2
        with c1:
            status_card(s.row)
        with c2:
            active_months_card(months)
        with c3:
            w.kpi_from(kpis, "posts")
        with c4:
            rank_card(s)
        status = status_detail(s.row, inactive)
        row = s.row
        if row and row.get("rank") is not None:
            status += i18n.tr(
                f". Indeks {i18n.fmt_num(row['index_score'], 1)} "
                f"({i18n.grade_label(row['grade'])}) di antara semua OPD; bulan aktif dihitung "
                "dari bulan yang datanya lengkap.",
                f". Index {i18n.fmt_num(row['index_score'], 1)} "
                f"({i18n.grade_label(row['grade'])}) among all OPDs; active months count the "
                "months whose data is complete.",
            )
        st.caption(f"{s.name}: {status}")
        w.comparison_caption(kpis)

    def months_panel(deck: slides.Deck) -> None:
        months_chart(deck, months, s, big)

    def mix_panel(deck: slides.Deck) -> None:
        deck.chart(charts.content_totals(mix, big=big, height=300))

    def accounts_panel(deck: slides.Deck) -> None:
        deck.chart(charts_opd.accounts(acc, big=big), rows=acc.height)

    def all_posts(deck: slides.Deck) -> None:
        w.drilldown(i18n.tr("semua postingan periode ini", "all posts in this period"), f,
                    key="all")  # fmt: skip

    t_mix = i18n.tr(f"Komposisi konten {s.short}", f"Content mix of {s.short}")
    side = [Panel("months", months_panel, months_title(s), width=3)] if months.height else []
    side += [Panel("mix", mix_panel, t_mix, width=2)] if mix.height else []
    entries: list[Entry] = [Panel("kpi", key_figures, key_figures_title(), heading=False)]
    entries += [Row(*side)] if side else []
    if acc.height:
        t_acc = i18n.tr(f"Akun {s.short}", f"Accounts of {s.short}")
        entries.append(Panel("accounts", accounts_panel, t_acc))
    entries.append(Panel("posts", all_posts, where=SCREEN))
    show("ringkasan", entries)


def key_figures_title() -> str:
    """The title of a one-OPD page's first slide."""
    return i18n.tr("Angka utama", "Key figures")
