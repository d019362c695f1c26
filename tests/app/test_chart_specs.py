"""Charts are drawn without Altair's schema check (ui.chart_base.unchecked), so every chart the
pages draw on the sample is checked against the Vega-Lite JSON schema here; finish() builds its
config in one call, checked against the chained configure_*() calls it replaced."""

from __future__ import annotations

import json

import altair as alt
import jsonschema
import polars as pl
import pytest
from altair.vegalite.v6.schema import load_schema

from tests.app.test_pages import run_page
from ui import chart_base, i18n

CHART_PAGES = ("ringkasan", "keaktifan", "konten", "tren", "kampanye", "kelengkapan")


@pytest.mark.parametrize("page", CHART_PAGES)
def test_every_chart_drawn_passes_the_vega_lite_schema(page, sample_db, use_db):
    use_db(sample_db)
    at = run_page(page)
    assert not at.exception, at.exception[0].value if at.exception else ""
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert charts, f"{page}: no chart drawn"
    validator = jsonschema.Draft7Validator(load_schema())
    for el in charts:
        spec = json.loads(el.proto.spec)
        errors = [
            f"{list(e.absolute_path)}: {e.message[-150:]}" for e in validator.iter_errors(spec)
        ]
        assert not errors, f"{page}: {errors}"


def _chained(chart: alt.TopLevelMixin, big: bool) -> alt.TopLevelMixin:
    """finish() as it was (one configure_*() call each), kept to check the one-call config."""
    k = 1.5 if big else 1.0
    return (
        chart.properties(width="container")
        .configure(locale=chart_base.locale_config(), font="Source Sans Pro, Arial, sans-serif")
        .configure_axis(
            labelFontSize=int(14 * k),
            titleFontSize=int(15 * k),
            labelLimit=0,
            titlePadding=10,
            gridOpacity=0.5,
        )
        .configure_axisBand(labelFlush=False)
        .configure_axisQuantitative(labelFlush=False)
        .configure_axisPoint(labelFlush=False)
        .configure_legend(
            labelFontSize=int(14 * k),
            titleFontSize=int(15 * k),
            symbolSize=int(180 * k),
            orient="bottom",
            columns=4,
            labelLimit=0,
        )
        .configure_title(fontSize=int(18 * k), anchor="start")
        .configure_view(strokeWidth=0)
        .configure_mark(tooltip=None)
    )


def _layered() -> alt.LayerChart:
    df = pl.DataFrame({"opd": ["Dinas A", "Dinas B"], "n": [3, 5]})
    bars = alt.Chart(df).mark_bar().encode(x="n:Q", y="opd:N", color="opd:N")
    return bars + bars.mark_text().encode(text="n:Q")


@pytest.mark.parametrize("big", [False, True])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_finish_gives_the_spec_of_the_chained_configure_calls(big, lang, monkeypatch):
    monkeypatch.setattr(i18n, "current_lang", lambda: lang)
    for height in (None, 300):
        base = _layered()
        if height is not None:
            base = base.properties(height=int(height * (1.7 if big else 1.0)))
        want = json.dumps(_chained(base, big).to_dict(), sort_keys=False)
        got = json.dumps(chart_base.finish(_layered(), big=big, height=height).to_dict())
        assert got == want


def test_unchecked_gives_the_same_spec_and_skips_the_check():
    chart = chart_base.finish(_layered())
    want = chart.to_dict()
    assert chart_base.unchecked(chart).to_dict() == want
    bad = chart.properties(width="container")
    object.__setattr__(bad, "_kwds", {**bad._kwds, "width": "wide"})  # not a valid width
    with pytest.raises(jsonschema.ValidationError):
        bad.to_dict()
    assert chart_base.unchecked(bad).to_dict()["width"] == "wide"
