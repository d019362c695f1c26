"""Tren when the filter is one OPD: its posts month by month beside what a typical OPD posted
(the median and the mean of every OPD whose month was judged), its key figures with their
comparisons. A month whose data never arrived is a gap, never 0; a partly received month says
how far its data reaches. Screen and slides draw from the same blocks."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts_opd_compare, data, i18n, one_opd, slides
from ui import widgets as w
from ui.panels import SCREEN, Entry, Panel, show

applies = one_opd.is_one_opd  # the page's hook: exactly one OPD in the filter


def draw(f: data.Filters, big: bool) -> None:
    """The one-OPD Tren page (the page calls this and stops)."""
    s = one_opd.story(f)
    months = data.opd_months(f)
    bench = data.opd_month_benchmark(s.everyone)

    def key_figures(deck: slides.Deck) -> None:
        kpis = data.kpi_summary(f)
        cols = st.columns(4) if not big else st.columns(2) * 2
        with cols[0]:
            w.kpi_from(kpis, "posts")
        with cols[1]:
            one_opd.active_months_card(months)
        with cols[2]:
            w.kpi_from(kpis, "kinerja_share")
        with cols[3]:
            w.kpi_from(kpis, "engagement")
        w.comparison_caption(kpis)

    def trend(deck: slides.Deck) -> None:
        deck.chart(
            charts_opd_compare.posts_against_typical(
                months, bench, who=s.short, big=big, partial=w.partial_period(f)
            )
        )
        if not big:  # on the slide the legend says what the lines are; the chart needs the room
            _trend_caption(months, bench, s.short)
        for text in one_opd.months_notes(months):
            st.caption(text)

    def posts(deck: slides.Deck) -> None:
        w.drilldown(s.name, f, key="opd_posts")

    t_trend = i18n.tr(
        f"Postingan {s.short} per bulan dibanding OPD lain",
        f"Posts of {s.short} by month against other OPDs",
    )
    entries: list[Entry] = [Panel("kpi", key_figures, one_opd.key_figures_title(), heading=False)]
    if months.height:
        entries.append(Panel("trend", trend, t_trend))
    entries.append(Panel("posts", posts, where=SCREEN))
    show("tren", entries)


def _trend_caption(months: pl.DataFrame, bench: pl.DataFrame, short: str) -> None:
    """How the OPD stands against the median over the months both have, in one sentence."""
    both = months.join(bench, on="month").filter(pl.col("activity_status") != "no_data")
    above = int((both.get_column("posts") > both.get_column("median_posts")).sum())
    n = int(bench.get_column("judged_opds").max() or 0) if bench.height else 0
    st.caption(
        i18n.tr(
            f"{short} di atas median pada {above} dari {both.height} bulan yang dinilai. "
            f"Median dan rata-rata dari OPD yang wajib aktif dan datanya bulan itu dinilai "
            f"(hingga {n} OPD); OPD yang datanya belum diterima tidak dihitung sebagai 0.",
            f"{short} is above the median in {above} of {both.height} judged months. Median "
            f"and mean over OPDs required to post whose month was judged (up to {n} OPDs); an "
            "OPD whose data has not arrived is not counted as 0.",
        )
    )
