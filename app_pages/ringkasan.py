"""Ringkasan: the one-minute answer for the coordination meeting."""

import polars as pl
import streamlit as st

from ui import auth as _auth
from ui import (
    charts,
    coverage_panel,
    data,
    filters,
    i18n,
    lists,
    one_opd,
    report_buttons,
    slides,
)
from ui import widgets as w

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("ringkasan")

big = w.presenting()
w.header(i18n.t("page_ringkasan"))
w.require_data()
f = filters.current()
if not big:
    report_buttons.report_bar(f)
if one_opd.is_one_opd(f):
    one_opd.ringkasan(f, big)
    st.stop()

T_TREND = i18n.tr("Tingkat keaktifan per bulan", "Activity rate by month")
T_MIX = i18n.tr("Komposisi konten", "Content mix")
N_TB = lists.top_n_choice()
T_TOP = i18n.tr(f"{N_TB} OPD teratas (Indeks Medsos)", f"Top {N_TB} OPDs (social media index)")
T_BOTTOM = i18n.tr(
    f"{N_TB} OPD terbawah (Indeks Medsos)", f"Bottom {N_TB} OPDs (social media index)"
)
deck = slides.Deck(
    "ringkasan",
    {
        "kpi": i18n.tr("Angka utama", "Key figures"),
        "trend": T_TREND,
        "mix": T_MIX,
        "top": T_TOP,
        "bottom": T_BOTTOM,
    },
)

kpis = data.kpi_summary(f)
if deck.show("kpi"):
    c1, c2, c3, c4 = st.columns(4) if not big else st.columns(2) * 2
    for col, key in zip(
        (c1, c2, c3, c4),
        ("activity_rate", "posts", "kinerja_share", "opds_without_operator"),
        strict=True,
    ):
        with col:
            w.kpi_from(kpis, key)
    w.comparison_caption(kpis)
    coverage_panel.denominator_caption(kpis)

trend = data.activity_trend(f)
mix = data.content_mix(f)
if trend.height == 0 and mix.height == 0:
    w.no_match()
    st.stop()

left, right = st.columns([3, 2]) if not big else (st.container(), st.container())
with left:
    if deck.show("trend"):
        st.subheader(T_TREND)
        if trend.height:
            partial = w.partial_period(f)
            deck.chart(
                charts.line_over_time(
                    trend,
                    y="activity_rate",
                    y_title=i18n.t("activity_rate"),
                    percent=True,
                    big=big,
                    height=300,
                    partial=partial,
                    gaps=coverage_panel.trend_gaps(trend),
                )
            )
            w.partial_caption(partial)
            if not big:  # on the slide the chart's own grey band and legend say it
                coverage_panel.gap_caption(trend)
        else:
            w.no_match()
picked = None
with right:
    if deck.show("mix"):
        st.subheader(T_MIX)
        if mix.height:
            picked = w.chart_pick(
                charts.content_totals(mix, big=big, height=300),
                key="mix",
                selection=charts.SELECT_CONTENT,
                field="content_type",
                deck=deck,
            )
            if not big:
                st.caption(
                    i18n.tr(
                        "Klik batang untuk melihat postingannya.", "Click a bar to see its posts."
                    )
                )
        else:
            w.no_match()
if picked:
    w.drilldown(
        i18n.content_label(picked), f, key="mix_pick", expanded=True, content_types=(picked,)
    )

tb = data.top_bottom_opds(f, n=N_TB)
top, bottom = st.columns(2) if not big else (st.container(), st.container())
title = i18n.tr("Indeks (0–100)", "Index (0–100)")
with top:
    if deck.show("top"):
        st.subheader(T_TOP)
        rows = tb.filter(pl.col("position") == "atas") if tb.height else tb
        lists.tie_caption(rows, N_TB)
        if rows.height:
            deck.chart(
                charts.ranking_bar(rows, x="index_score", x_title=title, big=big, domain_max=100),
                rows=rows.height,
            )
        else:
            w.no_match()
with bottom:
    if deck.show("bottom"):
        st.subheader(T_BOTTOM)
        rows = tb.filter(pl.col("position") == "bawah") if tb.height else tb
        lists.tie_caption(rows, N_TB)
        if rows.height:
            deck.chart(
                charts.ranking_bar(
                    rows,
                    x="index_score",
                    x_title=title,
                    color=charts.WARN,
                    ascending=True,
                    big=big,
                    domain_max=100,
                ),
                rows=rows.height,
            )
        elif tb.height:
            st.caption(
                i18n.tr(
                    "Semua OPD pada pilihan ini sudah ada di daftar teratas.",
                    "Every OPD in this selection is already in the top list.",
                )
            )
        else:
            w.no_match()

if not big:
    coverage_panel.summary_panel(f)

w.drilldown(i18n.tr("semua postingan periode ini", "all posts in this period"), f, key="all")
w.drilldown(i18n.tr("postingan kinerja", "performance posts"), f, key="kinerja", kinerja_only=True)
