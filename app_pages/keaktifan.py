"""Keaktifan OPD: who is active, who is not and why, how each index is made, one OPD's calendar."""

import polars as pl
import streamlit as st

from ui import auth as _auth
from ui import charts, charts_reach, data, explain, filters, i18n, scorecard, slides
from ui import one_opd_keaktifan as one_opd_view
from ui import widgets as w
from ui.widgets import Col

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("keaktifan")

big = w.presenting()
w.header(i18n.t("page_keaktifan"))
w.require_data()
f = filters.current()
if one_opd_view.applies(f):  # one OPD: its own story, not charts meant for many
    one_opd_view.draw(f, big)
    st.stop()

idx = data.opd_index(f)
if not idx.height:
    w.no_match()
    st.stop()

T_INACTIVE = i18n.tr("OPD yang belum aktif dan penyebabnya", "Inactive OPDs and why")
T_HEAT = i18n.tr("Unggahan OPD per bulan", "Posts per OPD and month")
T_CAL = i18n.tr("Kalender unggahan satu OPD", "Posting calendar of one OPD")
T_KEC = i18n.tr(
    "Kecamatan dan desa/kelurahannya: berapa yang aktif",
    "Each kecamatan and its villages: how many are active",
)
deck = slides.Deck(
    "keaktifan",
    {
        "kpi": i18n.tr("Angka utama", "Key figures"),
        "inactive": T_INACTIVE,
        "heatmap": T_HEAT,
        "kecamatan": T_KEC,
        "calendar": T_CAL,
    },
)
inactive = explain.with_inactive_detail(data.inactive_opds(f))

if deck.active and deck.show("kpi"):
    # Only on the projector: the page itself opens with the full ranking table instead.
    active = int(idx.get_column("is_active").sum())
    grades = idx.get_column("grade").value_counts()
    weak = grades.filter(pl.col("grade") == "Kurang").get_column("count").sum()
    a, b = st.columns(2)
    with a:
        judged = int(idx.filter(pl.col("activity_status") != "no_data").height)
        w.kpi(i18n.t("active_opd"), f"{i18n.fmt_int(active)} / {i18n.fmt_int(judged)}")
        w.kpi(
            i18n.tr("Rata-rata Indeks Medsos OPD", "Average social media index"),
            i18n.fmt_num(idx.get_column("index_score").mean(), 1),
        )
    with b:
        w.kpi(i18n.tr("OPD belum aktif", "Inactive OPDs"), i18n.fmt_int(inactive.height))
        w.kpi(i18n.tr("OPD berpredikat Kurang", "OPDs graded Kurang (poor)"), i18n.fmt_int(weak))

if not big:
    st.subheader(i18n.tr("Peringkat Indeks Medsos OPD", "OPD social media index ranking"))
    w.table(
        idx,
        [
            Col("opd", "OPD"),
            Col("opd_kind", i18n.t("opd_kind"), "kind"),
            Col("index_score", i18n.t("index"), "num"),
            Col("grade", i18n.tr("Predikat", "Grade"), "grade"),
            Col("posts", i18n.t("posts"), "int"),
            Col("activity_status", i18n.tr("Status", "Status"), "reason"),
            Col("kinerja_share", i18n.t("kinerja_share"), "pct"),
            Col("weeks_with_post", i18n.tr("Minggu aktif", "Active weeks"), "int"),
            Col("engagement_per_post", i18n.kpi_label("engagement_per_post"), "num"),
        ],
        key="opd_index",
        title=i18n.tr("Peringkat Indeks Medsos OPD", "OPD index ranking"),
        height=420,
    )
    with st.expander(
        i18n.tr("Bagaimana indeks satu OPD dihitung?", "How is an OPD's index made?"),
        icon=":material/calculate:",
    ):
        names = idx.get_column("opd").to_list()
        who = st.selectbox(i18n.t("opd"), names, key="index_opd")
        row = idx.row(names.index(who), named=True)
        if row["index_score"] is None:
            st.info(
                i18n.tr(
                    f"{who}: data periode ini belum diterima, jadi indeksnya belum dihitung.",
                    f"{who}: this period's data has not arrived, so no index yet.",
                )
            )
        else:
            scorecard.explain(row, data.grade_thresholds())

if deck.show("inactive"):
    st.subheader(T_INACTIVE)
    if inactive.height and big:
        reasons = (
            inactive.group_by("reason_code")
            .agg(pl.len().alias("opds"))
            .with_columns(
                pl.col("reason_code")
                .map_elements(i18n.reason_label, return_dtype=pl.String)
                .alias("reason")
            )
        )
        deck.chart(
            charts.ranking_bar(
                reasons,
                y="reason",
                x="opds",
                x_title=i18n.tr("Banyaknya OPD", "Number of OPDs"),
                y_title=i18n.t("reason"),
                color=charts.WARN,
                big=big,
                integer=True,
            )
        )
    elif inactive.height:
        rule = i18n.activity_minimum_text(
            inactive.item(0, "activity_rule"), inactive.item(0, "required_posts")
        )
        st.caption(
            i18n.tr(
                f"Aturan keaktifan (Pengaturan): {rule} dalam periode ini.",
                f"Activity rule (Settings): {rule} in this period.",
            )
        )
        w.table(
            inactive,
            [
                Col("opd", "OPD"),
                Col("opd_kind", i18n.t("opd_kind"), "kind"),
                Col("reason_code", i18n.t("reason"), "reason"),
                Col("detail", i18n.tr("Yang belum terpenuhi", "Rule not met")),
                Col("posts", i18n.t("posts"), "int"),
                Col(
                    "required_posts",
                    i18n.tr("Minimal", "Minimum")
                    + f" ({i18n.activity_counted_label(inactive.item(0, 'activity_rule'))})",
                    "int",
                ),
                Col("last_post_at", i18n.t("last_post"), "date"),
                Col("days_since_last_post", i18n.t("days_since"), "int"),
            ],
            key="inactive",
            title=i18n.tr("Daftar OPD belum aktif", "Inactive OPDs") + f" ({rule})",
        )
    else:
        st.success(
            i18n.tr(
                "Semua OPD wajib aktif pada periode ini.",
                "Every OPD that must post was active in this period.",
            )
        )

if deck.show("heatmap"):
    st.subheader(T_HEAT)
    grid = data.opd_month_heatmap(f)
    order = idx.get_column("opd").to_list()
    if big and len(order) > slides.MAX_ROWS:
        # Fifty rows do not fit a projector: the lowest in the index, who need the talk.
        # OPDs without data have no index: the lowest are among those judged.
        ranked = idx.filter(pl.col("index_score").is_not_null()).get_column("opd").to_list()
        order = ranked[-slides.MAX_ROWS :]
        grid = grid.filter(pl.col("opd").is_in(order)) if grid.height else grid
        st.caption(
            i18n.tr(
                f"{len(order)} OPD dengan Indeks Medsos terendah; abu-abu berangka 0 = "
                "tidak ada unggahan bulan itu.",
                f"The {len(order)} OPDs with the lowest index; grey with 0 = no post that month.",
            )
        )
    if grid.height:
        deck.chart(
            charts.heatmap(
                grid,
                value="posts",
                value_title=i18n.t("posts"),
                sort=order,
                big=big,
                no_data="no_data",
            ),
            rows=len(order) if big else None,
        )
        # On the slide the grey cells' legend says it; the caption would squeeze the rows.
        if not big and grid.height and grid.get_column("no_data").any():
            st.caption(
                i18n.tr(
                    "Abu-abu: data bulan itu belum diterima dan OPD belum aktif, jadi tidak "
                    "dinilai (bukan nol postingan).",
                    "Grey: that month's data has not arrived and the OPD is not active, so it "
                    "is not judged (not zero posts).",
                )
            )
        partial = w.partial_period(f)
        if partial:
            st.caption(
                i18n.tr(
                    f"Kolom bulan terakhir baru berisi data {partial[1]}.",
                    f"The last month's column only holds data {partial[1]}.",
                )
            )

if deck.show("kecamatan"):
    rollup = data.kecamatan_rollup(f)
    if rollup.height:
        st.subheader(T_KEC)
        deck.chart(charts_reach.kecamatan_rollup(rollup, big=big), rows=rollup.height)
        st.caption(
            i18n.tr(
                "Tiap batang: kantor kecamatan ditambah desa/kelurahan di bawahnya (menurut "
                "Daftar Akun), biru yang aktif, jingga yang belum.",
                "Each bar: the kecamatan office plus the villages under it (master list), "
                "blue active, orange not yet.",
            )
        )

if deck.show("calendar"):
    st.subheader(T_CAL)
    names = idx.get_column("opd").to_list()
    ids = dict(zip(names, idx.get_column("opd_id").to_list(), strict=True))
    choice = st.selectbox(i18n.t("opd"), names, key="calendar_opd")
    if choice:
        days = data.opd_daily_counts(f, opd_id=int(ids[choice]))
        if days.height and days.get_column("posts").sum() > 0:
            deck.chart(charts.calendar(days, big=big))
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

if not big:
    st.subheader(
        i18n.tr("Akun dan hari sejak unggahan terakhir", "Accounts and days since last post")
    )
    acc = data.account_dormancy(f)
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
