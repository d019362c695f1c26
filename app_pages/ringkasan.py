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
)
from ui import widgets as w
from ui.panels import SCREEN, Panel, Row, StopIf, show
from ui.slides import Deck

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("ringkasan")

big = w.presenting()
w.header(i18n.t("page_ringkasan"))
w.require_data()
f = filters.current()
one = one_opd.is_one_opd(f)
if not one:
    # The KPI tiles before anything asks for the index (the report bar's rapor list does):
    # their one judgement of the compared periods holds the period's own, which the index
    # then reads (warehouse.queries.judgement) instead of judging the period again.
    kpis = data.kpi_summary(f)
if not big:
    report_buttons.report_bar(f)
if one:
    one_opd.ringkasan(f, big)
    st.stop()

N_TB = lists.top_n_choice()
trend = data.activity_trend(f)
mix = data.content_mix(f)
tb = data.top_bottom_opds(f, n=N_TB)
INDEX_TITLE = i18n.tr("Indeks (0–100)", "Index (0–100)")
picked: dict[str, str | None] = {}  # the content type clicked in the mix chart


def key_figures(deck: Deck) -> None:
    c1, c2, c3, c4 = st.columns(2) * 2 if deck.active else st.columns(4)
    for col, key in zip(
        (c1, c2, c3, c4),
        ("activity_rate", "posts", "kinerja_share", "opds_without_operator"),
        strict=True,
    ):
        with col:
            w.kpi_from(kpis, key)
    w.comparison_caption(kpis)
    coverage_panel.denominator_caption(kpis, short=deck.active)


def activity_trend(deck: Deck) -> None:
    if not trend.height:
        w.no_match()
        return
    partial = w.partial_period(f)
    deck.chart(
        charts.line_over_time(
            trend,
            y="activity_rate",
            y_title=i18n.t("activity_rate"),
            percent=True,
            big=deck.active,
            height=300,
            partial=partial,
            gaps=coverage_panel.trend_gaps(trend),
        )
    )
    w.partial_caption(w.drawn_partial(partial, trend, "activity_rate"))
    if not deck.active:  # on the slide the chart's own grey band and legend say it
        coverage_panel.gap_caption(trend)


def content_mix(deck: Deck) -> None:
    if not mix.height:
        w.no_match()
        return
    picked["mix"] = w.chart_pick(
        charts.content_totals(mix, big=deck.active, height=300),
        key="mix",
        selection=charts.SELECT_CONTENT,
        field="content_type",
        deck=deck,
    )
    if not deck.active:
        st.caption(
            i18n.tr("Klik batang untuk melihat postingannya.", "Click a bar to see its posts.")
        )


def picked_posts(deck: Deck) -> None:
    if content := picked.get("mix"):
        w.drilldown(
            i18n.content_label(content), f, key="mix_pick", expanded=True, content_types=(content,)
        )


def top_list(deck: Deck) -> None:
    rows = tb.filter(pl.col("position") == "atas") if tb.height else tb
    lists.tie_caption(rows, N_TB)
    if not rows.height:
        w.no_match()
        return
    deck.chart(
        charts.ranking_bar(
            rows, x="index_score", x_title=INDEX_TITLE, big=deck.active, domain_max=100
        ),
        rows=rows.height,
    )


def bottom_list(deck: Deck) -> None:
    rows = tb.filter(pl.col("position") == "bawah") if tb.height else tb
    lists.tie_caption(rows, N_TB)
    if rows.height:
        deck.chart(
            charts.ranking_bar(
                rows,
                x="index_score",
                x_title=INDEX_TITLE,
                color=charts.WARN,
                ascending=True,
                big=deck.active,
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


def post_lists(deck: Deck) -> None:
    w.drilldown(i18n.tr("semua postingan periode ini", "all posts in this period"), f, key="all")
    w.drilldown(
        i18n.tr("postingan kinerja", "performance posts"), f, key="kinerja", kinerja_only=True
    )


show(
    "ringkasan",
    [
        Panel("kpi", key_figures, i18n.tr("Angka utama", "Key figures"), heading=False),
        StopIf(lambda: trend.height == 0 and mix.height == 0),
        Row(
            Panel(
                "trend",
                activity_trend,
                i18n.tr("Tingkat keaktifan per bulan", "Activity rate by month"),
                width=3,
            ),
            Panel("mix", content_mix, i18n.tr("Komposisi konten", "Content mix"), width=2),
        ),
        Panel("mix_posts", picked_posts, where=SCREEN),
        # One under the other, each the page's full width: side by side at 1366 px the long
        # OPD names took the half column and pushed the bottom list's bars out of view.
        Panel(
            "top",
            top_list,
            i18n.tr(f"{N_TB} OPD teratas (Indeks Medsos)", f"Top {N_TB} OPDs (social media index)"),
        ),
        Panel(
            "bottom",
            bottom_list,
            i18n.tr(
                f"{N_TB} OPD terbawah (Indeks Medsos)",
                f"Bottom {N_TB} OPDs (social media index)",
            ),
        ),
        Panel("coverage", lambda deck: coverage_panel.summary_panel(f), where=SCREEN),
        Panel("posts", post_lists, where=SCREEN),
    ],
)
