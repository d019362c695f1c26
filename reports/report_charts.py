"""The charts printed in the monthly report and the rapor, as Altair specs rendered to PNG by
reports.chart_image. They draw frames returned by warehouse.queries as they are (no figure is
computed here); labels come from reports.labels."""

from __future__ import annotations

import io

import altair as alt
import polars as pl

from reports import chart_image, idfmt, labels

PRINT_W, PRINT_H = 1000, 430
BLUE, GREY, ORANGE = "#2F5597", "#A6A6A6", "#C55A11"


def _png(chart: alt.Chart, width: int = PRINT_W, height: int = PRINT_H) -> bytes:
    """Sized for a printed page: type large enough to read at 17 cm, pixels doubled."""
    styled = (
        chart.configure_view(strokeWidth=0)
        .configure_axis(labelFontSize=14, titleFontSize=14)
        .configure_legend(labelFontSize=14)
        .configure_title(fontSize=17)
    )
    return chart_image.to_png(styled, width, height, scale=2)


def activity_trend(trend: pl.DataFrame, title: str) -> bytes:
    """queries.activity.activity_trend frame (month, activity_rate) as a line with labelled points."""
    df = trend.select("month", "activity_rate").with_columns(
        label=pl.col("activity_rate").map_elements(labels.percent, return_dtype=pl.String)
    )
    base = alt.Chart(df).encode(
        # Padded so the first and last points' labels stay clear of the axes.
        x=alt.X(
            "month:T",
            title=None,
            timeUnit="yearmonth",
            axis=alt.Axis(format="%b %Y"),
            scale=alt.Scale(padding=40),
        ),  # fmt: skip
        y=alt.Y(
            "activity_rate:Q",
            title=labels.kpi("activity_rate"),
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domain=[0, 1]),
        ),  # fmt: skip
    )
    line = base.mark_line(point=alt.OverlayMarkDef(size=80), color=BLUE, strokeWidth=3)
    text = base.mark_text(dy=-14, fontSize=14).encode(text="label:N")
    return _png((line + text).properties(title=title))


def content_mix(mix: pl.DataFrame, title: str) -> bytes:
    """queries.content.content_mix frame (content_type, is_kinerja, share) as horizontal bars."""
    df = mix.with_columns(
        jenis=pl.col("content_type").map_elements(labels.content, return_dtype=pl.String),
        label=pl.col("share").map_elements(labels.percent, return_dtype=pl.String),
        group=pl.when(pl.col("is_kinerja")).then(pl.lit("Kinerja")).otherwise(pl.lit("Lainnya")),
    )
    base = alt.Chart(df).encode(
        y=alt.Y("jenis:N", title=None, sort="-x"),
        x=alt.X("share:Q", title="Porsi postingan", axis=alt.Axis(format="%")),
    )
    bars = base.mark_bar().encode(
        color=alt.Color("group:N", title=None,
                        scale=alt.Scale(domain=["Kinerja", "Lainnya"], range=[BLUE, GREY])),
    )  # fmt: skip
    text = base.mark_text(align="left", dx=4, fontSize=14).encode(text="label:N")
    return _png((bars + text).properties(title=title))


def monthly_posts(months: pl.DataFrame, title: str) -> bytes:
    """queries.activity.opd_month_heatmap rows of one OPD (month, posts, is_active) as a bar per month,
    value on top, blue when the month was active, orange when not. Drawn with Pillow (a few
    milliseconds), because a rapor of every OPD draws one per OPD."""
    from PIL import Image, ImageDraw

    from reports.table_image import _font

    df = months.sort("month")
    w, h, left, top, bottom = 900, 230, 20, 56, 34
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img)
    font, bold = _font(), _font(True)
    draw.text((left, 6), title, font=bold, fill="black")
    n = max(df.height, 1)
    slot = (w - 2 * left) / n
    peak = max(int(df["posts"].max() or 0), 1)
    base = h - bottom
    draw.line([(left, base), (w - left, base)], fill=(120, 120, 120), width=2)
    for i, r in enumerate(df.iter_rows(named=True)):
        x0 = left + i * slot + slot * 0.2
        x1 = left + (i + 1) * slot - slot * 0.2
        bar = (base - top) * (r["posts"] or 0) / peak
        color = BLUE if r["is_active"] else ORANGE
        if bar:
            draw.rectangle([x0, base - bar, x1, base], fill=color)
        mid = (x0 + x1) / 2
        draw.text((mid, base - bar - 4), idfmt.format_number(r["posts"]), font=font,
                  fill="black", anchor="md")  # fmt: skip
        draw.text((mid, base + 8), idfmt.format_month(r["month"], short=True), font=font,
                  fill="black", anchor="ma")  # fmt: skip
    for k, (label, color) in enumerate((("Bulan aktif", BLUE), ("Bulan belum aktif", ORANGE))):
        x = left + k * 190
        draw.rectangle([x, 32, x + 14, 46], fill=color)
        draw.text((x + 20, 30), label, font=font, fill="black")
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
