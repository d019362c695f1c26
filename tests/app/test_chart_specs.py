"""Charts are drawn without Altair's schema check (ui.chart_spec.unchecked), so every chart the
pages draw on the sample (all OPDs, and one OPD's own story) is checked against the Vega-Lite
JSON schema here; finish() builds its config in one call, checked against the chained
configure_*() calls it replaced, and sets it without rebuilding the chart (with_top, checked
against properties() and configure()). No chart hands Altair a channel to look up in the
schema (a dict from alt.condition or a shorthand string given to encode(): 5-30 ms each on
every rerun); chart_spec.condition gives alt.condition's spec."""

from __future__ import annotations

import json

import altair as alt
import jsonschema
import polars as pl
import pytest
from altair.utils import schemapi
from altair.vegalite.v6.schema import load_schema

from tests.app.test_pages import run_page
from ui import chart_base, chart_spec, i18n
from warehouse.db import connect

CHART_PAGES = ("ringkasan", "keaktifan", "konten", "tren", "kampanye", "kelengkapan")


ONE_OPD_PAGES = ("ringkasan", "keaktifan", "konten", "tren")


def _busiest_opd(path) -> str:
    con = connect(path)
    try:
        sql = "SELECT opd FROM v_posts GROUP BY opd ORDER BY count(*) DESC, opd LIMIT 1"
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize(
    "page,one_opd", [(p, False) for p in CHART_PAGES] + [(p, True) for p in ONE_OPD_PAGES]
)
def test_every_chart_drawn_passes_the_vega_lite_schema(
    page, one_opd, sample_db, use_db, monkeypatch
):
    use_db(sample_db)
    looked_up: list[str] = []
    real = schemapi.SchemaBase.from_dict.__func__

    def from_dict(cls, dct, validate=True):
        looked_up.append(f"{cls.__name__}: {dct!r:.80}")
        return real(cls, dct, validate)

    monkeypatch.setattr(schemapi.SchemaBase, "from_dict", classmethod(from_dict))
    at = run_page(page, {"opd": _busiest_opd(sample_db)} if one_opd else None)
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert not looked_up, f"{page}: channels looked up in the schema: {looked_up}"
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
    assert chart_spec.unchecked(chart).to_dict() == want
    bad = chart.properties(width="container")
    object.__setattr__(bad, "_kwds", {**bad._kwds, "width": "wide"})  # not a valid width
    with pytest.raises(jsonschema.ValidationError):
        bad.to_dict()
    assert chart_spec.unchecked(bad).to_dict()["width"] == "wide"


def test_with_top_gives_the_spec_of_properties_and_leaves_the_chart_as_it_was():
    base = _layered()
    before = json.dumps(base.to_dict())
    config = {"font": "Arial", "view": alt.ViewConfig(strokeWidth=0)}
    want = base.properties(height="container", width="container").configure(**config)
    got = chart_spec.with_top(
        base, height="container", width="container", config=alt.Config(**config)
    )
    assert json.dumps(got.to_dict()) == json.dumps(want.to_dict())
    assert json.dumps(base.to_dict()) == before  # shared, never changed


@pytest.mark.parametrize("big", [False, True])
def test_finish_leaves_the_chart_it_was_given_as_it_was(big):
    base = _layered().properties(height=200)
    before = json.dumps(base.to_dict())
    chart_base.finish(base, big=big, height=300)
    assert json.dumps(base.to_dict()) == before


def test_condition_gives_the_spec_of_alt_condition():
    df = pl.DataFrame({"n": [0, 3], "_low": [True, False]})
    pick = alt.selection_point(name="pick", fields=["n"])
    field = alt.Color("n:Q", title="Posts", scale=alt.Scale(scheme="blues", domainMin=1))
    cases = [
        ("color", alt.ColorValue, "datum._low", alt.value("#D55E00"), alt.value("#31333F")),
        ("color", alt.ColorValue, "datum['n'] > 0", field, alt.value("#EDEDED")),
        ("opacity", alt.OpacityValue, pick, alt.value(1.0), alt.value(0.35)),
    ]
    for channel, cls, test, yes, no in cases:
        chart = alt.Chart(df).mark_bar().add_params(pick)
        want = chart.encode(**{channel: alt.condition(test, yes, no)}).to_dict()
        got = chart.encode(**{channel: chart_spec.condition(cls, test, yes, no)}).to_dict()
        assert json.dumps(got) == json.dumps(want)
