"""Altair charts as PNG and SVG for slides and chats, rendered offline by vl-convert-python (an
embedded Vega engine: no browser, no network; data is inlined in the spec).

Slide size: the whole image is SLIDE_W x SLIDE_H pixels (16:9) for single and layered views
(autosize "fit"); concatenated or faceted charts keep their own layout. System fonts (DejaVu,
Noto, Noto Color Emoji) are registered so labels with accents and emoji render.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from reports import fonts, idfmt

SLIDE_W, SLIDE_H = 1280, 720
# Vega's number and date words in Indonesian (d3 ships no id-ID locale): 1.234,5 and "Januari".
ID_FORMAT = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""],
             "percent": "%"}  # fmt: skip
ID_TIME = {
    "dateTime": "%A, %e %B %Y %X", "date": "%d/%m/%Y", "time": "%H.%M.%S",
    "periods": ["", ""], "days": [*idfmt.DAYS[6:], *idfmt.DAYS[:6]],
    "shortDays": [*idfmt.DAYS_SHORT[6:], *idfmt.DAYS_SHORT[:6]],
    "months": list(idfmt.MONTHS), "shortMonths": list(idfmt.MONTHS_SHORT),
}  # fmt: skip
_COMPOUND = ("hconcat", "vconcat", "concat", "facet", "repeat")


@functools.cache
def _vlc():
    import vl_convert as vlc

    for folder in (fonts.DEJAVU_DIR, fonts.NOTO_DIR):
        if folder.exists():
            vlc.register_font_directory(str(folder))
    return vlc


def slide_spec(chart: Any, width: int = SLIDE_W, height: int = SLIDE_H) -> dict:
    """The Vega-Lite dict of an Altair chart (or a dict) sized to width x height pixels."""
    spec = copy.deepcopy(chart if isinstance(chart, dict) else chart.to_dict())
    if not any(k in spec for k in _COMPOUND):
        spec["width"], spec["height"] = width, height
        spec["autosize"] = {"type": "fit", "contains": "padding"}
    spec.setdefault("background", "white")
    spec.setdefault("padding", 12)
    return spec


def _locale(lang: str) -> dict:
    # allowed_base_urls=[]: the spec carries its data; nothing may be fetched.
    if lang == "en":
        return {"allowed_base_urls": []}
    return {"allowed_base_urls": [], "format_locale": ID_FORMAT, "time_format_locale": ID_TIME}


def to_png(
    chart: Any, width: int = SLIDE_W, height: int = SLIDE_H, scale: float = 1.0, lang: str = "id"
) -> bytes:
    """PNG bytes (scale 2 doubles the pixels for sharp print); numbers and months in the
    language's format ("id": 1.234,5 and Januari)."""
    return _vlc().vegalite_to_png(slide_spec(chart, width, height), scale=scale, **_locale(lang))


def to_svg(chart: Any, width: int = SLIDE_W, height: int = SLIDE_H, lang: str = "id") -> str:
    """SVG text (UTF-8)."""
    return _vlc().vegalite_to_svg(slide_spec(chart, width, height), **_locale(lang))
