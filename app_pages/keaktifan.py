"""Keaktifan OPD: who is active, who is not and why, how each index is made, one OPD's calendar."""

import polars as pl
import streamlit as st

from ui import (
    activity_counts,
    charts,
    charts_reach,
    data,
    explain,
    filters,
    i18n,
    scorecard,
    slides,
)
from ui import auth as _auth
from ui import one_opd_keaktifan as one_opd_view
from ui import widgets as w
from ui.panels import SCREEN, SLIDES, Panel, show
from ui.slides import Deck
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

# The month grid asked first: its one statement judges the period with its months, and the
# index, the not-active list and the roll-up read that period's judgement, not judging it again
# (warehouse.queries.judgement.month_judgement).
grid_all = data.opd_month_heatmap(f)
idx = data.opd_index(f)
if not idx.height:
    w.no_match()
    st.stop()

T_INACTIVE = i18n.tr("OPD yang belum aktif dan penyebabnya", "Inactive OPDs and why")
T_RANKING = i18n.tr("Peringkat Indeks Medsos OPD", "OPD social media index ranking")
T_KEC = i18n.tr(
    "Kecamatan dan desa/kelurahannya: berapa yang aktif",
    "Each kecamatan and its villages: how many are active",
)


def key_figures(deck: Deck) -> None:
    # Only on the projector: the page itself opens with the full ranking table instead.
    activity_counts.key_figures(f)


def ranking(deck: Deck) -> None:
    # Shorter headers on the screen's grid (full name on hover): ten columns fit 1366 px.
    short = i18n.tr("Kinerja|Mgg aktif|Interaksi/post", "Kinerja|Wks active|Eng./post").split("|")
    w.table(
        idx,
        [
            Col("opd", "OPD"),
            Col("opd_kind", i18n.t("opd_kind"), "kind"),
            Col("index_score", i18n.t("index"), "num"),
            Col("grade", i18n.tr("Predikat", "Grade"), "grade"),
            Col("posts", i18n.t("posts"), "int"),
            Col("judgement", i18n.tr("Status", "Status"), "reason"),
            Col("kinerja_share", i18n.t("kinerja_share"), "pct", short[0]),
            Col("weeks_with_post", i18n.tr("Minggu aktif", "Active weeks"), "int", short[1]),
            Col("engagement_per_post", i18n.kpi_label("engagement_per_post"), "num", short[2]),
        ],
        key="opd_index",
        title=i18n.tr("Peringkat Indeks Medsos OPD", "OPD index ranking"),
        height=420,
    )
    # Drawn only while open (a rerun on toggle, as a drill-down): collapsed, its body (the
    # OPD list, the breakdown table, the grade thresholds) was built on every rerun unseen.
    box = st.expander(
        i18n.tr("Bagaimana indeks satu OPD dihitung?", "How is an OPD's index made?"),
        icon=":material/calculate:",
        key="index_explain_open",
        on_change="rerun",
    )
    with box:
        if not box.open:
            return
        names = idx.get_column("opd").to_list()
        # A widget not drawn loses its state: the OPD chosen is kept apart for the next open.
        kept = st.session_state.get("index_opd_kept")
        who = st.selectbox(
            i18n.t("opd"),
            names,
            index=names.index(kept) if kept in names else 0,
            key="index_opd",
            on_change=lambda: st.session_state.update(index_opd_kept=st.session_state.index_opd),
        )
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


def _all_active() -> None:
    st.success(
        i18n.tr(
            "Semua OPD wajib aktif pada periode ini.",
            "Every OPD that must post was active in this period.",
        )
    )


def inactive_reasons(deck: Deck) -> None:
    reasons = data.inactive_reason_counts(f)
    if not reasons.height:
        _all_active()
        return
    deck.chart(activity_counts.reason_bars(reasons, big=deck.active))
    activity_counts.judged_apart_caption(f)


def inactive_list(deck: Deck) -> None:
    inactive = explain.with_inactive_detail(data.inactive_opds(f))
    if not inactive.height:
        _all_active()
        return
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
                i18n.tr("Minimal", "Minimum"),
            ),
            Col("last_post_at", i18n.t("last_post"), "date"),
            Col("days_since_last_post", i18n.t("days_since"), "int"),
        ],
        key="inactive",
        title=i18n.tr("Daftar OPD belum aktif atau belum dinilai", "Inactive or not judged OPDs")
        + f" ({rule})",
    )


def heatmap(deck: Deck) -> None:
    grid = grid_all
    order = idx.get_column("opd").to_list()
    if deck.active and len(order) > slides.MAX_ROWS:
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
    if not grid.height:
        return
    deck.chart(
        charts.heatmap(
            grid,
            value="posts",
            value_title=i18n.t("posts"),
            sort=order,
            big=deck.active,
            no_data="no_data",
            partial="partial_data",
        ),
        rows=len(order) if deck.active else None,
    )
    # On the slide the grey cells' legend says it; the caption would squeeze the rows.
    if not deck.active and grid.get_column("no_data").any():
        st.caption(
            i18n.tr(
                "Abu-abu tua: data bulan itu belum diterima; kuning: baru sebagian (mis. bulan "
                "berjalan); keduanya belum dinilai (bukan nol postingan). Abu-abu muda "
                "berangka 0: tidak ada unggahan.",
                "Dark grey: that month's data has not arrived; yellow: only partly (e.g. a "
                "month still running); neither is judged (not zero posts). Light grey with 0: "
                "no post.",
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


def kecamatan(deck: Deck) -> None:
    rollup = data.kecamatan_rollup(f)
    if not rollup.height:
        return
    st.subheader(T_KEC)
    deck.chart(charts_reach.kecamatan_rollup(rollup, big=deck.active), rows=rollup.height)
    if deck.active:  # the axis title and the legend say it; the rows need the room
        return
    st.caption(
        i18n.tr(
            "Tiap batang: kantor kecamatan ditambah desa/kelurahan di bawahnya (menurut "
            "Daftar Akun), biru yang aktif, jingga yang belum, abu-abu yang belum dinilai "
            "karena datanya belum lengkap (tidak dihitung belum aktif).",
            "Each bar: the kecamatan office plus the villages under it (master list), "
            "blue active, orange not yet, grey not judged as its data is not all in (not "
            "counted as inactive).",
        )
    )


def calendar(deck: Deck) -> None:
    names = idx.get_column("opd").to_list()
    ids = dict(zip(names, idx.get_column("opd_id").to_list(), strict=True))
    pick = i18n.tr("Pilih OPD untuk melihat kalendernya", "Choose an OPD to see its calendar")
    choice = st.selectbox(i18n.t("opd"), names, None, key="calendar_opd", placeholder=pick)
    if not choice:  # read only once chosen (tests/app/test_calendar_on_demand.py says why)
        return
    days = data.opd_daily_counts(f, opd_id=int(ids[choice]))
    if days.height and days.get_column("posts").sum() > 0:
        deck.chart(charts.calendar(days, big=deck.active))
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


def dormancy(deck: Deck) -> None:
    acc = data.account_dormancy(f)
    activity_counts.dormancy_note(acc)
    activity_counts.dormancy_table(acc)


show(
    "keaktifan",
    [
        Panel("kpi", key_figures, i18n.tr("Angka utama", "Key figures"), SLIDES, heading=False),
        Panel("ranking", ranking, T_RANKING, SCREEN),
        Panel("inactive", inactive_reasons, T_INACTIVE, SLIDES),
        Panel("inactive_list", inactive_list, T_INACTIVE, SCREEN),
        Panel("heatmap", heatmap, i18n.tr("Unggahan OPD per bulan", "Posts per OPD and month")),
        Panel("kecamatan", kecamatan, T_KEC, heading=False),
        Panel(
            "calendar",
            calendar,
            i18n.tr("Kalender unggahan satu OPD", "Posting calendar of one OPD"),
        ),
        Panel(
            "dormancy",
            dormancy,
            i18n.tr("Akun dan hari sejak unggahan terakhir", "Accounts and days since last post"),
            SCREEN,
        ),
    ],
)
