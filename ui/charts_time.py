"""Charts over time: lines, stacked shares and year-on-year comparison. Pure Altair builders:
a small aggregated polars frame in, a chart out; no st.* calls. Unfinished periods are drawn
hollow with a note and periods without received data as grey bands (never as zero)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import altair as alt
import polars as pl

from ui import chart_counts, chart_series, i18n
from ui.chart_axes import count_encoding
from ui.chart_base import (
    ACCENT,
    GAP_GREY,
    color_encoding,
    finish,
    gap_label,
    time_tooltip,
    time_x,
    with_order_labels,
)


def line_over_time(
    df: pl.DataFrame,
    *,
    y: str,
    y_title: str,
    x: str = "month",
    color: str | None = None,
    color_kind: str | None = None,
    color_title: str = "",
    percent: bool = False,
    big: bool = False,
    height: int = 320,
    zero: bool = True,
    grain: str = "month",
    partial: tuple[dt.date, str] | None = None,
    gaps: Sequence[dt.date] = (),
) -> alt.TopLevelMixin:
    """A monthly line (one line per color group), points for each month, Indonesian axis.

    partial = (start of the last, unfinished period, its note e.g. "s.d. 20 Nov"): that
    period's points are drawn hollow and its axis label carries the note (time_x), so a leader
    does not read the unfinished month's lower figure as a real fall.
    gaps = periods whose data was not received: the line breaks there (null values) and a grey
    band with its own legend ("Data belum diterima") marks them, so no data never reads as zero."""
    data = with_order_labels(df, color, color_kind)
    y_fmt = ".0%" if percent else ",.0f"
    tip_fmt = ".1%" if percent else ",.0f"
    enc = {
        # Many lines put their legend beside the chart (ui.chart_series): on a slide the months
        # left are too narrow for upright labels, which ran into each other at 1366 px.
        "x": time_x(data, x, grain, partial, slant=big and _many_lines(data, color, color_kind)),
        "y": alt.Y(
            f"{y}:Q",
            title=y_title,
            # Not a share: a count (posts, active OPDs, interactions), whole ticks from 0.
            **(
                count_encoding(data.get_column(y).max())
                if zero and not percent
                else {"axis": alt.Axis(format=y_fmt, tickCount=6), "scale": alt.Scale(zero=zero)}
            ),
        ),
        "tooltip": [
            time_tooltip(x, grain),
            alt.Tooltip(f"{y}:Q", title=y_title, format=tip_fmt),
        ],
    }
    if color:
        # On a slide the split chosen above the chart names the legend.
        enc["color"] = color_encoding(color, color_kind, None if big else color_title, data)
        label_col = f"{color}_label" if color_kind else color
        enc["tooltip"].insert(0, alt.Tooltip(f"{label_col}:N", title=color_title))
    size = 70 if not big else 220
    if gaps:
        band = _gap_band(data, x, gaps, grain, partial)
        line = alt.Chart(data).mark_line(
            point=alt.OverlayMarkDef(size=size), strokeWidth=3, invalid="break-paths-show-domains"
        )
        if partial is None:
            return finish(alt.layer(band, line.encode(**enc)), big=big, height=height)
    if partial is None:
        chart = alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=size), strokeWidth=3)
        return finish(chart.encode(**enc), big=big, height=height)
    data = data.with_columns(_is_partial(data, x, partial[0]))
    enc["tooltip"].append(alt.Tooltip("_note:N", title=" "))
    base = alt.Chart(data).encode(**enc)
    fixed = {} if color else {"color": ACCENT}
    line = base.mark_line(strokeWidth=3, **fixed)
    whole = base.transform_filter("!datum._partial").mark_point(
        size=size, filled=True, opacity=1, **fixed
    )
    unfinished = base.transform_filter("datum._partial").mark_point(
        size=size * 1.3, filled=False, fill="white", strokeWidth=3, **fixed
    )
    layers = [line, whole, unfinished]
    if gaps:
        layers.insert(0, _gap_band(data, x, gaps, grain, partial))
    return finish(alt.layer(*layers), big=big, height=height)


# A legend beside the chart whose longest name has more letters than this leaves the months
# too narrow for upright labels at 1366 px (OPD names); OPD kinds ("Kecamatan") leave room.
WIDE_LEGEND_CHARS = 16


def _many_lines(df: pl.DataFrame, color: str | None, color_kind: str | None) -> bool:
    """True when the lines' legend goes beside the chart (ui.chart_series.series_color) and
    its names are long enough to leave the months little room."""
    if not color or color_kind in ("content", "platform"):
        return False
    field = f"{color}_label" if color_kind == "kind" else color
    names = chart_series.series_order(df, field)
    if len(names) <= chart_series.LEGEND_BESIDE:
        return False
    return max(len(str(n)) for n in names) > WIDE_LEGEND_CHARS


def _gap_band(
    df: pl.DataFrame,
    x: str,
    gaps: Sequence[dt.date],
    grain: str,
    partial: tuple[dt.date, str] | None = None,
) -> alt.Chart:
    """Grey full-height bands over the periods without data, with a legend entry of their own
    (fill, not color, so it never mixes with the lines' colours)."""
    band = pl.DataFrame({x: list(gaps)}, schema={x: pl.Date}).with_columns(
        pl.lit(gap_label()).alias("_gap")
    )
    return (
        alt.Chart(band)
        .mark_rect(opacity=0.45)
        .encode(
            x=time_x(df, x, grain, partial),
            fill=alt.Fill(
                "_gap:N",
                title=None,
                scale=alt.Scale(domain=[gap_label()], range=[GAP_GREY]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[time_tooltip(x, grain), alt.Tooltip("_gap:N", title=" ")],
        )
    )


def _is_partial(df: pl.DataFrame, x: str, since: dt.date) -> list[pl.Expr]:
    flag = pl.col(x).cast(pl.Date) >= since
    return [
        flag.alias("_partial"),
        pl.when(flag)
        .then(pl.lit(i18n.tr("Periode belum selesai", "Period not finished yet")))
        .otherwise(pl.lit(""))
        .alias("_note"),
    ]


def share_over_time(
    df: pl.DataFrame,
    *,
    value: str = "posts",
    category: str = "content_type",
    x: str = "month",
    big: bool = False,
    height: int = 320,
    partial: tuple[dt.date, str] | None = None,
) -> alt.TopLevelMixin:
    """Stacked 100% bars per month of content types (or platforms). partial: (start, note) of
    the unfinished month, named under its axis label ("s.d. 20 Nov"), on a slide too."""
    kind = "content" if category == "content_type" else "platform"
    data = with_order_labels(df, category, kind)
    title = i18n.t("content_type") if kind == "content" else i18n.t("platform")
    x_enc = time_x(data, x, partial=partial)
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=x_enc,
            y=alt.Y(
                f"sum({value}):Q",
                stack="normalize",
                title=i18n.t("share"),
                axis=alt.Axis(format=".0%"),
            ),
            color=color_encoding(category, kind, title, data),
            order=alt.Order("_order:Q" if kind == "content" else f"{category}:N"),
            tooltip=[
                time_tooltip(x),
                alt.Tooltip(f"{category}_label:N", title=title),
                alt.Tooltip(f"sum({value}):Q", title=i18n.t("posts"), format=",.0f"),
            ],
        )
    )
    counts = chart_counts.vertical(data, x_enc, x, value=value, big=big, title=i18n.t("share"))
    return finish(chart + counts, big=big, height=height)


def year_comparison(
    df: pl.DataFrame,
    *,
    metric: str,
    y_title: str,
    percent: bool = False,
    big: bool = False,
    height: int = 300,
    grain: str = "month",
    partial: tuple[dt.date, str] | None = None,
) -> alt.TopLevelMixin:
    """This period against the same period a year earlier (queries.trend.trend_comparison frame).

    partial: as in line_over_time; the unfinished period's axis label carries its note."""
    now = i18n.tr("Periode ini", "This period")
    ago = i18n.tr("Tahun lalu", "A year earlier")
    long = pl.concat(
        [
            df.select(
                pl.col("period_start").alias("x"),
                pl.col(metric).alias("v"),
                pl.lit(now).alias("series"),
            ),
            df.select(
                pl.col("period_start").alias("x"),
                pl.col(f"year_ago_{metric}").alias("v"),
                pl.lit(ago).alias("series"),
            ),
        ]
    )
    fmt = ".0%" if percent else ",.0f"
    chart = (
        alt.Chart(long)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=time_x(long, "x", grain, partial),
            y=alt.Y(
                "v:Q",
                title=y_title,
                **(
                    {"axis": alt.Axis(format=fmt)}
                    if percent
                    else count_encoding(long.get_column("v").max())
                ),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=[now, ago], range=[ACCENT, "#9E9E9E"]),
                legend=alt.Legend(orient="top", title=None),
            ),
            strokeDash=alt.StrokeDash(
                "series:N", legend=None, scale=alt.Scale(domain=[now, ago], range=[[1, 0], [6, 4]])
            ),
            tooltip=[
                alt.Tooltip("series:N", title=" "),
                time_tooltip("x", grain),
                alt.Tooltip("v:Q", title=y_title, format=".1%" if percent else ",.0f"),
            ],
        )
    )
    return finish(chart, big=big, height=height)
