"""Altair specs built without Altair's schema work: the same specs, drawn faster.

Altair checks every spec against the Vega-Lite JSON schema as it is built and again when it is
drawn, finds a channel's class for a condition by matching it against the schema, and rebuilds
layered charts when a top-level property is set. On a page's rerun that was most of the Python
side (tests/app/test_chart_specs.py checks every chart the pages draw against the schema once,
and that these give the specs Altair's own calls give).
"""

from __future__ import annotations

import functools
from typing import Any

import altair as alt
from altair.utils import schemapi

# Altair checks every axis, tooltip and scale against the Vega-Lite schema as it is built
# (its "debug mode"), a fifth of a page's rerun once the whole-spec check was gone (see
# unchecked): off for the app. The same objects and specs are built; the check is done once
# per chart drawn by tests/app/test_chart_specs.py.
schemapi.disable_debug_mode()


def with_top(chart: alt.TopLevelMixin, **props: Any) -> alt.TopLevelMixin:
    """A new chart: `chart` with top-level properties set (height, width, config), what
    chart.properties(...) and chart.configure(...) give; its layers and encodings are shared,
    not copied. Altair's properties() and configure() build the chart anew, and building a
    layered chart deep-copies each layer twice (every sort list and scale domain in it): three
    rebuilds per chart in finish(). Nothing here changes a chart once built, so sharing is
    safe; the spec is the same (tests/app/test_chart_specs.py)."""
    out = object.__new__(type(chart))
    # Altair's SchemaBase keeps its spec in _args and _kwds, set the same way.
    object.__setattr__(out, "_args", chart._args)
    object.__setattr__(out, "_kwds", {**chart._kwds, **props})
    return out


def unchecked(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The same chart (changed in place and returned), whose to_dict() skips Altair's check of
    the whole spec against the Vega-Lite JSON schema: Streamlit calls to_dict() once per chart
    drawn, and the check was about a third of a page's rerun (0.8 of 2.4 s profiled on Jenis
    Konten). The spec is the same; tests/app/test_chart_specs.py checks every chart the pages
    draw against the schema instead."""
    draw = functools.partial(type(chart).to_dict, chart, validate=False)
    # Altair's SchemaBase keeps attributes set the usual way as spec properties.
    object.__setattr__(chart, "to_dict", draw)
    return chart


def condition(channel: type, predicate: Any, if_true: Any, if_false: Any) -> Any:
    """alt.condition(predicate, if_true, if_false) as the channel object `channel` (e.g.
    alt.ColorValue, alt.OpacityValue): the same spec. Given the dict alt.condition returns,
    Altair's encode() finds its channel class by matching the dict against the Vega-Lite
    schema (from_dict: 5 to 30 ms a condition, on every rerun)."""
    return channel(**alt.condition(predicate, if_true, if_false))
