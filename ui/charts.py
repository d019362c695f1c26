"""Pure Altair builders: a small aggregated polars frame in, an alt.Chart out. No st.* calls.

This module draws the per-group bars (content mix per OPD, content totals, rankings); charts
over time live in ui.charts_time, grids in ui.charts_grid, and what all share (colours,
locales, axes, finish) in ui.chart_base. Their names are re-exported here so pages keep
calling charts.<name>.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from ui import chart_counts, i18n
from ui.chart_axes import count_encoding
from ui.chart_base import (
    ACCENT,
    CONTENT_COLORS,
    GAP_GREY,
    MONTH_FMT,
    PLATFORM_COLORS,
    ROW_LABEL_PX,
    WARN,
    ZERO_COLOR,
    color_encoding,
    content_scale,
    finish,
    row_label_px,
    time_tooltip,
    time_x,
    with_labels,
    with_order_labels,
)
from ui.chart_series import MAX_SERIES, cap_series
from ui.chart_spec import condition
from ui.charts_grid import calendar, heatmap
from ui.charts_time import line_over_time, share_over_time, year_comparison

__all__ = [
    "ACCENT",
    "CONTENT_COLORS",
    "GAP_GREY",
    "MAX_SERIES",
    "MONTH_FMT",
    "PLATFORM_COLORS",
    "ROW_LABEL_PX",
    "SELECT_CONTENT",
    "WARN",
    "ZERO_COLOR",
    "calendar",
    "content_totals",
    "finish",
    "heatmap",
    "line_over_time",
    "mix_by_group",
    "ranking_bar",
    "share_over_time",
    "time_tooltip",
    "time_x",
    "cap_series",
    "with_labels",
    "year_comparison",
]


def mix_by_group(
    df: pl.DataFrame,
    *,
    group: str = "opd",
    value: str = "posts",
    category: str = "content_type",
    group_title: str = "",
    sort: list[str] | None = None,
    big: bool = False,
    row_height: int = 26,
) -> alt.TopLevelMixin:
    """One horizontal 100% bar per group (OPD), split by content type."""
    data = with_order_labels(df, category, "content")
    n = max(1, data.get_column(group).n_unique())
    y = alt.Y(
        f"{group}:N",
        title=group_title or None,
        sort=sort,
        axis=alt.Axis(labelFontSize=ROW_LABEL_PX if big else 14),
    )
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            # On a slide the heading says what is drawn: no axis or legend title, which
            # leaves the rows the height their names need.
            x=alt.X(
                f"sum({value}):Q",
                stack="normalize",
                title=None if big else i18n.t("share"),
                axis=alt.Axis(format=".0%"),
            ),
            color=color_encoding(
                category, "content", None if big else i18n.t("content_type"), data
            ),
            order=alt.Order("_order:Q"),
            tooltip=[
                alt.Tooltip(f"{group}:N", title=group_title or i18n.t("opd")),
                alt.Tooltip(f"{category}_label:N", title=i18n.t("content_type")),
                alt.Tooltip(f"sum({value}):Q", title=i18n.t("posts"), format=",.0f"),
            ],
        )
    )
    counts = chart_counts.horizontal(
        data, y, group, value=value, big=big, title=None if big else i18n.t("share")
    )
    return finish(chart + counts, big=big, height=min(1400, 40 + n * row_height))


SELECT_CONTENT = "pilih_jenis"


def content_totals(
    df: pl.DataFrame, *, value: str = "posts", big: bool = False, height: int = 300
) -> alt.TopLevelMixin:
    """Horizontal bars: posts per content type, in the fixed colours, with share labels.

    A click selects a content type (selection SELECT_CONTENT on field content_type): the page
    then lists the posts behind that bar."""
    data = with_order_labels(df, "content_type", "content")
    total = float(data.get_column(value).sum() or 0) or 1.0
    data = data.with_columns((pl.col(value) / total).alias("share"))
    base = alt.Chart(data).encode(
        y=alt.Y(
            "content_type_label:N", title=None, sort=[i18n.content_label(c) for c in CONTENT_COLORS]
        ),
        x=alt.X(
            f"{value}:Q", title=i18n.t("posts"), **count_encoding(data.get_column(value).max())
        ),
    )
    pick = alt.selection_point(name=SELECT_CONTENT, fields=["content_type"])
    bars = (
        base.mark_bar(cursor="pointer")
        .add_params(pick)
        .encode(
            color=alt.Color(
                "content_type_label:N",
                scale=content_scale(data.get_column("content_type").to_list()),
                legend=None,
            ),
            opacity=condition(alt.OpacityValue, pick, alt.value(1.0), alt.value(0.35)),
            tooltip=[
                alt.Tooltip("content_type_label:N", title=i18n.t("content_type")),
                alt.Tooltip(f"{value}:Q", title=i18n.t("posts"), format=",.0f"),
                alt.Tooltip("share:Q", title=i18n.t("share"), format=".1%"),
            ],
        )
    )
    labels = base.mark_text(align="left", dx=6, fontSize=24 if big else 13).encode(
        text=alt.Text("share:Q", format=".0%")
    )
    return finish(bars + labels, big=big, height=height)


def ranking_bar(
    df: pl.DataFrame,
    *,
    y: str = "opd",
    x: str,
    x_title: str,
    percent: bool = False,
    color: str = ACCENT,
    ascending: bool = False,
    big: bool = False,
    row_height: int = 28,
    domain_max: float | None = None,
    y_title: str | None = None,
    integer: bool = False,
    short_labels: bool = False,
    muted: str | None = None,
) -> alt.TopLevelMixin:
    """Ranked horizontal bars with the value printed at the end of each bar (integer=True for
    counts: "3", not "3,0"; short_labels: the rows are short category names, not OPDs, and
    take the slide's axis type; muted: a boolean column whose true rows are drawn in GAP_GREY,
    set apart from the others: reasons about data, not about the OPD)."""
    n = max(1, df.height)
    row_height = int(row_height * (1.7 if big else 1.0))
    fmt = ".0%" if percent else ",.0f"
    tip = ".1%" if percent else (",.0f" if integer else ",.1f")
    scale = alt.Scale(domain=[0, domain_max]) if domain_max is not None else alt.Scale()
    base = alt.Chart(df).encode(
        y=alt.Y(
            f"{y}:N",
            title=None,
            sort=alt.EncodingSortField(x, order="ascending" if ascending else "descending"),
            axis=alt.Axis(labelFontSize=row_label_px(big, short_labels)),
        ),
        x=alt.X(f"{x}:Q", title=x_title, axis=alt.Axis(format=fmt, tickCount=5), scale=scale),
    )
    fill = (
        {
            "color": condition(
                alt.ColorValue, f"datum.{muted}", alt.value(GAP_GREY), alt.value(color)
            )
        }
        if muted
        else {}
    )
    bars = base.mark_bar(color=color).encode(
        **fill,
        tooltip=[
            alt.Tooltip(f"{y}:N", title=y_title or i18n.t("opd")),
            alt.Tooltip(f"{x}:Q", title=x_title, format=tip),
        ],
    )
    text = base.mark_text(align="left", dx=5, fontSize=24 if big else 13).encode(
        text=alt.Text(f"{x}:Q", format=tip)
    )
    return finish(bars + text, big=big, height=int((40 + n * row_height) / (1.7 if big else 1)))
