"""Keaktifan OPD: who is active, who is not and why, and one OPD's calendar."""

import streamlit as st

from ui import charts, data, filters, i18n
from ui import widgets as w
from ui.widgets import Col

big = w.presenting()
w.header(i18n.t("page_keaktifan"))
w.require_data()
f = filters.current()

idx = data.q("opd_index", f)
if not idx.height:
    w.no_match()
    st.stop()

st.subheader(i18n.tr("Peringkat Indeks Medsos OPD", "OPD social media index ranking"))
w.table(
    idx,
    [
        Col("opd", "OPD"),
        Col("opd_kind", i18n.t("opd_kind"), "kind"),
        Col("index_score", i18n.t("index"), "num"),
        Col("grade", i18n.tr("Predikat", "Grade")),
        Col("posts", i18n.t("posts"), "int"),
        Col("is_active", i18n.tr("Aktif", "Active"), "bool"),
        Col("kinerja_share", i18n.t("kinerja_share"), "pct"),
        Col("weeks_with_post", i18n.tr("Minggu aktif", "Active weeks"), "int"),
        Col(
            "engagement_per_post", i18n.tr("Interaksi per postingan", "Engagement per post"), "num"
        ),
    ],
    key="opd_index",
    title=i18n.tr("Peringkat Indeks Medsos OPD", "OPD index ranking"),
    height=420,
)

st.subheader(i18n.tr("OPD yang belum aktif dan penyebabnya", "Inactive OPDs and why"))
inactive = data.q("inactive_opds", f)
if inactive.height:
    w.table(
        inactive,
        [
            Col("opd", "OPD"),
            Col("opd_kind", i18n.t("opd_kind"), "kind"),
            Col("reason_code", i18n.t("reason"), "reason"),
            Col("posts", i18n.t("posts"), "int"),
            Col("required_posts", i18n.tr("Minimum", "Minimum"), "int"),
            Col("last_post_at", i18n.t("last_post"), "date"),
            Col("days_since_last_post", i18n.t("days_since"), "int"),
        ],
        key="inactive",
        title=i18n.tr("Daftar OPD belum aktif", "Inactive OPDs"),
    )
else:
    st.success(
        i18n.tr(
            "Semua OPD wajib aktif pada periode ini.",
            "Every OPD that must post was active in this period.",
        )
    )

st.subheader(i18n.tr("Unggahan OPD per bulan", "Posts per OPD and month"))
grid = data.q("opd_month_heatmap", f)
if grid.height:
    order = idx.get_column("opd").to_list()
    w.chart(charts.heatmap(grid, value="posts", value_title=i18n.t("posts"), sort=order, big=big))

st.subheader(i18n.tr("Kalender unggahan satu OPD", "Posting calendar of one OPD"))
names = idx.get_column("opd").to_list()
ids = dict(zip(names, idx.get_column("opd_id").to_list(), strict=True))
choice = st.selectbox(i18n.t("opd"), names, key="calendar_opd")
if choice:
    days = data.q("opd_daily_counts", f, opd_id=int(ids[choice]))
    if days.height and days.get_column("posts").sum() > 0:
        w.chart(charts.calendar(days, big=big))
    else:
        w.empty_state(
            i18n.tr("Tidak ada unggahan", "No posts"),
            i18n.tr(
                f"{choice} tidak mengunggah apa pun pada periode ini.",
                f"{choice} posted nothing in this period.",
            ),
        )
    one = filters.make_filters(f.start, f.end, f.platforms, f.opd_kinds, (int(ids[choice]),))
    w.drilldown(choice, one, key="opd_posts")

st.subheader(i18n.tr("Akun dan hari sejak unggahan terakhir", "Accounts and days since last post"))
acc = data.q("account_dormancy", f)
w.table(
    acc,
    [
        Col("opd", "OPD"),
        Col("platform", i18n.t("platform"), "platform"),
        Col("handle", i18n.tr("Akun", "Account")),
        Col("posts_in_period", i18n.t("posts"), "int"),
        Col("last_post_at", i18n.t("last_post"), "date"),
        Col("days_since_last_post", i18n.t("days_since"), "int"),
        Col("status", i18n.tr("Status", "Status"), "reason"),
        Col("url", i18n.t("link"), "link"),
    ],
    key="dormancy",
    title=i18n.tr("Keaktifan akun", "Account activity"),
    height=360,
)
