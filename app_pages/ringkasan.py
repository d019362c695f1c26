"""Ringkasan: the one-minute answer for the coordination meeting."""

import polars as pl
import streamlit as st

from ui import charts, data, filters, i18n
from ui import widgets as w

big = w.presenting()
w.header(i18n.t("page_ringkasan"))
w.require_data()
f = filters.current()

kpis = data.q("kpi_summary", f)
c1, c2, c3, c4 = st.columns(4)
with c1:
    w.kpi_from(
        kpis,
        "activity_rate",
        label=i18n.t("activity_rate"),
        help=i18n.tr(
            "Porsi OPD wajib yang memenuhi jumlah unggahan minimum pada periode ini.",
            "Share of OPDs that met the minimum number of posts in the period.",
        ),
    )
with c2:
    w.kpi_from(kpis, "posts", label=i18n.t("posts"))
with c3:
    w.kpi_from(
        kpis,
        "kinerja_share",
        label=i18n.t("kinerja_share"),
        help=i18n.tr(
            "Postingan kegiatan, layanan, informasi, capaian dan klarifikasi: "
            "bukan sekadar ucapan.",
            "Posts on activities, services, information, achievements and "
            "clarifications: not mere greetings.",
        ),
    )
with c4:
    w.kpi_from(kpis, "opds_without_operator", label=i18n.t("no_operator"), inverse=True)

w.comparison_caption(kpis)
trend = data.q("activity_trend", f)
mix = data.q("content_mix", f)
if trend.height == 0 and mix.height == 0:
    w.no_match()
    st.stop()

left, right = st.columns([3, 2]) if not big else (st.container(), st.container())
with left:
    st.subheader(i18n.tr("Tingkat keaktifan per bulan", "Activity rate by month"))
    if trend.height:
        w.chart(
            charts.line_over_time(
                trend,
                y="activity_rate",
                y_title=i18n.t("activity_rate"),
                percent=True,
                big=big,
                height=300,
            )
        )
picked = None
with right:
    st.subheader(i18n.tr("Komposisi konten", "Content mix"))
    if mix.height:
        picked = w.chart_pick(
            charts.content_totals(mix, big=big, height=300),
            key="mix",
            selection=charts.SELECT_CONTENT,
            field="content_type",
        )
        if not big:
            st.caption(
                i18n.tr("Klik batang untuk melihat postingannya.", "Click a bar to see its posts.")
            )
if picked:
    w.drilldown(
        i18n.content_label(picked), f, key="mix_pick", expanded=True, content_types=(picked,)
    )

tb = data.q("top_bottom_opds", f, n=5)
if tb.height:
    top, bottom = st.columns(2) if not big else (st.container(), st.container())
    title = i18n.t("index")
    with top:
        st.subheader(i18n.tr("5 OPD teratas", "Top 5 OPDs"))
        w.chart(
            charts.ranking_bar(
                tb.filter(pl.col("position") == "atas"),
                x="index_score",
                x_title=title,
                big=big,
                domain_max=100,
            )
        )
    with bottom:
        st.subheader(i18n.tr("5 OPD terbawah", "Bottom 5 OPDs"))
        w.chart(
            charts.ranking_bar(
                tb.filter(pl.col("position") == "bawah"),
                x="index_score",
                x_title=title,
                color=charts.WARN,
                ascending=True,
                big=big,
                domain_max=100,
            )
        )

w.drilldown(i18n.tr("semua postingan periode ini", "all posts in this period"), f, key="all")
w.drilldown(i18n.tr("postingan kinerja", "performance posts"), f, key="kinerja", kinerja_only=True)
