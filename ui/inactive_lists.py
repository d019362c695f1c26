"""Keaktifan's OPDs not active and OPDs not judged, said apart (chart and list): an OPD not
judged (no month of the period with all its data, views/030_scope_and_activity.sql) is grey and
counted apart, never drawn or titled as "belum aktif"."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts, data, explain, i18n
from ui import widgets as w
from ui.chart_base import GAP_GREY
from ui.slides import Deck
from ui.widgets import Col


def _all_active() -> None:
    st.success(
        i18n.tr(
            "Semua OPD wajib aktif pada periode ini.",
            "Every OPD that must post was active in this period.",
        )
    )


def reasons_chart(deck: Deck, f: data.Filters) -> None:
    """Not-active OPDs by main reason (orange) beside the not-judged ones (grey, 'Belum
    dinilai: ...'): two kinds of rows, never one colour."""
    reasons = data.inactive_reason_counts(f)
    if not reasons.height:
        _all_active()
        return
    not_judged = pl.col("reason_code").is_in(list(explain.NOT_JUDGED_REASONS))
    prefix = i18n.tr("Belum dinilai: ", "Not judged: ")
    reasons = reasons.with_columns(
        pl.when(not_judged)
        .then(pl.lit(prefix))
        .otherwise(pl.lit(""))
        .add(pl.col("reason_code").map_elements(i18n.reason_label, return_dtype=pl.String))
        .alias("reason"),
        pl.when(not_judged).then(pl.lit(GAP_GREY)).otherwise(pl.lit(charts.WARN)).alias("_c"),
    )
    deck.chart(
        charts.ranking_bar(
            reasons,
            y="reason",
            x="opds",
            x_title=i18n.tr("Banyaknya OPD", "Number of OPDs"),
            y_title=i18n.t("reason"),
            color=charts.WARN,
            big=deck.active,
            integer=True,
            color_field="_c",
        )
    )


def table(f: data.Filters) -> None:
    """The list: OPDs judged not active first, then the OPDs not judged, each counted in the
    title, the rule (which months are judged) in the caption."""
    inactive = explain.with_inactive_detail(data.inactive_opds(f))
    if not inactive.height:
        _all_active()
        return
    # Not active (judged) first, then not judged: two kinds of rows, said apart.
    judged_first = pl.col("reason_code").is_in(list(explain.NOT_JUDGED_REASONS))
    inactive = inactive.sort(judged_first, maintain_order=True)
    n_not = int(inactive.select(judged_first.sum()).item())
    n_inactive = inactive.height - n_not
    per_month = i18n.activity_minimum_text(inactive.item(0, "activity_rule"), data.min_per_month())
    rule = i18n.tr(f"{per_month} per bulan", f"{per_month} a month")
    st.caption(
        i18n.tr(
            f"Aturan keaktifan (Pengaturan): {rule}. {explain.judged_months_rule()} "
            f"{n_inactive} OPD belum aktif, {n_not} OPD belum dinilai.",
            f"Activity rule (Settings): {rule}. {explain.judged_months_rule()} "
            f"Not active: {n_inactive} OPDs; not judged: {n_not} OPDs.",
        )
    )
    w.table(
        inactive,
        [
            Col("opd", "OPD"),
            Col("opd_kind", i18n.t("opd_kind"), "kind"),
            Col("reason_code", i18n.t("reason"), "reason"),
            Col("detail", i18n.tr("Yang belum terpenuhi", "Rule not met"), "long"),
            Col("posts", i18n.t("posts"), "int"),
            Col(
                "required_posts",
                i18n.tr("Minimal bulan yang dinilai", "Minimum of the judged months")
                + f" ({i18n.activity_counted_label(inactive.item(0, 'activity_rule'))})",
                "int",
            ),
            Col("last_post_at", i18n.t("last_post"), "date"),
            Col("days_since_last_post", i18n.t("days_since"), "int"),
        ],
        key="inactive",
        title=i18n.tr(
            f"Daftar {n_inactive} OPD belum aktif dan {n_not} OPD belum dinilai",
            f"Not active: {n_inactive} OPDs; not judged: {n_not}",
        )
        + f" ({rule})",
    )
