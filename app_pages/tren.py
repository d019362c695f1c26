"""Tren: posts, active OPDs, kinerja share and engagement over time, with period comparison."""

import streamlit as st

from ui import auth as _auth
from ui import charts, coverage_panel, data, filters, i18n, slides
from ui import one_opd_tren as one_opd_view
from ui import widgets as w
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
# A slide without data is left out of the deck: the year-ago slide only when the chosen
# measure has a year-ago line and the warehouse holds data for it.
_metric = st.session_state.get("tren_metric", "posts")
_comp = (
    data.trend_comparison(f, grain=st.session_state.get("tren_grain", "month"))
    if _metric in YEAR_METRICS
    else None
)
HAS_YEAR = bool(
    _comp is not None and _comp.height and _comp[f"year_ago_{_metric}"].null_count() < _comp.height
)
_slides = {
    "kpi": i18n.tr("Angka utama", "Key figures"),
    "trend": i18n.tr("Tren dari waktu ke waktu", "Over time"),
}
if HAS_YEAR or not w.presenting():
    _slides["year"] = T_YEAR
deck = slides.Deck("tren", _slides)
CONTROLS = {"tren_metric": "posts", "tren_by": "none", "tren_grain": "month"}
for k in CONTROLS:
    # On the projector the controls sit on the chart slides only: keep their choice while the
    # key-figures slide (where they are not drawn) is shown.
    if k in st.session_state:
        st.session_state[k] = st.session_state[k]
if deck.active and deck.current_name == "kpi":
    metric, by, grain = (st.session_state.get(k, v) for k, v in CONTROLS.items())
else:
    # Measure on its own row beside the sidebar (four labels do not fit at 1366 px); on the
    # projector (no sidebar) all three controls share one row, leaving the chart more height.
    c1, c2, c3 = st.columns([5, 4, 2]) if deck.active else (st.container(), *st.columns([3, 1]))
    metric = c1.segmented_control(
        i18n.tr("Ukuran", "Measure"),
        list(METRICS),
        default="posts",
        format_func=lambda k: METRICS[k][0],
        key="tren_metric",
        required=True,
    )
    by = c2.segmented_control(
        i18n.tr("Dipisah menurut", "Split by"),
        list(GROUPS),
        default="none",
        format_func=GROUPS.get,
        key="tren_by",
        required=True,
    )
    grain = c3.segmented_control(
        i18n.tr("Satuan waktu", "Time unit"),
        ["month", "week"],
        default="month",
        key="tren_grain",
        required=True,
        format_func=lambda g: (
            i18n.tr("Bulan", "Month") if g == "month" else i18n.tr("Minggu", "Week")
        ),
    )

if deck.show("kpi"):
    kpis = data.kpi_summary(f)
    cols = st.columns(4) if not big else st.columns(2) * 2
    for col, key in zip(cols, METRICS, strict=True):
        with col:
            w.kpi_from(kpis, key)
    w.comparison_caption(kpis)
series = data.trend(f, grain=grain, by=by)
if not series.height:
    w.no_match()
    st.stop()
if by == "opd" and series.get_column("group").n_unique() > 12:
    if deck.show("trend"):
        st.caption(
            i18n.tr(
                "Menampilkan 12 OPD dengan postingan terbanyak; pilih OPD di panel kiri "
                "untuk membandingkan OPD tertentu.",
                "Showing the 12 OPDs with most posts; pick OPDs on the left to compare.",
            )
        )
    series = charts.top_groups(series, value="posts", n=12)
label, pct = METRICS[metric]
partial = w.partial_period(f, grain)
# Months whose data did not arrive (coverage), from the same judgement as the activity rate.
coverage = data.activity_trend(f) if grain == "month" else None
gaps = coverage_panel.trend_gaps(coverage) if coverage is not None else []
if deck.show("trend"):
    st.subheader(label)
    deck.chart(
        charts.line_over_time(
            series,
            x="period_start",
            y=metric,
            y_title=label,
            percent=pct,
            color=None if by == "none" else "group",
            color_kind="platform" if by == "platform" else None,
            color_title=GROUPS[by],
            big=big,
            height=360,
            partial=partial,
            gaps=gaps,
        ),
        below_controls=True,
    )
    w.partial_caption(partial, grain)
    if coverage is not None:
        coverage_panel.gap_caption(coverage)

if "year" not in deck.titles:
    pass
elif deck.active and deck.show("year") and metric not in YEAR_METRICS:
    st.subheader(T_YEAR)
    st.caption(
        i18n.tr(
            "Perbandingan tahun lalu tersedia untuk ukuran Postingan, Porsi kinerja dan Interaksi.",
            "The year-ago comparison is available for Posts, Performance share and Engagement.",
        )
    )
elif deck.show("year") and metric in YEAR_METRICS:
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
        deck.chart(
            charts.year_comparison(
                comp,
                metric=metric,
                y_title=label,
                percent=pct,
                big=big,
                grain=grain,
                partial=partial,
            ),
            below_controls=True,
        )

if not big:
    st.subheader(i18n.tr("Postingan dengan interaksi tertinggi", "Posts with most engagement"))
    top = data.top_posts(f, n=10)
    w.table(
        top,
        w.post_cols(),
        key="top_posts",
        title=i18n.tr("Postingan dengan interaksi tertinggi", "Top posts"),
    )
    st.subheader(i18n.tr("Interaksi per OPD", "Engagement per OPD"))
    eng = data.engagement_by_opd(f)
    w.table(
        eng,
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
