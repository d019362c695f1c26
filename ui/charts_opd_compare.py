"""Charts that set one OPD beside every OPD: its mix beside all OPDs' mix, its monthly posts
beside the median and the mean of all OPDs."""

from __future__ import annotations

import datetime as dt

import altair as alt
import polars as pl

from ui import i18n
from ui.chart_axes import count_encoding
from ui.charts import ACCENT, ROW_LABEL_PX, finish, time_x


def mix_against_all(
    df: pl.DataFrame, *, dimension: str, who: str, big: bool = False
) -> alt.TopLevelMixin:
    """One OPD's mix beside every OPD's (a warehouse.opd_story.mix_against_all frame): per
    category two bars, the OPD's share (blue) and all OPDs' share (grey), each labelled with
    its percentage. dimension "content" names content types, "format" post formats."""
    label = i18n.content_label if dimension == "content" else i18n.post_format_label
    everyone = i18n.tr("Semua OPD", "All OPDs")
    rows = []
    for r in df.iter_rows(named=True):
        name = label(r["category"])
        rows.append({"category": name, "who": who, "share": r["share"] or 0.0, "n": r["posts"]})
        rows.append(
            {"category": name, "who": everyone, "share": r["all_share"], "n": r["all_posts"]}
        )
    shown = pl.DataFrame(
        rows,
        schema={"category": pl.String, "who": pl.String, "share": pl.Float64, "n": pl.Int64},
    )
    order = [label(c) for c in df.get_column("category").to_list()]
    top = float(shown.get_column("share").max() or 0) if shown.height else 0.0
    base = alt.Chart(shown).encode(
        y=alt.Y(
            "category:N",
            title=None,
            sort=order,
            axis=alt.Axis(labelFontSize=ROW_LABEL_PX if big else 14),
        ),
        yOffset=alt.YOffset("who:N", sort=[who, everyone]),
        x=alt.X(
            "share:Q",
            title=i18n.t("share"),
            axis=alt.Axis(format=".0%", tickCount=5),
            scale=alt.Scale(domain=[0, max(0.05, top * 1.2)], nice=False),
        ),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "who:N",
            title=None,
            scale=alt.Scale(domain=[who, everyone], range=[ACCENT, "#9A9A9A"]),
        ),
        tooltip=[
            alt.Tooltip("category:N", title=i18n.t("content_type")),
            alt.Tooltip("who:N", title=i18n.t("opd")),
            alt.Tooltip("share:Q", title=i18n.t("share"), format=".1%"),
            alt.Tooltip("n:Q", title=i18n.t("posts"), format=",.0f"),
        ],
    )
    text = base.mark_text(align="left", dx=4, fontSize=18 if big else 12).encode(
        text=alt.Text("share:Q", format=".0%")
    )
    n = max(1, df.height)
    return finish(bars + text, big=big, height=int((60 + n * 44) / (1.7 if big else 1)))


def posts_against_typical(
    months: pl.DataFrame,
    bench: pl.DataFrame,
    *,
    who: str,
    big: bool = False,
    partial: tuple[dt.date, str] | None = None,
) -> alt.TopLevelMixin:
    """One OPD's posts per month (a warehouse.opd_story.opd_months frame) beside the median
    and the mean of every OPD (opd_month_benchmark). A month whose data never arrived leaves
    a gap in the OPD's line (no point, no 0); the OPD's points are labelled with their count,
    above the point when it is at or above the median (or near the chart's bottom), below it
    otherwise, so the number never sits on the median's and mean's lines. partial: (start, note) of the unfinished
    month (ui.periods.partial_period), named under that month's axis label."""
    median = i18n.tr("Median semua OPD", "Median of all OPDs")
    mean = i18n.tr("Rata-rata semua OPD", "Mean of all OPDs")
    gone = pl.col("coverage_state") == "missing"
    if "coverage_state" not in months.columns:
        gone = pl.col("activity_status") == "no_data"
    mine = months.select(
        "month",
        pl.lit(who).alias("series"),
        pl.when(pl.col("activity_status") == "no_data")
        .then(pl.when(gone).then(None).otherwise(pl.col("posts")))
        .otherwise(pl.col("posts"))
        .cast(pl.Float64)
        .alias("value"),
    )
    typical = pl.concat(
        [
            bench.select(
                "month", pl.lit(median).alias("series"), pl.col("median_posts").alias("value")
            ),
            bench.select(
                "month", pl.lit(mean).alias("series"), pl.col("mean_posts").alias("value")
            ),
        ]
    )
    shown = pl.concat([mine, typical]).join(
        bench.select("month", pl.col("median_posts").alias("_median")), on="month", how="left"
    )
    # Near the bottom of the chart (a fifth of its top value) a label below the point would
    # sit on the month axis: it goes above there, whatever the median.
    floor = 0.2 * float(shown.get_column("value").max() or 0)
    shown = shown.with_columns(
        (
            pl.col("_median").is_null()
            | (pl.col("value") >= pl.col("_median"))
            | (pl.col("value") <= floor)
        ).alias("_above")
    )
    series = [who, median, mean]
    base = alt.Chart(shown).encode(
        x=time_x(shown, "month", partial=partial),
        y=alt.Y(
            "value:Q",
            # On a slide its title says it; the axis title was pushed out by the notes below.
            title=None if big else i18n.tr("Postingan per bulan", "Posts per month"),
            **count_encoding(shown.get_column("value").max()),
        ),
        color=alt.Color(
            "series:N",
            title=None,
            scale=alt.Scale(domain=series, range=[ACCENT, "#555555", "#9A9A9A"]),
            sort=series,
            legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=3),
        ),
        # The same field, title and order as the colour: Vega-Lite merges the two into one
        # legend (legend=None here hid the merged legend altogether).
        strokeDash=alt.StrokeDash(
            "series:N",
            title=None,
            scale=alt.Scale(domain=series, range=[[1, 0], [6, 4], [2, 3]]),
            sort=series,
        ),
    )
    lines = base.mark_line(point=True, strokeWidth=3 if big else 2).encode(
        tooltip=[
            alt.Tooltip("month:T", title=i18n.t("month"), format="%b %Y"),
            alt.Tooltip("series:N", title=i18n.t("opd")),
            alt.Tooltip("value:Q", title=i18n.t("posts"), format=",.1f"),
        ]
    )
    size = 20 if big else 13
    mine_only = alt.datum.series == who
    above = (
        base.mark_text(dy=-14, fontSize=size, color=ACCENT)
        .encode(text=alt.Text("value:Q", format=",.0f"))
        .transform_filter(mine_only & alt.datum._above)
    )
    below = (
        base.mark_text(dy=16, fontSize=size, color=ACCENT)
        .encode(text=alt.Text("value:Q", format=",.0f"))
        .transform_filter(mine_only & ~alt.datum._above)
    )
    return finish(lines + above + below, big=big, height=320)
