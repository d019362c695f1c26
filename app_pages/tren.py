"""Tren: posts, active OPDs, kinerja share and engagement over time, with period comparison."""

import streamlit as st

from ui import auth as _auth
from ui import charts, coverage_panel, data, filters, i18n
from ui import one_opd_tren as one_opd_view
from ui import widgets as w
from ui.panels import BOTH, SCREEN, Controls, Panel, StopIf, show
from ui.slides import Deck
from ui.widgets import Col

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("tren")

big = w.presenting()
w.header(i18n.t("page_tren"))
w.require_data()
f = filters.current()
if one_opd_view.applies(f):  # one OPD: its own story, not charts meant for many
    one_opd_view.draw(f, big)
    st.stop()

METRICS = {
    "posts": (i18n.t("posts"), False),
    "active_opds": (i18n.t("active_opd"), False),
    "kinerja_share": (i18n.t("kinerja_share"), True),
    "engagement": (i18n.t("engagement"), False),
}
GROUPS = {
    "none": i18n.t("all"),
    "platform": i18n.t("platform"),
    "opd_kind": i18n.t("opd_kind"),
    "opd": i18n.t("opd"),
}
T_YEAR = i18n.tr("Dibanding periode yang sama tahun lalu", "Against the same period last year")
YEAR_METRICS = ("posts", "kinerja_share", "engagement")
CONTROLS = {"tren_metric": "posts", "tren_by": "none", "tren_grain": "month"}
for k in CONTROLS:
    # On the projector the controls sit on the chart slides only: keep their choice while the
    # key-figures slide (where they are not drawn) is shown.
    if k in st.session_state:
        st.session_state[k] = st.session_state[k]


def choice(key: str) -> str:
    """The measure, split or time unit chosen (the controls' state; their default before)."""
    return str(st.session_state.get(key, CONTROLS[key]))


def has_year_slide() -> bool:
    # A slide without data is left out of the deck: the year-ago slide only when the chosen
    # measure has a year-ago line and the warehouse holds data for it.
    metric = choice("tren_metric")
    if metric not in YEAR_METRICS:
        return False
    comp = data.trend_comparison(f, grain=choice("tren_grain"))
    return bool(comp.height and comp[f"year_ago_{metric}"].null_count() < comp.height)


def series():
    return data.trend(f, grain=choice("tren_grain"), by=choice("tren_by"))


def controls(deck: Deck) -> None:
    # Measure on its own row beside the sidebar (four labels do not fit at 1366 px); on the
    # projector (no sidebar) all three controls share one row, leaving the chart more height.
    c1, c2, c3 = st.columns([5, 4, 2]) if deck.active else (st.container(), *st.columns([3, 1]))
    c1.segmented_control(
        i18n.tr("Ukuran", "Measure"),
        list(METRICS),
        default="posts",
        format_func=lambda k: METRICS[k][0],
        key="tren_metric",
        required=True,
    )
    c2.segmented_control(
        i18n.tr("Dipisah menurut", "Split by"),
        list(GROUPS),
        default="none",
        format_func=GROUPS.get,
        key="tren_by",
        required=True,
    )
    c3.segmented_control(
        i18n.tr("Satuan waktu", "Time unit"),
        ["month", "week"],
        default="month",
        key="tren_grain",
        required=True,
        format_func=lambda g: (
            i18n.tr("Bulan", "Month") if g == "month" else i18n.tr("Minggu", "Week")
        ),
    )


def key_figures(deck: Deck) -> None:
    kpis = data.kpi_summary(f)
    cols = st.columns(2) * 2 if deck.active else st.columns(4)
    for col, key in zip(cols, METRICS, strict=True):
        with col:
            w.kpi_from(kpis, key)
    w.comparison_caption(kpis)


def over_time(deck: Deck) -> None:
    metric, by, grain = choice("tren_metric"), choice("tren_by"), choice("tren_grain")
    lines = series()
    if by in ("opd_kind", "opd"):
        # Groups without a colour of their own: at most charts.MAX_SERIES lines, each with its
        # own colour and legend entry; which ones is said.
        lines, left_out = charts.cap_series(lines, value="posts")
        if left_out:
            shown = lines.get_column("group").n_unique()
            what = GROUPS[by]
            st.caption(
                # On a slide one short line: the chart needs the height.
                i18n.tr(
                    f"{shown} {what} dengan postingan terbanyak ({len(left_out)} lainnya tidak "
                    "digambar).",
                    f"The {shown} {what} with most posts ({len(left_out)} more not drawn).",
                )
                if deck.active
                else i18n.tr(
                    f"Menampilkan {shown} {what} dengan postingan terbanyak "
                    f"({len(left_out)} lainnya tidak digambar); pilih OPD di panel kiri untuk "
                    "membandingkan OPD tertentu.",
                    f"Showing the {shown} {what} with most posts ({len(left_out)} more not "
                    "drawn); pick OPDs on the left to compare particular ones.",
                )
            )
    label, pct = METRICS[metric]
    partial = w.partial_period(f, grain)
    # Months whose data did not arrive (coverage), from the same judgement as the activity rate.
    coverage = data.activity_trend(f) if grain == "month" else None
    if not deck.active:  # on a slide the measure chosen above and the axis title name it
        st.subheader(label)
    deck.chart(
        charts.line_over_time(
            lines,
            x="period_start",
            y=metric,
            y_title=label,
            percent=pct,
            color=None if by == "none" else "group",
            color_kind={"platform": "platform", "opd_kind": "kind"}.get(by),
            color_title=GROUPS[by],
            big=deck.active,
            height=360,
            partial=partial,
            gaps=coverage_panel.trend_gaps(coverage) if coverage is not None else [],
        )
    )
    if not deck.active:  # on the slide the axis note and the hollow point say it
        w.partial_caption(w.drawn_partial(partial, lines, metric, "period_start"), grain)
    if coverage is not None:
        # Posts, active OPDs and interactions are totals over every OPD, not a rate over the
        # judged ones: the caption says what is computed.
        coverage_panel.gap_caption(coverage, rate=False)


def year_ago(deck: Deck) -> None:
    metric, grain = choice("tren_metric"), choice("tren_grain")
    if metric not in YEAR_METRICS:
        return
    st.subheader(T_YEAR)
    comp = data.trend_comparison(f, grain=grain)
    if comp.height and comp[f"year_ago_{metric}"].null_count() == comp.height:
        st.caption(
            i18n.tr(
                "Belum ada data untuk periode yang sama tahun lalu: gudang data baru berisi "
                "postingan sejak bulan pertama yang dimuat.",
                "No data yet for the same period last year: the warehouse starts at the first "
                "month loaded.",
            )
        )
    elif comp.height:
        label, pct = METRICS[metric]
        deck.chart(
            charts.year_comparison(
                comp,
                metric=metric,
                y_title=label,
                percent=pct,
                big=deck.active,
                grain=grain,
                partial=w.partial_period(f, grain),
            )
        )


def top_posts(deck: Deck) -> None:
    w.table(
        data.top_posts(f, n=10),
        w.post_cols(),
        key="top_posts",
        title=i18n.tr("Postingan dengan interaksi tertinggi", "Top posts"),
    )


def engagement_by_opd(deck: Deck) -> None:
    w.table(
        data.engagement_by_opd(f),
        [
            Col("opd", "OPD"),
            Col("opd_kind", i18n.t("opd_kind"), "kind"),
            Col("posts", i18n.t("posts"), "int"),
            Col("engagement", i18n.t("engagement"), "int"),
            Col("engagement_per_post", i18n.kpi_label("engagement_per_post"), "num"),
            Col("engagement_per_reach", i18n.kpi_label("engagement_per_reach"), "pct"),
        ],
        key="engagement_opd",
        title=i18n.tr("Interaksi per OPD", "Engagement per OPD"),
        height=360,
    )


show(
    "tren",
    [
        Controls(controls, skip=("kpi",)),
        Panel("kpi", key_figures, i18n.tr("Angka utama", "Key figures"), heading=False),
        StopIf(lambda: not series().height),
        Panel("trend", over_time, i18n.tr("Tren dari waktu ke waktu", "Over time"), heading=False),
        # On the screen always (it says when there is nothing to compare); a slide only with data.
        Panel("year", year_ago, T_YEAR, BOTH if has_year_slide() else SCREEN, heading=False),
        Panel(
            "top_posts",
            top_posts,
            i18n.tr("Postingan dengan interaksi tertinggi", "Posts with most engagement"),
            SCREEN,
        ),
        Panel(
            "engagement",
            engagement_by_opd,
            i18n.tr("Interaksi per OPD", "Engagement per OPD"),
            SCREEN,
        ),
    ],
)
