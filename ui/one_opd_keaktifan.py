"""Keaktifan OPD when the filter is one OPD: its status against the activity rule in numbers,
its index with each part explained and its rank among all OPDs, its months (a month whose data
never arrived is "data belum diterima", a partly received month says how far its data
reaches), its calendar and its accounts. Screen and slides draw from the same blocks."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts, charts_opd, data, explain, i18n, one_opd, scorecard, slides
from ui import widgets as w
from ui.panels import SCREEN, Entry, Panel, show

applies = one_opd.is_one_opd  # the page's hook: exactly one OPD in the filter


def draw(f: data.Filters, big: bool) -> None:
    """The one-OPD Keaktifan page (the page calls this and stops)."""
    s = one_opd.story(f)
    months = data.opd_months(f)
    days = data.opd_daily_counts(f, opd_id=s.opd_id)
    acc = data.account_dormancy(f)
    row = s.row

    t_index = i18n.tr(
        f"Indeks Medsos {s.short}: dari mana nilainya", f"How {s.short}'s index is made"
    )
    t_months = one_opd.months_title(s)
    t_cal = i18n.tr(f"Kalender unggahan {s.short}", f"Posting calendar of {s.short}")
    t_acc = i18n.tr(f"Akun {s.short} dan unggahannya", f"Accounts of {s.short} and their posts")

    def key_figures(deck: slides.Deck) -> None:
        inactive = explain.with_inactive_detail(data.inactive_opds(f))
        c1, c2, c3, c4 = st.columns([1.5, 1, 1, 1]) if not big else st.columns(2) * 2
        with c1:
            one_opd.status_card(row)
        with c2:
            one_opd.active_months_card(months)
        with c3:
            w.kpi(
                i18n.tr("Indeks Medsos", "Social media index"),
                "-" if not row or row["index_score"] is None
                else f"{i18n.fmt_num(row['index_score'], 1)}",
            )  # fmt: skip
        with c4:
            one_opd.rank_card(s)
        st.caption(f"{s.name}: {_rule_sentence(row, inactive)}")

    def index(deck: slides.Deck) -> None:
        assert row is not None  # the panel exists only with an index
        parts = scorecard.breakdown(row)
        deck.chart(charts_opd.index_parts(parts, big=big), rows=parts.height)
        st.caption(
            i18n.tr(
                f"Indeks {i18n.fmt_num(row['index_score'], 1)} "
                f"({i18n.grade_label(row['grade'])}) = jumlah sumbangan kelima komponen; "
                f"peringkat {row['rank']} dari {s.ranked} OPD (indeks dihitung di antara "
                "semua OPD, bukan hanya yang dipilih).",
                f"Index {i18n.fmt_num(row['index_score'], 1)} "
                f"({i18n.grade_label(row['grade'])}) = the sum of the five parts; rank "
                f"{row['rank']} of {s.ranked} OPDs (computed among all OPDs, not only the "
                "one chosen).",
            )
        )
        note = scorecard.missing_note(row)
        if note and not big:
            st.caption(note)
        if not big:
            # Drawn only while open (a rerun on toggle), as Keaktifan's own explanation.
            box = st.expander(
                i18n.tr("Rincian perhitungan indeks", "Index calculation in detail"),
                icon=":material/calculate:",
                key="index_detail_open",
                on_change="rerun",
            )
            with box:
                if box.open:
                    scorecard.explain(row, data.grade_thresholds())

    def months_panel(deck: slides.Deck) -> None:
        one_opd.months_chart(deck, months, s, big)

    def calendar(deck: slides.Deck) -> None:
        deck.chart(charts.calendar(days, big=big))
        gaps = months.filter(pl.col("activity_status") == "no_data")
        if gaps.height and not big:
            st.caption(
                i18n.tr(
                    "Hari kosong di bulan yang datanya belum (lengkap) diterima belum tentu "
                    "tanpa unggahan.",
                    "An empty day in a month whose data is not (fully) in is not necessarily "
                    "a day without posts.",
                )
            )

    def accounts(deck: slides.Deck) -> None:
        deck.chart(charts_opd.accounts(acc, big=big), rows=acc.height)
        if not big:
            st.caption(one_opd.last_post_sentence(acc))

    def posts(deck: slides.Deck) -> None:
        w.drilldown(s.name, f, key="opd_posts")

    entries: list[Entry] = [Panel("kpi", key_figures, one_opd.key_figures_title(), heading=False)]
    if row and row.get("index_score") is not None:
        entries.append(Panel("index", index, t_index))
    if months.height:
        entries.append(Panel("months", months_panel, t_months))
    if days.height and days.get_column("posts").sum() > 0:
        entries.append(Panel("calendar", calendar, t_cal))
    if acc.height:
        entries.append(Panel("accounts", accounts, t_acc))
    entries.append(Panel("posts", posts, where=SCREEN))
    show("keaktifan", entries)


def _rule_sentence(row: dict | None, inactive: pl.DataFrame) -> str:
    """The status against the rule in numbers, and what was judged."""
    if row is None:
        return i18n.tr(
            "OPD ini tidak wajib aktif di media sosial (Daftar Akun), jadi tidak dinilai.",
            "This OPD is not required to post (master list), so it is not judged.",
        )
    if row["activity_status"] == "no_data":
        return i18n.tr(
            "data periode ini belum lengkap diterima dan unggahannya belum mencapai minimal, "
            "jadi belum dinilai (bukan belum aktif).",
            "this period's data is not all in and its posts have not reached the minimum, so "
            "it is not judged yet (not 'not active').",
        )
    return one_opd.status_detail(row, inactive) + "."
