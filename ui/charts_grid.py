"""Grid charts: the OPD x month heatmap and the daily calendar. Pure Altair builders: a small
aggregated polars frame in, a chart out; no st.* calls. A cell without a post is its own light
grey with "0", a cell without received data is grey with its own legend entry."""

from __future__ import annotations

import altair as alt
import polars as pl

from ui import i18n
from ui.chart_base import (
    GAP_GREY,
    MONTH_FMT,
    PARTIAL_FILL,
    SEQ_EXTENT,
    SEQ_SCHEME,
    ZERO_COLOR,
    finish,
    gap_label,
    partial_label,
    time_tooltip,
)
from ui.chart_spec import condition
from warehouse import vocabulary


def heatmap(
    df: pl.DataFrame,
    *,
    x: str = "month",
    y: str = "opd",
    value: str,
    value_title: str,
    percent: bool = False,
    sort: list[str] | None = None,
    big: bool = False,
    row_height: int = 24,
    no_data: str | None = None,
    partial: str | None = None,
) -> alt.TopLevelMixin:
    """OPD x month grid; cells coloured by value on a colour-blind-safe sequential scale.

    no_data: a boolean column; its true cells (not judged for want of data) are drawn grey with
    a legend entry of their own instead of a colour that would read as a low value.
    partial: a boolean column; the no_data cells where it is true got part of their data (a
    month still running) and have their own amber and legend entry ("Data sebagian"),
    never "Data belum diterima"."""
    n = max(1, df.get_column(y).n_unique()) if df.height else 1
    fmt = ".0%" if percent else ",.0f"
    # Month columns are narrow beside long OPD names: slanted labels never run together.
    heat_x = alt.X(
        f"utcyearmonth({x}):O",
        title=None,
        # On a slide the columns are narrower still: upright labels take one column each.
        axis=alt.Axis(
            format=MONTH_FMT,
            labelAngle=-90 if big else -35,
            labelAlign="right",
            labelBaseline="middle" if big else "alphabetic",
            labelOverlap=False,
        ),
    )
    gaps = df.filter(pl.col(no_data)) if no_data else df.clear()
    if no_data:
        df = df.filter(~pl.col(no_data))
    chart = (
        alt.Chart(df)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=heat_x,
            y=alt.Y(
                f"{y}:N",
                title=None,
                sort=sort,
                # Rows, not type, set the height: projector type would overlap the names.
                # labelFlush would pull the first and last names inward, onto their neighbours
                axis=alt.Axis(
                    labelOverlap=False, labelFlush=False, labelFontSize=17 if big else 14
                ),
            ),
            # A month without a post is its own colour (light grey, "0" in the cell), so it
            # never reads as "a few posts"; every other count on the blue scale from 1.
            color=condition(
                alt.ColorValue,
                f"datum['{value}'] > 0",
                alt.Color(
                    f"{value}:Q",
                    title=value_title,
                    scale=alt.Scale(
                        scheme=alt.SchemeParams(SEQ_SCHEME, extent=SEQ_EXTENT),
                        domainMin=0 if percent else 1,
                    ),
                    legend=alt.Legend(format=fmt, orient="right", gradientLength=200),
                ),
                alt.value(ZERO_COLOR),
            ),
            tooltip=[
                alt.Tooltip(f"{y}:N", title=i18n.t("opd")),
                time_tooltip(x),
                alt.Tooltip(f"{value}:Q", title=value_title, format=".1%" if percent else ",.0f"),
            ],
        )
    )
    if gaps.height:
        kinds = [gap_label(), partial_label()]
        is_part = pl.col(partial).fill_null(False) if partial else pl.lit(False)
        gaps = gaps.with_columns(
            pl.when(is_part).then(pl.lit(kinds[1])).otherwise(pl.lit(kinds[0])).alias("_gap")
        )
        shown = [k for k in kinds if k in set(gaps.get_column("_gap").to_list())]
        grey = (
            alt.Chart(gaps)
            .mark_rect(stroke="white", strokeWidth=1)
            .encode(
                x=heat_x,
                y=alt.Y(f"{y}:N", title=None, sort=sort),
                fill=alt.Fill(
                    "_gap:N",
                    title=None,
                    scale=alt.Scale(
                        domain=shown,
                        range=[GAP_GREY if k == kinds[0] else PARTIAL_FILL for k in shown],
                    ),
                    # beside the colour scale, so the rows keep the height below; one entry
                    # a row (side by side, two entries took the cells' width)
                    legend=alt.Legend(orient="right", columns=1),
                ),
                tooltip=[
                    alt.Tooltip(f"{y}:N", title=i18n.t("opd")),
                    time_tooltip(x),
                    alt.Tooltip("_gap:N", title=" "),
                ],
            )
        )
        chart = alt.layer(chart, grey).resolve_legend(color="independent", fill="independent")
    zero = (
        alt.Chart(df)
        .transform_filter(f"datum['{value}'] == 0")
        .mark_text(fontSize=17 if big else 12, color="#555555")
        .encode(x=heat_x, y=alt.Y(f"{y}:N", sort=sort), text=alt.TextValue("0"))
    )
    return finish(alt.layer(chart, zero), big=big, height=min(2000, 30 + n * row_height))


def calendar(df: pl.DataFrame, *, value: str = "posts", big: bool = False) -> alt.TopLevelMixin:
    """Calendar from queries.activity.opd_daily_counts (its has_data column, when present, marks the
    days without data: drawn grey with a legend entry "Data belum diterima")."""
    names = vocabulary.DAYS_SHORT_EN if i18n.current_lang() == "en" else i18n.DAYS_SHORT_ID
    days = "[" + ",".join(f"'{d}'" for d in names) + "]"
    has = pl.col("has_data") if "has_data" in df.columns else pl.lit(True)
    gaps = df.filter(~has)
    df = df.filter(has)
    x = alt.X(
        "utcyearmonthdate(week_start):O",
        title=None,
        # One label per month, on its first week: every week's date did not fit and was
        # thinned or cut on a projector.
        axis=alt.Axis(
            labelExpr="utcdate(datum.value) <= 7 ? utcFormat(datum.value, '%b %Y') : ''",
            labelAngle=0,
            labelOverlap=False,
            labelAlign="left",
        ),
    )
    y = alt.Y(
        "weekday:O",
        title=None,
        sort="ascending",
        axis=alt.Axis(labelExpr=f"{days}[datum.value]", labelOverlap=False),
    )
    date_tip = alt.Tooltip("utcyearmonthdate(day):T", title=i18n.t("date"), format="%A, %e %B %Y")
    chart = (
        alt.Chart(df)
        .mark_rect(stroke="white", strokeWidth=1.5, cornerRadius=2)
        .encode(
            x=x,
            y=y,
            color=condition(
                alt.ColorValue,
                f"datum['{value}'] > 0",
                alt.Color(
                    f"{value}:Q",
                    title=i18n.t("posts"),
                    scale=alt.Scale(
                        scheme=alt.SchemeParams("greens", extent=SEQ_EXTENT), domainMin=1
                    ),
                    # Short enough that the "Data belum diterima" entry under it stays inside
                    # the chart (seven rows high).
                    legend=alt.Legend(
                        format=",.0f", orient="right", tickMinStep=1, gradientLength=110
                    ),
                ),
                alt.value(ZERO_COLOR),  # a day without a post: not the palest green
            ),
            tooltip=[date_tip, alt.Tooltip(f"{value}:Q", title=i18n.t("posts"), format=",.0f")],
        )
    )
    if gaps.height:
        label = gap_label()
        grey = (
            alt.Chart(gaps.with_columns(pl.lit(label).alias("_gap")))
            .mark_rect(stroke="white", strokeWidth=1.5, cornerRadius=2)
            .encode(
                x=x,
                y=y,
                fill=alt.Fill(
                    "_gap:N",
                    title=None,
                    scale=alt.Scale(domain=[label], range=[GAP_GREY]),
                    legend=alt.Legend(orient="right"),
                ),
                tooltip=[date_tip, alt.Tooltip("_gap:N", title=" ")],
            )
        )
        chart = alt.layer(chart, grey).resolve_legend(color="independent", fill="independent")
    return finish(chart, big=big, height=230)
