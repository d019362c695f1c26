"""Charts as PNG and SVG at slide size, rendered offline with vl-convert-python."""

from __future__ import annotations

import io
import re

import altair as alt
import polars as pl
from PIL import Image

from reports import chart_image


def _chart() -> alt.Chart:
    df = pl.DataFrame({"bulan": ["Jan", "Feb", "Mar"], "rate": [0.5, 0.625, 0.7]})
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(x="bulan:N", y=alt.Y("rate:Q", title="Tingkat keaktifan OPD"))
        .properties(title="Keaktifan \U0001f4c8", width="container")
    )


def test_png_is_slide_sized_and_drawn():
    png = chart_image.to_png(_chart())
    im = Image.open(io.BytesIO(png))
    assert im.format == "PNG" and im.size == (1280, 720)
    assert len(im.convert("RGB").getcolors(1_000_000)) > 10  # not a blank canvas
    im2 = Image.open(io.BytesIO(chart_image.to_png(_chart(), scale=2)))
    assert im2.size == (2560, 1440)


def test_svg_is_slide_sized_and_keeps_the_labels():
    svg = chart_image.to_svg(_chart())
    m = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg)
    assert m and (int(m.group(1)), int(m.group(2))) == (1280, 720)
    assert "Tingkat keaktifan OPD" in svg and "Feb" in svg
