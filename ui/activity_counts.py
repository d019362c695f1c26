"""Keaktifan OPD's key figures: how many OPDs are active, not active and not judged, with the
denominator said. An OPD not judged (its data not all in) is never counted as inactive:
active + inactive + not judged = the OPDs expected to post (warehouse.figures). Also the
account list under them, fitted to the page."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts, coverage_panel, data, i18n, tables
from ui import widgets as w
from ui.coverage_chart import short_handle
from ui.tables import Col


def key_figures(f: data.Filters) -> None:
    """Four cards and the sentence that adds them up (the Keaktifan slide)."""
    k = data.keaktifan_figures(f).row(0, named=True)
    judged = i18n.fmt_int(k["judged_opds"])
    a, b = st.columns(2)
    with a:
        w.kpi(
            i18n.tr(f"OPD aktif (dari {judged} dinilai)", f"Active OPDs (of {judged} judged)"),
            i18n.fmt_int(k["active_opds"]),
        )
        w.kpi(
            i18n.tr("Rata-rata Indeks Medsos OPD", "Average social media index"),
            i18n.fmt_num(k["mean_index"], 1),
        )
    with b:
        # Unjudged OPDs (data not all in) are never inactive: counted apart, so that
        # active + inactive + not judged = the OPDs expected to post.
        w.kpi(
            i18n.tr(f"OPD belum aktif (dari {judged} dinilai)", f"Inactive (of {judged} judged)"),
            i18n.fmt_int(k["inactive_opds"]),
        )
        w.kpi(
            i18n.tr("OPD berpredikat Kurang", "OPDs graded Kurang (poor)"),
            i18n.fmt_int(k["kurang_opds"]),
        )
    if k["not_judged_opds"]:
        st.caption(
            i18n.tr(
                f"Dari {i18n.fmt_int(k['expected_opds'])} OPD yang wajib bermedia sosial: "
                f"{i18n.fmt_int(k['active_opds'])} aktif, {i18n.fmt_int(k['inactive_opds'])} "
                "belum aktif, ",
                f"Of {i18n.fmt_int(k['expected_opds'])} OPDs required to be on social media: "
                f"{i18n.fmt_int(k['active_opds'])} active, {i18n.fmt_int(k['inactive_opds'])} "
                "not active, ",
            )
            + coverage_panel.not_judged_text(k["not_judged_opds"], k["partial_data_opds"])
        )


def reason_bars(reasons: pl.DataFrame, *, big: bool):
    """The bar chart of not-active reasons (a warehouse.figures.inactive_reason_counts frame:
    reason_code, opds): reasons about the data (not judged) grey, apart from the OPD's own."""
    reasons = reasons.with_columns(
        pl.col("reason_code")
        .map_elements(i18n.reason_label, return_dtype=pl.String)
        .alias("reason"),
        pl.col("reason_code").is_in(i18n.NOT_JUDGED_REASONS).alias("not_judged"),
    )
    return charts.ranking_bar(
        reasons,
        y="reason",
        x="opds",
        x_title=i18n.tr("Banyaknya OPD", "Number of OPDs"),
        y_title=i18n.t("reason"),
        color=charts.WARN,
        big=big,
        integer=True,
        short_labels=True,
        muted="not_judged",
    )


def judged_apart_caption(f: data.Filters) -> None:
    """Under the reasons chart: judged "belum aktif" apart from "belum dinilai" (data not all
    in: opd_judgement no_data, never inactive, though its reason is drawn among the bars)."""
    k = data.keaktifan_figures(f).row(0, named=True)
    if not k["not_judged_opds"]:
        return
    inactive, open_ = i18n.fmt_int(k["inactive_opds"]), i18n.fmt_int(k["not_judged_opds"])
    st.caption(
        i18n.tr(
            f"Belum aktif (dinilai): {inactive} OPD. Belum dinilai, bukan belum aktif: "
            f"{open_} OPD (batang abu-abu: alasan tentang datanya).",
            f"Not active (judged): {inactive} OPDs. Not judged, not inactive: {open_} OPDs "
            "(grey bars: reasons about their data).",
        )
    )


def dormancy_note(acc) -> None:
    """Above the account table: what the days count from (the data's end, not today) and why
    an account whose data stopped is not called dormant (a queries.activity.account_dormancy frame)."""
    if not acc.height:
        return
    end = i18n.fmt_date(acc.item(0, "data_end"))
    st.caption(
        i18n.tr(
            "Hari dihitung sampai data terakhir akun itu (kolom 'Data akun s.d.'), bukan sampai "
            f"hari ini. 'Data belum diterima': data akun itu berhenti sebulan atau lebih "
            f"sebelum data terbaru ({end}), jadi diamnya bukan dorman.",
            "Days count to that account's data end (column 'Account data to'), not to today. "
            f"'Data not received': that account's data stops a month or more before the newest "
            f"data ({end}), so its silence is not dormancy.",
        )
    )


def dormancy_table(acc: pl.DataFrame) -> None:
    """The account list (a queries.activity.account_dormancy frame) in the 904 px column at
    1366 px: the platform beside the handle in one column, short dates and short headers
    (the full one on hover), so no column scrolls off the edge."""
    shown = acc.with_columns(
        (
            pl.col("platform").map_elements(i18n.platform_label, return_dtype=pl.String)
            + pl.lit(" ")
            + short_handle(pl.col("handle").fill_null(""))
        ).alias("account")
    )
    tables.table(
        shown,
        dormancy_columns(),
        key="dormancy",
        title=i18n.tr("Keaktifan akun", "Account activity"),
        height=360,
    )


def dormancy_columns() -> list[Col]:
    """The account list's columns (dormancy_table), labels in the current language."""
    return [
        Col("opd", "OPD"),
        Col("account", i18n.tr("Akun", "Account")),
        Col("posts_in_period", i18n.t("posts"), "int"),
        Col("last_post_at", i18n.t("last_post"), "date_short", i18n.tr("Terakhir", "Last")),
        Col(
            "days_since_last_post",
            i18n.t("days_since"),
            "int",
            i18n.tr("Hari sejak", "Days since"),
        ),
        Col("status", i18n.tr("Status", "Status"), "reason"),
        Col("data_through", i18n.tr("Data akun s.d.", "Account data to"), "date_short"),
        Col("url", i18n.t("link"), "link"),
    ]
