"""Jenis Konten when the filter is one OPD: its content mix and format mix beside every OPD's
(the same period and platforms), both over its months, and examples of its own posts with the
reason each got its label. Screen and slides draw from the same blocks."""

from __future__ import annotations

import streamlit as st

from ui import chart_counts, charts, charts_mix, charts_opd_compare, data, i18n, one_opd, slides
from ui import widgets as w
from ui.forms import common as common_form
from ui.forms import labels as labels_form
from ui.panels import SCREEN, Entry, Panel, show

applies = one_opd.is_one_opd  # the page's hook: exactly one OPD in the filter


def draw(f: data.Filters, big: bool) -> None:
    """The one-OPD Jenis Konten page (the page calls this and stops)."""
    s = one_opd.story(f)
    mix = data.mix_against_all(f, "content")
    fmt = data.mix_against_all(f, "format")
    over_time = data.content_mix_over_time(f)
    fmt_time = data.format_mix_over_time(f)
    has_posts = bool(mix.height and mix.get_column("posts").sum() > 0)

    t_mix = i18n.tr(
        f"Komposisi konten {s.short} dibanding semua OPD", f"Content mix of {s.short} vs all OPDs"
    )
    t_fmt = i18n.tr(
        f"Format postingan {s.short} dibanding semua OPD",
        f"Post formats of {s.short} vs all OPDs",
    )
    t_time = i18n.tr(f"Komposisi konten {s.short} per bulan", f"Content mix of {s.short} by month")
    t_fmt_time = i18n.tr(
        f"Format postingan {s.short} per bulan", f"Post formats of {s.short} by month"
    )
    partial = w.partial_period(f)

    def key_figures(deck: slides.Deck) -> None:
        kpis = data.kpi_summary(f)
        cols = st.columns(4) if not big else st.columns(2) * 2
        for col, key in zip(
            cols, ("posts", "kinerja_share", "ucapan_share", "figure_share"), strict=True
        ):
            with col:
                w.kpi_from(kpis, key)
        w.comparison_caption(kpis)
        if not has_posts:
            st.caption(
                i18n.tr(
                    f"{s.name} tidak mempunyai postingan pada periode dan platform ini.",
                    f"{s.name} has no posts in this period and on these platforms.",
                )
            )

    def content(deck: slides.Deck) -> None:
        deck.chart(
            charts_opd_compare.mix_against_all(mix, dimension="content", who=s.short, big=big),
            rows=mix.height + 2,
        )
        _caption(mix, s.short, big)

    def formats(deck: slides.Deck) -> None:
        deck.chart(
            charts_opd_compare.mix_against_all(fmt, dimension="format", who=s.short, big=big),
            rows=fmt.height + 2,
        )
        _caption(fmt, s.short, big)
        # Said on the slide too: a leader must not read "foto 39%" as most of the rest.
        note = charts_mix.unrecorded_note(fmt, s.short, col="category")
        if note:
            st.caption(note)

    def over_months(deck: slides.Deck) -> None:
        deck.chart(charts.share_over_time(over_time, x="period_start", big=big, partial=partial))
        if not big:
            st.caption(chart_counts.caption())
        _partial_note(partial)

    def formats_over_months(deck: slides.Deck) -> None:
        deck.chart(charts_mix.format_over_time(fmt_time, big=big, partial=partial))
        _partial_note(partial)
        if not big and (note := charts_mix.unrecorded_note(fmt_time, s.short)):
            st.caption(note)

    def examples(deck: slides.Deck) -> None:
        _examples(f, s.short)

    entries: list[Entry] = [Panel("kpi", key_figures, one_opd.key_figures_title(), heading=False)]
    if has_posts:
        entries += [Panel("mix", content, t_mix), Panel("format", formats, t_fmt)]
    if over_time.height:
        entries.append(Panel("time", over_months, t_time))
    if fmt_time.height:
        entries.append(Panel("format_time", formats_over_months, t_fmt_time))
    entries.append(Panel("examples", examples, where=SCREEN))
    show("konten", entries)


def _caption(df, short: str, big: bool) -> None:
    if big:
        return
    n, total = int(df.get_column("posts").sum()), int(df.get_column("all_posts").sum())
    st.caption(
        i18n.tr(
            f"Biru: {i18n.fmt_int(n)} postingan {short}; abu-abu: {i18n.fmt_int(total)} "
            "postingan semua OPD pada periode dan platform yang sama.",
            f"Blue: {i18n.fmt_int(n)} posts of {short}; grey: {i18n.fmt_int(total)} posts of "
            "all OPDs in the same period and platforms.",
        )
    )


def _partial_note(partial) -> None:
    if partial:
        st.caption(
            i18n.tr(
                f"Batang bulan terakhir baru berisi data {partial[1]}; porsinya tetap sebanding.",
                f"The last month's bar only holds data {partial[1]}; its shares still compare.",
            )
        )


def _examples(f: data.Filters, short: str) -> None:
    """Its own posts per label, with the reason; analysts may correct a label here too."""
    st.subheader(
        i18n.tr(f"Contoh postingan {short}, dengan alasannya", f"Example posts of {short}")
    )
    common_form.who()
    label = st.segmented_control(
        i18n.t("content_type"),
        list(charts.CONTENT_COLORS)[:-1],
        default="ucapan",
        format_func=i18n.content_label,
        key="one_example_label",
        required=True,
    )
    examples = data.example_posts(f, content_type=label, limit=20)
    if examples.height:
        labels_form.relabel_editor(examples, key="one_relabel")
    else:
        w.empty_state(
            i18n.tr("Tidak ada contoh", "No examples"),
            i18n.tr(
                f"{short} tidak mempunyai postingan berlabel ini pada periode ini.",
                f"{short} has no post with this label in this period.",
            ),
        )
