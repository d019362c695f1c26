"""What every chart shares: colours, the id-ID and en locales, time axes and finish().

Every chart carries the id-ID locale (decimal ",", thousands ".", Indonesian month names) in its
Vega-Lite config, fixed colours per content type and per platform (Okabe-Ito based, readable by
colour-blind viewers), and large fonts; big=True scales them up for the projector.
"""

from __future__ import annotations

import datetime as dt
import json

import altair as alt
import polars as pl

from ui import chart_series, i18n
from ui.chart_spec import with_top
from warehouse import vocabulary

# Okabe-Ito: distinguishable with the common colour-vision deficiencies. Ucapan is the orange
# leaders look for first; the kinerja family is blues/greens.
CONTENT_COLORS = {
    "ucapan": "#E69F00",
    "kegiatan": "#0072B2",
    "layanan": "#009E73",
    "informasi": "#56B4E9",
    "capaian": "#CC79A7",
    "klarifikasi": "#D55E00",
    "lainnya": "#9E9E9E",
    "belum_dilabeli": "#D9D9D9",
}
PLATFORM_COLORS = {
    "facebook": "#1F5FBF",
    "instagram": "#C2185B",
    "tiktok": "#00897B",
    "youtube": "#E53935",
    "x": "#424242",
}
ACCENT = "#0072B2"
WARN = "#D55E00"
SEQ_SCHEME = "blues"
ZERO_COLOR = "#EDEDED"
ROW_LABEL_PX = 17  # names of rows (OPDs) on a slide: ten of them fit 1366x768
# Short category names (the reasons an OPD is not active: a handful of rows) on a slide: the
# slide's axis type (14 x 1.5), not the smaller size long OPD names need, beside values at 24 px.
SHORT_LABEL_PX = 21


def row_label_px(big: bool, short: bool = False) -> int:
    """The font size of a bar chart's row names: 14 on screen; on a slide ROW_LABEL_PX for OPD
    names, SHORT_LABEL_PX for short category names."""
    if not big:
        return 14
    return SHORT_LABEL_PX if short else ROW_LABEL_PX


ID_NUMBER_LOCALE = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["Rp", ""],
    "percent": "%",
}
ID_TIME_LOCALE = {
    "dateTime": "%A, %e %B %Y %X",
    "date": "%d/%m/%Y",
    "time": "%H.%M.%S",
    "periods": ["", ""],
    # d3 weeks start on Sunday (Minggu); the vocabulary's start on Monday.
    "days": [i18n.DAYS_ID[6], *i18n.DAYS_ID[:6]],
    "shortDays": [i18n.DAYS_SHORT_ID[6], *i18n.DAYS_SHORT_ID[:6]],
    "months": list(i18n.MONTHS_ID),
    "shortMonths": list(i18n.MONTHS_SHORT_ID),
}
EN_NUMBER_LOCALE = {
    "decimal": ".",
    "thousands": ",",
    "grouping": [3],
    "currency": ["$", ""],
}
EN_TIME_LOCALE = {
    "dateTime": "%a %b %e %X %Y",
    "date": "%m/%d/%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": [vocabulary.DAYS_EN[6], *vocabulary.DAYS_EN[:6]],
    "shortDays": [vocabulary.DAYS_SHORT_EN[6], *vocabulary.DAYS_SHORT_EN[:6]],
    "months": list(i18n.MONTHS_EN),
    "shortMonths": list(i18n.MONTHS_SHORT_EN),
}

MONTH_FMT = "%b %Y"
CONTENT_ORDER = {c: i for i, c in enumerate(CONTENT_COLORS)}


def _n_periods(df: pl.DataFrame, x: str) -> int:
    return df.get_column(x).n_unique() if df.height and x in df.columns else 0


def time_x(
    df: pl.DataFrame,
    x: str,
    grain: str = "month",
    partial: tuple[dt.date, str] | None = None,
    slant: bool = False,
) -> alt.X:
    """Months as one ordinal label each ("Mei 2026"): dates arrive as UTC ISO strings, so
    UTC time units keep every month under its own label whatever the viewer's time zone.

    partial = (start of the unfinished last period, its note "s.d. 20 Nov"): the note is a
    second line of that month's own axis label (weeks: the axis title), so it never sits on a
    point of the chart nor takes that point's tooltip. slant: month labels slanted even when
    few (a legend beside the chart leaves each month too narrow for its upright label)."""
    n = _n_periods(df, x)
    if grain == "month":
        return alt.X(
            f"utcyearmonth({x}):O",
            title=None,
            axis=alt.Axis(
                format=MONTH_FMT,
                labelAngle=0 if n <= 9 and not slant else -40,
                labelOverlap=n > 18,
                **({"labelExpr": partial_label_expr(partial)} if partial else {}),
            ),
        )
    return alt.X(
        f"utcyearmonthdate({x}):T",
        title=(
            i18n.tr(f"Minggu terakhir: data {partial[1]}", f"Last week: data {partial[1]}")
            if partial
            else None
        ),
        axis=alt.Axis(format="%d %b", labelAngle=0, labelOverlap=True),
    )


def partial_label_expr(partial: tuple[dt.date, str]) -> str:
    """Vega expression of a month axis label: the unfinished month's label gets its note as a
    second line (["Nov 2026", "s.d. 20 Nov"]), every other month its own label."""
    start, note = partial
    return (
        f"utcyear(datum.value) == {start.year} && utcmonth(datum.value) == {start.month - 1}"
        f" ? [datum.label, {json.dumps(note)}] : datum.label"
    )


def time_tooltip(x: str, grain: str = "month") -> alt.Tooltip:
    if grain == "month":
        return alt.Tooltip(f"utcyearmonth({x}):T", title=i18n.t("month"), format="%B %Y")
    return alt.Tooltip(
        f"utcyearmonthdate({x}):T", title=i18n.tr("Minggu mulai", "Week of"), format="%e %B %Y"
    )


def locale_config() -> dict:
    if i18n.current_lang() == "en":
        return {"number": EN_NUMBER_LOCALE, "time": EN_TIME_LOCALE}
    return {"number": ID_NUMBER_LOCALE, "time": ID_TIME_LOCALE}


def finish(
    chart: alt.TopLevelMixin, *, big: bool = False, height: int | None = None
) -> alt.TopLevelMixin:
    """Apply locale, fonts and sizing. Call last: configured charts cannot be layered."""
    # Projector: type about 1.5x (readable from the back of a room, yet a 1366x768 slide
    # still holds a dozen named rows), charts tall enough to fill most of a 1080p screen each.
    k = 1.5 if big else 1.0
    sized = {} if height is None else {"height": int(height * (1.7 if big else 1.0))}
    # One config with every part, set with the size in one step (see with_top).
    return with_top(
        chart,
        **sized,
        width="container",
        config=alt.Config(
            locale=locale_config(),
            font="Source Sans Pro, Arial, sans-serif",
            axis=alt.AxisConfig(
                labelFontSize=int(14 * k),
                titleFontSize=int(15 * k),
                # Long OPD names are the labels read aloud: never shortened with an ellipsis.
                labelLimit=0,
                titlePadding=10,
                gridOpacity=0.5,
            ),
            # Streamlit's theme flushes the end labels of every axis to the chart's edges: on a
            # discrete axis (months, OPDs) that moves the first label off its band and onto its
            # neighbour ("Jun 2026Jul 2026"), so those stay centred on their own band or row.
            axisBand=alt.AxisConfig(labelFlush=False),
            # On a number axis the flush moved "0" above the baseline and the top label down, so
            # ticks read unevenly spaced: every label sits on its own tick.
            axisQuantitative=alt.AxisConfig(labelFlush=False),
            axisPoint=alt.AxisConfig(labelFlush=False),
            legend=alt.LegendConfig(
                labelFontSize=int(14 * k),
                titleFontSize=int(15 * k),
                symbolSize=int(180 * k),
                orient="bottom",
                # A fixed number of columns wraps the entries into rows instead of running one
                # line off the chart's right edge (the last entries were cut).
                columns=4,
                labelLimit=0,
            ),
            title=alt.TitleConfig(fontSize=int(18 * k), anchor="start"),
            view=alt.ViewConfig(strokeWidth=0),
            # Streamlit's theme gives every mark without a tooltip of its own one listing its
            # encoded fields by their program names ("month (year-month)", "_label"): a mark
            # says something on hover only when its tooltip is written in our words.
            mark=alt.MarkConfig(tooltip=None),
        ),
    )


def content_scale(present: list[str] | None = None) -> alt.Scale:
    codes = [c for c in CONTENT_COLORS if present is None or c in present]
    return alt.Scale(
        domain=[i18n.content_label(c) for c in codes], range=[CONTENT_COLORS[c] for c in codes]
    )


def platform_scale() -> alt.Scale:
    codes = list(PLATFORM_COLORS)
    return alt.Scale(
        domain=[i18n.platform_label(c) for c in codes], range=[PLATFORM_COLORS[c] for c in codes]
    )


def with_labels(df: pl.DataFrame, column: str, kind: str) -> pl.DataFrame:
    """Add <column>_label holding the translated label of a code column (content/platform/kind)."""
    fn = {
        "content": i18n.content_label,
        "platform": i18n.platform_label,
        "kind": i18n.kind_label,
    }[kind]
    codes = df.get_column(column).unique().to_list()
    mapping = {c: fn(c) for c in codes}
    return df.with_columns(
        pl.col(column).replace_strict(mapping, return_dtype=pl.String).alias(f"{column}_label")
    )


def color_encoding(
    column: str, kind: str | None, title: str | None, df: pl.DataFrame | None = None
) -> alt.Color:
    """Colour channel of a code column: fixed colours for content types (only those present
    in df) and platforms, reading <column>_label (see with_order_labels); OPD kinds read their
    labels too; other groups (OPDs) get ui.chart_series colours in their order in df (at most
    MAX_SERIES of them: ValueError beyond)."""
    if kind == "content":
        present = df.get_column(column).unique().to_list() if df is not None else None
        return alt.Color(
            f"{column}_label:N",
            title=title,
            scale=content_scale(present),
            sort=[i18n.content_label(c) for c in CONTENT_COLORS],
        )
    if kind == "platform":
        return alt.Color(f"{column}_label:N", title=title, scale=platform_scale())
    field = f"{column}_label" if kind == "kind" else column
    groups = chart_series.series_order(df, field) if df is not None else []
    return chart_series.series_color(field, title, groups, label_px=ROW_LABEL_PX)


def with_order_labels(df: pl.DataFrame, color: str | None, color_kind: str | None) -> pl.DataFrame:
    """Add <color>_label (see with_labels) and, for content types, _order (Int32, the fixed
    CONTENT_COLORS order, 99 for an unknown code) so stacks keep one order."""
    if color and color_kind in ("content", "platform", "kind"):
        df = with_labels(df, color, color_kind)
    if color and color_kind == "content":
        df = df.with_columns(
            pl.col(color)
            .replace_strict(CONTENT_ORDER, default=99, return_dtype=pl.Int32)
            .alias("_order")
        )
    return df


GAP_GREY = "#BBBBBB"


def gap_label() -> str:
    """Legend text of a period or cell without received data (not zero posts)."""
    return i18n.tr("Data belum diterima", "Data not received")


# A month part of whose data arrived (not judged): light amber, the hue of "Sebagian" on
# Kelengkapan. A hue of its own: the blue-grey it had read as "1-2 posts" beside the blues.
PARTIAL_FILL = "#F2C46D"
# Counts on a sequential scale start a third of the way in: 1 post is a clear blue (or green),
# never the near-white that read like the light grey of 0.
SEQ_EXTENT = [0.3, 1.0]


def partial_label() -> str:
    """Legend text of a cell not judged though part of its data arrived (a month running)."""
    return i18n.tr("Data sebagian (belum dinilai)", "Partial data (not judged)")
