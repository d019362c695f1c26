"""Pure Altair builders: a small aggregated polars frame in, an alt.Chart out. No st.* calls.

Every chart carries the id-ID locale (decimal ",", thousands ".", Indonesian month names) in its
Vega-Lite config, fixed colours per content type and per platform (Okabe-Ito based, readable by
colour-blind viewers), and large fonts; big=True scales them up for the projector.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import altair as alt
import polars as pl

from ui import i18n

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
ROW_LABEL_PX = 17  # names of rows (OPDs) on a slide: ten of them fit 1366x768  # "no post": apart from the blue scale, which starts at 1

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
    "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    "months": list(i18n.MONTHS_EN),
    "shortMonths": list(i18n.MONTHS_SHORT_EN),
}

MONTH_FMT = "%b %Y"
CONTENT_ORDER = {c: i for i, c in enumerate(CONTENT_COLORS)}


def _n_periods(df: pl.DataFrame, x: str) -> int:
    return df.get_column(x).n_unique() if df.height and x in df.columns else 0


def time_x(df: pl.DataFrame, x: str, grain: str = "month") -> alt.X:
    """Months as one ordinal label each ("Mei 2026"): dates arrive as UTC ISO strings, so
    UTC time units keep every month under its own label whatever the viewer's time zone."""
    n = _n_periods(df, x)
    if grain == "month":
        return alt.X(
            f"utcyearmonth({x}):O",
            title=None,
            axis=alt.Axis(
                format=MONTH_FMT,
                labelAngle=0 if n <= 9 else -40,
                labelOverlap=n > 18,
            ),
        )
    return alt.X(
        f"utcyearmonthdate({x}):T",
        title=None,
        axis=alt.Axis(format="%d %b", labelAngle=0, labelOverlap=True),
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
    if height is not None:
        chart = chart.properties(height=int(height * (1.7 if big else 1.0)))
    return (
        chart.properties(width="container")
        .configure(locale=locale_config(), font="Source Sans Pro, Arial, sans-serif")
        .configure_axis(
            labelFontSize=int(14 * k),
            titleFontSize=int(15 * k),
            # Long OPD names are the labels read aloud: never shortened with an ellipsis.
            labelLimit=0,
            titlePadding=10,
            gridOpacity=0.5,
        )
        .configure_legend(
            labelFontSize=int(14 * k),
            titleFontSize=int(15 * k),
            symbolSize=int(180 * k),
            orient="bottom",
            # A fixed number of columns wraps the entries into rows instead of running one
            # line off the chart's right edge (the last entries were cut).
            columns=4,
            labelLimit=0,
        )
        .configure_title(fontSize=int(18 * k), anchor="start")
        .configure_view(strokeWidth=0)
    )


def _content_scale(present: list[str] | None = None) -> alt.Scale:
    codes = [c for c in CONTENT_COLORS if present is None or c in present]
    return alt.Scale(
        domain=[i18n.content_label(c) for c in codes], range=[CONTENT_COLORS[c] for c in codes]
    )


def _platform_scale() -> alt.Scale:
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


def _color(
    column: str, kind: str | None, title: str | None, df: pl.DataFrame | None = None
) -> alt.Color:
    if kind == "content":
        present = df.get_column(column).unique().to_list() if df is not None else None
        return alt.Color(
            f"{column}_label:N",
            title=title,
            scale=_content_scale(present),
            sort=[i18n.content_label(c) for c in CONTENT_COLORS],
        )
    if kind == "platform":
        return alt.Color(f"{column}_label:N", title=title, scale=_platform_scale())
    return alt.Color(f"{column}:N", title=title, scale=alt.Scale(scheme="tableau10"))


def _prep(df: pl.DataFrame, color: str | None, color_kind: str | None) -> pl.DataFrame:
    if color and color_kind in ("content", "platform", "kind"):
        df = with_labels(df, color, color_kind)
    if color and color_kind == "content":
        df = df.with_columns(
            pl.col(color)
            .replace_strict(CONTENT_ORDER, default=99, return_dtype=pl.Int32)
            .alias("_order")
        )
    return df


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
    period's points are drawn hollow and the note is written above it, so a leader does not
    read the unfinished month's lower figure as a real fall.
    gaps = periods whose data was not received: the line breaks there (null values) and a grey
    band with its own legend ("Data belum diterima") marks them, so no data never reads as zero."""
    data = _prep(df, color, color_kind)
    y_fmt = ".0%" if percent else ",.0f"
    tip_fmt = ".1%" if percent else ",.0f"
    enc = {
        "x": time_x(data, x, grain),
        "y": alt.Y(
            f"{y}:Q",
            title=y_title,
            axis=alt.Axis(format=y_fmt, tickCount=6),
            scale=alt.Scale(zero=zero),
        ),
        "tooltip": [
            time_tooltip(x, grain),
            alt.Tooltip(f"{y}:Q", title=y_title, format=tip_fmt),
        ],
    }
    if color:
        enc["color"] = _color(color, color_kind, color_title)
        label_col = f"{color}_label" if color_kind else color
        enc["tooltip"].insert(0, alt.Tooltip(f"{label_col}:N", title=color_title))
    size = 70 if not big else 220
    if gaps:
        band = _gap_band(data, x, gaps, grain)
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
    layers = [line, whole, unfinished, _partial_note(data, x, partial, grain, big)]
    if gaps:
        layers.insert(0, _gap_band(data, x, gaps, grain))
    return finish(alt.layer(*layers), big=big, height=height)


GAP_GREY = "#BBBBBB"


def gap_label() -> str:
    """Legend text of a period or cell without received data (not zero posts)."""
    return i18n.tr("Data belum diterima", "Data not received")


PARTIAL_GREY = "#C9D7E6"  # a cell part of whose data arrived: blue-grey, apart from 0 and none


def partial_label() -> str:
    """Legend text of a cell not judged though part of its data arrived (a month running)."""
    return i18n.tr("Data sebagian (belum dinilai)", "Partial data (not judged)")


def _gap_band(df: pl.DataFrame, x: str, gaps: Sequence[dt.date], grain: str) -> alt.Chart:
    """Grey full-height bands over the periods without data, with a legend entry of their own
    (fill, not color, so it never mixes with the lines' colours)."""
    band = pl.DataFrame({x: list(gaps)}, schema={x: pl.Date}).with_columns(
        pl.lit(gap_label()).alias("_gap")
    )
    return (
        alt.Chart(band)
        .mark_rect(opacity=0.45)
        .encode(
            x=time_x(df, x, grain),
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


def _partial_note(
    df: pl.DataFrame, x: str, partial: tuple[dt.date, str], grain: str, big: bool
) -> alt.Chart:
    """The note ("s.d. 20 Nov") at the top of the unfinished period's column."""
    row = df.filter(pl.col("_partial")).select(x).unique().head(1)
    note = row.with_columns(pl.lit(partial[1]).alias("_label"))
    return (
        alt.Chart(note)
        .mark_text(
            baseline="top", dy=-2, fontSize=22 if big else 13, fontStyle="italic", color="#555"
        )
        .encode(x=time_x(df, x, grain), y=alt.value(0), text="_label:N")
    )


def share_over_time(
    df: pl.DataFrame,
    *,
    value: str = "posts",
    category: str = "content_type",
    x: str = "month",
    big: bool = False,
    height: int = 320,
) -> alt.TopLevelMixin:
    """Stacked 100% bars per month of content types (or platforms)."""
    kind = "content" if category == "content_type" else "platform"
    data = _prep(df, category, kind)
    title = i18n.t("content_type") if kind == "content" else i18n.t("platform")
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=time_x(data, x),
            y=alt.Y(
                f"sum({value}):Q",
                stack="normalize",
                title=i18n.t("share"),
                axis=alt.Axis(format=".0%"),
            ),
            color=_color(category, kind, title, data),
            order=alt.Order("_order:Q" if kind == "content" else f"{category}:N"),
            tooltip=[
                time_tooltip(x),
                alt.Tooltip(f"{category}_label:N", title=title),
                alt.Tooltip(f"sum({value}):Q", title=i18n.t("posts"), format=",.0f"),
            ],
        )
    )
    return finish(chart, big=big, height=height)


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
    data = _prep(df, category, "content")
    n = max(1, data.get_column(group).n_unique())
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{group}:N",
                title=group_title or None,
                sort=sort,
                axis=alt.Axis(labelFontSize=ROW_LABEL_PX if big else 14),
            ),
            # On a slide the heading says what is drawn: no axis or legend title, which
            # leaves the rows the height their names need.
            x=alt.X(
                f"sum({value}):Q",
                stack="normalize",
                title=None if big else i18n.t("share"),
                axis=alt.Axis(format=".0%"),
            ),
            color=_color(category, "content", None if big else i18n.t("content_type"), data),
            order=alt.Order("_order:Q"),
            tooltip=[
                alt.Tooltip(f"{group}:N", title=group_title or i18n.t("opd")),
                alt.Tooltip(f"{category}_label:N", title=i18n.t("content_type")),
                alt.Tooltip(f"sum({value}):Q", title=i18n.t("posts"), format=",.0f"),
            ],
        )
    )
    return finish(chart, big=big, height=min(1400, 40 + n * row_height))


SELECT_CONTENT = "pilih_jenis"


def content_totals(
    df: pl.DataFrame, *, value: str = "posts", big: bool = False, height: int = 300
) -> alt.TopLevelMixin:
    """Horizontal bars: posts per content type, in the fixed colours, with share labels.

    A click selects a content type (selection SELECT_CONTENT on field content_type): the page
    then lists the posts behind that bar."""
    data = _prep(df, "content_type", "content")
    total = float(data.get_column(value).sum() or 0) or 1.0
    data = data.with_columns((pl.col(value) / total).alias("share"))
    base = alt.Chart(data).encode(
        y=alt.Y(
            "content_type_label:N", title=None, sort=[i18n.content_label(c) for c in CONTENT_COLORS]
        ),
        x=alt.X(f"{value}:Q", title=i18n.t("posts"), axis=alt.Axis(format=",.0f", tickMinStep=1)),
    )
    pick = alt.selection_point(name=SELECT_CONTENT, fields=["content_type"])
    bars = (
        base.mark_bar(cursor="pointer")
        .add_params(pick)
        .encode(
            color=alt.Color(
                "content_type_label:N",
                scale=_content_scale(data.get_column("content_type").to_list()),
                legend=None,
            ),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
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
) -> alt.TopLevelMixin:
    """Ranked horizontal bars with the value printed at the end of each bar (integer=True for
    counts: "3", not "3,0")."""
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
            axis=alt.Axis(labelFontSize=ROW_LABEL_PX if big else 14),
        ),
        x=alt.X(f"{x}:Q", title=x_title, axis=alt.Axis(format=fmt, tickCount=5), scale=scale),
    )
    bars = base.mark_bar(color=color).encode(
        tooltip=[
            alt.Tooltip(f"{y}:N", title=y_title or i18n.t("opd")),
            alt.Tooltip(f"{x}:Q", title=x_title, format=tip),
        ]
    )
    text = base.mark_text(align="left", dx=5, fontSize=24 if big else 13).encode(
        text=alt.Text(f"{x}:Q", format=tip)
    )
    return finish(bars + text, big=big, height=int((40 + n * row_height) / (1.7 if big else 1)))


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
    month still running) and have their own paler grey and legend entry ("Data sebagian"),
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
            color=alt.condition(
                f"datum['{value}'] > 0",
                alt.Color(
                    f"{value}:Q",
                    title=value_title,
                    scale=alt.Scale(scheme=SEQ_SCHEME, domainMin=0 if percent else 1),
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
                        range=[GAP_GREY if k == kinds[0] else PARTIAL_GREY for k in shown],
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
        .encode(x=heat_x, y=alt.Y(f"{y}:N", sort=sort), text=alt.value("0"))
    )
    return finish(alt.layer(chart, zero), big=big, height=min(2000, 30 + n * row_height))


def top_groups(df: pl.DataFrame, *, value: str, n: int, group: str = "group") -> pl.DataFrame:
    """Keep the n groups with the largest total of value (so a chart stays readable)."""
    keep = (
        df.group_by(group).agg(pl.col(value).sum().alias("_t")).sort("_t", descending=True).head(n)
    )
    return df.filter(pl.col(group).is_in(keep.get_column(group).implode()))


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
    """This period against the same period a year earlier (queries.trend_comparison frame).

    partial: as in line_over_time; the unfinished period's note is written above it."""
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
            x=time_x(long, "x", grain),
            y=alt.Y("v:Q", title=y_title, axis=alt.Axis(format=fmt)),
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
    if partial is not None and long.height:
        long = long.with_columns(_is_partial(long, "x", partial[0]))
        if long.get_column("_partial").any():
            chart = alt.layer(chart, _partial_note(long, "x", partial, grain, big))
    return finish(chart, big=big, height=height)
