"""Jenis Konten: ucapan or kinerja, per OPD and over time; examples, reasons and relabelling."""

import polars as pl
import streamlit as st

from ui import auth as _auth
from ui import chart_counts, charts, charts_mix, data, filters, i18n, slides
from ui import one_opd_konten as one_opd_view
from ui import widgets as w
from ui.forms import common as common_form
from ui.forms import labels as labels_form
from ui.panels import SCREEN, SLIDES, Panel, show
from ui.slides import Deck
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


def key_figures(deck: Deck) -> None:
    kpis = data.kpi_summary(f)
    a, b = st.columns(2)
    with a:
        w.kpi_from(kpis, "posts")
        w.kpi_from(kpis, "kinerja_share")
    with b:
        w.kpi_from(kpis, "ucapan_share")
        w.kpi_from(kpis, "figure_share")
    w.comparison_caption(kpis)


def mix_over_time(deck: Deck) -> None:
    over_time = data.content_mix_over_time(f)
    partial = w.partial_period(f)
    deck.chart(
        charts.share_over_time(over_time, x="period_start", big=deck.active, partial=partial)
    )
    if not deck.active:
        st.caption(chart_counts.caption())
    if partial:
        st.caption(
            i18n.tr(
                f"Batang bulan terakhir baru berisi data {partial[1]}; porsinya tetap sebanding.",
                f"The last month's bar only holds data {partial[1]}; its shares still compare.",
            )
        )


def mix_by_opd(deck: Deck) -> None:
    order = shares.get_column("opd").to_list()
    by_opd = data.content_mix_by_opd(f)
    cut = deck.active and len(order) > slides.MAX_ROWS_WITH_LEGEND
    if cut:
        # Fifty bars do not fit a projector: those with the largest greetings share.
        order = order[: slides.MAX_ROWS_WITH_LEGEND]
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
    deck.chart(charts.mix_by_group(by_opd, sort=order, big=deck.active), rows=len(order))


def formats_over_time(deck: Deck) -> None:
    fmt_time = data.format_mix_over_time(f)
    partial = w.partial_period(f)  # named under its month's label, on the slide too
    deck.chart(charts_mix.format_over_time(fmt_time, big=deck.active, partial=partial))
    note = charts_mix.unrecorded_note(fmt_time, i18n.tr("periode ini", "this period"))
    if note and not deck.active:
        st.caption(note)


def formats_by_opd(deck: Deck) -> None:
    fmt_opd = data.format_mix_by_opd(f)
    order = list(dict.fromkeys(fmt_opd.get_column("opd").to_list()))
    cut = deck.active and len(order) > slides.MAX_ROWS_WITH_LEGEND
    if cut:
        order = order[: slides.MAX_ROWS_WITH_LEGEND]
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
    deck.chart(charts_mix.format_by_opd(fmt_opd, sort=order, big=deck.active), rows=len(order))
    if deck.active:  # why some bars are mostly grey, in one line
        note = charts_mix.unrecorded_slide_note(fmt_opd)
    else:
        note = charts_mix.unrecorded_note(fmt_opd, i18n.tr("OPD ini", "these OPDs"))
    if note:
        st.caption(note)


def ucapan_ranking(deck: Deck) -> None:
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


def figure_trend(deck: Deck) -> None:
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
                big=deck.active,
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


def examples(deck: Deck) -> None:
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
    found = data.example_posts(f, content_type=label, limit=20)
    if found.height:
        labels_form.relabel_editor(found, key="relabel")
    else:
        w.empty_state(
            i18n.tr("Tidak ada contoh", "No examples"),
            i18n.tr(
                "Tidak ada postingan berlabel ini pada filter sekarang.",
                "No post carries this label under the current filters.",
            ),
        )


def logbook_agreement(deck: Deck) -> None:
    agreement = data.label_agreement(f)
    if not agreement.height:
        st.caption(
            i18n.tr(
                "Tidak ada postingan berlabel logbook (kolom Jenis Konten) pada filter sekarang.",
                "No post with a logbook label (Jenis Konten column) under the current filters.",
            )
        )
        return
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
                "Posts whose labels differ (newest 100). Pick the right label where ours is wrong.",
            )
        )
        labels_form.relabel_editor(differ, key="relabel_disagree")


show(
    "konten",
    [
        Panel("kpi", key_figures, i18n.tr("Angka utama", "Key figures"), SLIDES, heading=False),
        Panel(
            "time",
            mix_over_time,
            i18n.tr("Komposisi konten dari bulan ke bulan", "Content mix month by month"),
        ),
        Panel("opd", mix_by_opd, i18n.tr("Komposisi konten per OPD", "Content mix per OPD")),
        Panel(
            "format_time",
            formats_over_time,
            i18n.tr(
                "Format postingan dari bulan ke bulan (berita, foto, video, ...)",
                "Post formats month by month (news, photo, video, ...)",
            ),
        ),
        Panel(
            "format_opd",
            formats_by_opd,
            i18n.tr("Format postingan per OPD", "Post formats per OPD"),
        ),
        Panel(
            "ucapan_rank",
            ucapan_ranking,
            i18n.tr("Peringkat porsi ucapan", "Greetings share ranking"),
            SCREEN,
        ),
        Panel(
            "figure",
            figure_trend,
            i18n.tr("Postingan yang menonjolkan figur pimpinan", "Figure-centric posts"),
        ),
        Panel(
            "examples",
            examples,
            i18n.tr(
                "Contoh postingan per label, dengan alasannya",
                "Example posts per label, with the reason",
            ),
            SCREEN,
        ),
        Panel(
            "agreement",
            logbook_agreement,
            i18n.tr("Label dari logbook OPD dibanding label sistem", "OPD logbook labels vs ours"),
            SCREEN,
        ),
    ],
)
