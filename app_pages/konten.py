"""Jenis Konten: ucapan or kinerja, per OPD and over time; examples, reasons and relabelling."""

import polars as pl
import streamlit as st

from ui import auth as _auth
from ui import charts, charts_mix, data, filters, i18n, slides
from ui import one_opd_konten as one_opd_view
from ui import widgets as w
from ui.forms import common as common_form
from ui.forms import labels as labels_form
from ui.widgets import Col

# Server-side: a role without the page's action is refused here, whatever the URL.
_auth.require_page("konten")

big = w.presenting()
w.header(i18n.t("page_konten"))
w.require_data()
f = filters.current()
if one_opd_view.applies(f):  # one OPD: its own story, not charts meant for many
    one_opd_view.draw(f, big)
    st.stop()

shares = data.content_share_by_opd(f, sort_by="ucapan_share")
if not shares.height:
    w.no_match()
    st.stop()

T_TIME = i18n.tr("Komposisi konten dari bulan ke bulan", "Content mix month by month")
T_OPD = i18n.tr("Komposisi konten per OPD", "Content mix per OPD")
T_FIG = i18n.tr("Postingan yang menonjolkan figur pimpinan", "Figure-centric posts")
T_FMT_TIME = i18n.tr(
    "Format postingan dari bulan ke bulan (berita, foto, video, ...)",
    "Post formats month by month (news, photo, video, ...)",
)
T_FMT_OPD = i18n.tr("Format postingan per OPD", "Post formats per OPD")
deck = slides.Deck(
    "konten",
    {
        "kpi": i18n.tr("Angka utama", "Key figures"),
        "time": T_TIME,
        "opd": T_OPD,
        "format_time": T_FMT_TIME,
        "format_opd": T_FMT_OPD,
        "figure": T_FIG,
    },
)

if deck.active and deck.show("kpi"):
    kpis = data.kpi_summary(f)
    a, b = st.columns(2)
    with a:
        w.kpi_from(kpis, "posts")
        w.kpi_from(kpis, "kinerja_share")
    with b:
        w.kpi_from(kpis, "ucapan_share")
        w.kpi_from(kpis, "figure_share")
    w.comparison_caption(kpis)

if deck.show("time"):
    st.subheader(T_TIME)
    over_time = data.content_mix_over_time(f)
    deck.chart(charts.share_over_time(over_time, x="period_start", big=big))
    partial = w.partial_period(f)
    if partial:
        st.caption(
            i18n.tr(
                f"Batang bulan terakhir baru berisi data {partial[1]}; porsinya tetap sebanding.",
                f"The last month's bar only holds data {partial[1]}; its shares still compare.",
            )
        )

if deck.show("opd"):
    st.subheader(T_OPD)
    order = shares.get_column("opd").to_list()
    by_opd = data.content_mix_by_opd(f)
    cut = big and len(order) > slides.MAX_ROWS
    if cut:
        # Fifty bars do not fit a projector: those with the largest greetings share.
        order = order[: slides.MAX_ROWS]
        by_opd = by_opd.filter(pl.col("opd").is_in(order))
    n_shown = len(order)
    st.caption(
        i18n.tr(
            (
                f"{n_shown} OPD dengan porsi ucapan tertinggi"
                if cut
                else "Diurutkan dari porsi ucapan tertinggi"
            )
            + ": bagian jingga adalah ucapan.",
            (
                f"The {n_shown} OPDs with the largest greetings share"
                if cut
                else "Sorted by greetings share, highest first"
            )
            + ": the orange part is greetings.",
        )
    )
    deck.chart(charts.mix_by_group(by_opd, sort=order, big=big), rows=len(order))

if deck.show("format_time"):
    st.subheader(T_FMT_TIME)
    fmt_time = data.format_mix_over_time(f)
    deck.chart(charts_mix.format_over_time(fmt_time, big=big))

if deck.show("format_opd"):
    st.subheader(T_FMT_OPD)
    fmt_opd = data.format_mix_by_opd(f)
    order = list(dict.fromkeys(fmt_opd.get_column("opd").to_list()))
    cut = big and len(order) > slides.MAX_ROWS
    if cut:
        order = order[: slides.MAX_ROWS]
        fmt_opd = fmt_opd.filter(pl.col("opd").is_in(order))
    st.caption(
        i18n.tr(
            (
                f"{len(order)} OPD dengan postingan terbanyak"
                if cut
                else "Diurutkan dari postingan terbanyak"
            )
            + "; tiap batang = 100% postingan OPD itu.",
            (f"The {len(order)} OPDs with most posts" if cut else "Sorted by number of posts")
            + "; each bar = 100% of that OPD's posts.",
        )
    )
    deck.chart(charts_mix.format_by_opd(fmt_opd, sort=order, big=big), rows=len(order))

if not big:
    st.subheader(i18n.tr("Peringkat porsi ucapan", "Greetings share ranking"))
    w.table(
        shares,
        [
            Col("opd", "OPD"),
            Col("opd_kind", i18n.t("opd_kind"), "kind"),
            Col("posts", i18n.t("posts"), "int"),
            Col("ucapan_share", i18n.t("ucapan_share"), "pct"),
            Col("kinerja_share", i18n.t("kinerja_share"), "pct"),
            Col("figure_share", i18n.t("figure_share"), "pct"),
        ],
        key="ucapan_rank",
        title=i18n.tr("Peringkat porsi ucapan OPD", "OPD greetings share"),
        height=380,
    )

if deck.show("figure"):
    st.subheader(T_FIG)
    fig = data.figure_share_trend(f)
    if fig.height:
        partial = w.partial_period(f)
        deck.chart(
            charts.line_over_time(
                fig,
                x="period_start",
                y="figure_share",
                y_title=i18n.t("figure_share"),
                percent=True,
                big=big,
                height=260,
                partial=partial,
            )
        )
        w.partial_caption(partial)
w.drilldown(
    i18n.tr("postingan berfokus figur", "figure-centric posts"),
    f,
    key="figure",
    figure_centric=True,
)

if not big:
    st.subheader(
        i18n.tr(
            "Contoh postingan per label, dengan alasannya",
            "Example posts per label, with the reason",
        )
    )
    common_form.who()
    label = st.segmented_control(
        i18n.t("content_type"),
        list(charts.CONTENT_COLORS)[:-1],
        default="ucapan",
        format_func=i18n.content_label,
        key="example_label",
        required=True,
    )
    labels_form.proposals_panel()
    examples = data.example_posts(f, content_type=label, limit=20)
    if examples.height:
        labels_form.relabel_editor(examples, key="relabel")
    else:
        w.empty_state(
            i18n.tr("Tidak ada contoh", "No examples"),
            i18n.tr(
                "Tidak ada postingan berlabel ini pada filter sekarang.",
                "No post carries this label under the current filters.",
            ),
        )

    st.subheader(
        i18n.tr("Label dari logbook OPD dibanding label sistem", "OPD logbook labels vs ours")
    )
    agreement = data.label_agreement(f)
    if not agreement.height:
        st.caption(
            i18n.tr(
                "Tidak ada postingan berlabel logbook (kolom Jenis Konten) pada filter sekarang.",
                "No post with a logbook label (Jenis Konten column) under the current filters.",
            )
        )
    else:
        w.table(
            agreement,
            [
                Col("opd", "OPD"),
                Col("labelled_posts", i18n.tr("Berlabel logbook", "With logbook label"), "int"),
                Col("agreeing_posts", i18n.tr("Sama", "Same"), "int"),
                Col("disagreeing_posts", i18n.tr("Berbeda", "Different"), "int"),
                Col("agreement_share", i18n.tr("Kesesuaian", "Agreement"), "pct"),
            ],
            key="label_agreement",
            title=i18n.tr("Kesesuaian label logbook OPD", "OPD logbook label agreement"),
            height=280,
        )
        differ = data.label_disagreements(f, limit=100)
        if differ.height:
            st.caption(
                i18n.tr(
                    "Postingan yang labelnya berbeda (100 terbaru). Pilih label yang benar bila "
                    "label sistem keliru.",
                    "Posts whose labels differ (newest 100). Pick the right label where ours is "
                    "wrong.",
                )
            )
            labels_form.relabel_editor(differ, key="relabel_disagree")
