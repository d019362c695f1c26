"""The Kelengkapan Data grid: one row per OPD account, one column per month, coloured by whether
the month's export arrived (received / partial / missing; warehouse.coverage.coverage_grid)."""

from __future__ import annotations

import altair as alt
import polars as pl

from ui import i18n
from ui.charts import MONTH_FMT, finish, time_tooltip, time_x

# Colour-blind-safe: received blue, partial orange, missing grey (a gap, not a low value).
STATUS_COLORS = {"received": "#0072B2", "partial": "#E69F00", "missing": "#BBBBBB"}


def account_label(df: pl.DataFrame) -> pl.Expr:
    """'Dinkes · Instagram @dinkes' : the row label of an account."""
    return (
        pl.coalesce(pl.col("opd_short"), pl.col("opd"))
        + pl.lit(" · ")
        + pl.col("platform").map_elements(i18n.platform_label, return_dtype=pl.String)
        + pl.lit(" ")
        + pl.col("handle")
    )


def coverage_grid(df: pl.DataFrame, *, big: bool = False) -> alt.TopLevelMixin:
    """Account x month cells coloured by status, legend with the three statuses."""
    codes = list(STATUS_COLORS)
    data = df.with_columns(
        account_label(df).alias("account"),
        pl.col("status").map_elements(i18n.coverage_label, return_dtype=pl.String).alias("label"),
        pl.col("reason_code")
        .map_elements(i18n.reason_label, return_dtype=pl.String)
        .fill_null("")
        .alias("reason"),
        pl.col("covered_days").fill_null("-"),
    )
    order = (
        data.sort("opd_kind", "opd", "platform", "handle")
        .get_column("account")
        .unique(maintain_order=True)
    )
    n = max(1, order.len())
    # A tall grid: months read at the top, where the eye starts.
    x = time_x(data, "month_start").axis(format=MONTH_FMT, orient="top", labelAngle=0)
    chart = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=alt.Y(
                "account:N",
                title=None,
                sort=order.to_list(),
                axis=alt.Axis(labelOverlap=False, labelFontSize=13, labelLimit=360),
            ),
            color=alt.Color(
                "label:N",
                title=i18n.tr("Data", "Data"),
                scale=alt.Scale(
                    domain=[i18n.coverage_label(c) for c in codes],
                    range=[STATUS_COLORS[c] for c in codes],
                ),
            ),
            tooltip=[
                alt.Tooltip("account:N", title=i18n.tr("Akun", "Account")),
                time_tooltip("month_start"),
                alt.Tooltip("label:N", title=i18n.tr("Data", "Data")),
                alt.Tooltip("covered_days:N", title=i18n.tr("Tanggal tercakup", "Days covered")),
                alt.Tooltip("n_posts:Q", title=i18n.t("posts"), format=",.0f"),
                alt.Tooltip("reason:N", title=i18n.t("reason")),
            ],
        )
    )
    return finish(chart, big=big, height=min(4000, 30 + n * 20))
