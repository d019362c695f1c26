"""The Kelengkapan Data grid: one row per OPD account, one column per month, coloured by whether
the month's export arrived (received / partial / missing; warehouse.coverage.coverage_grid)."""

from __future__ import annotations

import datetime as dt

import altair as alt
import polars as pl

from ui import i18n
from ui.charts import MONTH_FMT, finish, time_tooltip, time_x

# Colour-blind-safe: received blue, partial orange, missing grey (a gap, not a low value);
# the month the data end cuts, in as far as data goes, a light blue: on track, not behind.
STATUS_COLORS = {
    "received": "#0072B2",
    "running": "#9CCBEA",
    "partial": "#E69F00",
    "missing": "#BBBBBB",
}


def shown_state(df: pl.DataFrame) -> pl.Expr:
    """The state a cell shows: its status, or 'running' for a partial month the data end cuts
    that is covered to the data end (column to_data_end, warehouse/sql/views/025_v_coverage.sql)."""
    if "to_data_end" not in df.columns:
        return pl.col("status")
    return (
        pl.when(pl.col("to_data_end").fill_null(False))
        .then(pl.lit("running"))
        .otherwise(pl.col("status"))
    )


# A handle written as the page's address: the platform is named beside it already, so the
# row shows the part after the site ("facebook.com/bpbd.sukamaju" -> "bpbd.sukamaju").
_URL_PREFIX = r"^(?i)https?://(?:[a-z0-9-]+\.)*[a-z0-9-]+\.[a-z]+/"

# Rows of the grid: few rows get room to read (one OPD's accounts), many stay compact.
ROW_PX_FEW, ROW_PX_MANY, FEW = 34, 20, 8
AXES_PX = 150  # the months on top, the legend under the grid and their padding


def short_handle(handle: pl.Expr) -> pl.Expr:
    """The handle as a row shows it: an address loses its scheme, site and trailing "/"."""
    return handle.str.replace(_URL_PREFIX, "").str.strip_suffix("/")


def account_label(df: pl.DataFrame) -> pl.Expr:
    """'Dinkes · Instagram @dinkes' : the row label of an account."""
    return (
        pl.coalesce(pl.col("opd_short"), pl.col("opd"))
        + pl.lit(" · ")
        + pl.col("platform").map_elements(i18n.platform_label, return_dtype=pl.String)
        + pl.lit(" ")
        + short_handle(pl.col("handle"))
    )


def grid_height(rows: int) -> int:
    """Height (px, normal view) of a grid of `rows` accounts: Streamlit fits the whole chart,
    months and legend included, into the height given, so they are added to the rows'
    (a one-OPD grid of two rows got 70 px in all and collapsed to a line)."""
    n = max(1, rows)
    return AXES_PX + n * (ROW_PX_FEW if n <= FEW else ROW_PX_MANY)


def needing_attention(df: pl.DataFrame, limit: int) -> tuple[pl.DataFrame, int, int]:
    """The accounts of a coverage grid frame with a month not (fully) received, most such
    months first, at most `limit` of them (what a slide holds).

    Returns (their rows of df, accounts with a gap left out, accounts whose every month
    arrived, the running month counting as arrived when covered to the data end)."""
    state = df.with_columns(shown_state(df).alias("_state"))
    # A running month covered to the data end is not behind: not a gap to chase.
    per = state.group_by("account_id").agg(
        (pl.col("_state") == "missing").sum().alias("_missing"),
        (pl.col("_state") == "partial").sum().alias("_partial"),
        pl.first("opd").alias("_opd"),
        pl.first("platform").alias("_platform"),
    )
    gaps = per.filter((pl.col("_missing") + pl.col("_partial")) > 0).sort(
        ["_missing", "_partial", "_opd", "_platform"], descending=[True, True, False, False]
    )
    keep = gaps.head(limit).get_column("account_id")
    return (
        df.filter(pl.col("account_id").is_in(keep.implode())),
        max(0, gaps.height - limit),
        per.height - gaps.height,
    )


def coverage_grid(
    df: pl.DataFrame, *, big: bool = False, data_end: dt.date | None = None
) -> alt.TopLevelMixin:
    """Account x month cells coloured by the state shown (shown_state), legend with the
    states drawn; data_end (v_data_end) names how far the running month's data goes."""
    state = df.with_columns(shown_state(df).alias("_state"))
    drawn = set(state.get_column("_state").to_list())
    # The three statuses always (the reader learns the key), the running month when drawn.
    codes = [c for c in STATUS_COLORS if c != "running" or c in drawn]

    def label(code: str) -> str:
        text = i18n.coverage_label(code)
        return (
            f"{text}, data {i18n.fmt_through(data_end)}" if code == "running" and data_end else text
        )

    data = state.with_columns(
        account_label(df).alias("account"),
        pl.col("_state").map_elements(label, return_dtype=pl.String).alias("label"),
        # A running month is not late nor missing: no reason to give.
        pl.when(pl.col("_state") == "running")
        .then(pl.lit(""))
        .otherwise(pl.col("reason_code").map_elements(i18n.reason_label, return_dtype=pl.String))
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
    # Every month named (Vega hid every other one on a 1366 px slide).
    x = time_x(data, "month_start").axis(
        format=MONTH_FMT, orient="top", labelAngle=0, labelOverlap=False
    )
    chart = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=alt.Y(
                "account:N",
                title=None,
                sort=order.to_list(),
                # Names whole (the handle is shortened above, never the label), big on a slide.
                axis=alt.Axis(labelOverlap=False, labelFontSize=17 if big else 13),
            ),
            color=alt.Color(
                "label:N",
                title=i18n.tr("Data", "Data"),
                # Four entries, one long, ran past the chart's edge in one row: two rows.
                legend=alt.Legend(columns=2 if len(codes) > 3 else len(codes)),
                scale=alt.Scale(
                    domain=[label(c) for c in codes],
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
    return finish(chart, big=big, height=min(4000, grid_height(n)))
