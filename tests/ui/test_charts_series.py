"""Line charts split by a group: at most charts.MAX_SERIES lines, each with a colour of its own
and a legend entry with its Indonesian label; the unfinished month's note sits on the axis,
not over a point; no mark shows a tooltip in program words."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from ui import charts, i18n

MONTHS = [dt.date(2026, m, 1) for m in (9, 10, 11)]


def _trend(groups: dict[str, list[int]]) -> pl.DataFrame:
    rows = [
        {"period_start": m, "group": g, "posts": v}
        for g, values in groups.items()
        for m, v in zip(MONTHS, values, strict=True)
    ]
    return pl.DataFrame(rows)


def _spec(chart) -> dict:
    return json.loads(chart.to_json())


def _color_scales(spec: dict) -> list[dict]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            enc = node.get("encoding", {})
            if "color" in enc and "scale" in enc["color"]:
                found.append(enc["color"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec)
    return found


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=1, max_size=20))
def test_cap_keeps_the_largest_groups_first_and_names_the_rest(totals):
    df = _trend({f"OPD {i:02d}": [t, 0, 0] for i, t in enumerate(totals)})
    kept, left_out = charts.cap_series(df, value="posts")
    names = kept.get_column("group").unique(maintain_order=True).to_list()
    assert len(names) == min(len(totals), charts.MAX_SERIES)
    assert len(names) + len(left_out) == len(totals)
    assert not set(names) & set(left_out)
    by_name = {f"OPD {i:02d}": t for i, t in enumerate(totals)}
    kept_totals = [by_name[n] for n in names]
    assert kept_totals == sorted(kept_totals, reverse=True)  # legend order: largest first
    if left_out:
        assert min(kept_totals) >= max(by_name[n] for n in left_out)
    # every row of a kept group stays, untouched
    assert kept.height == len(names) * len(MONTHS)


def test_every_line_has_its_own_colour_and_a_legend_entry():
    df = _trend({f"OPD {i}": [20 - i, 10, 5] for i in range(12)})
    kept, left_out = charts.cap_series(df, value="posts")
    spec = _spec(
        charts.line_over_time(kept, x="period_start", y="posts", y_title="P", color="group")
    )
    (color,) = {json.dumps(c, sort_keys=True): c for c in _color_scales(spec)}.values()
    domain, colours = color["scale"]["domain"], color["scale"]["range"]
    assert domain == [f"OPD {i}" for i in range(charts.MAX_SERIES)]
    assert len(set(colours)) == len(domain) == charts.MAX_SERIES
    assert charts.GAP_GREY not in colours
    assert left_out == [f"OPD {i}" for i in range(charts.MAX_SERIES, 12)]


def test_more_lines_than_colours_is_refused():
    df = _trend({f"OPD {i}": [1, 1, 1] for i in range(charts.MAX_SERIES + 1)})
    try:
        charts.line_over_time(df, x="period_start", y="posts", y_title="P", color="group")
    except ValueError as exc:
        assert "cap_series" in str(exc)
    else:
        raise AssertionError("a chart with more lines than colours was drawn")


def test_opd_kinds_are_drawn_with_their_labels_not_codes():
    df = _trend({"dinas": [5, 6, 7], "kecamatan": [3, 2, 1]})
    spec = _spec(
        charts.line_over_time(
            df, x="period_start", y="posts", y_title="P", color="group", color_kind="kind"
        )
    )
    (color,) = _color_scales(spec)
    assert color["field"] == "group_label"
    assert color["scale"]["domain"] == [i18n.kind_label("dinas"), i18n.kind_label("kecamatan")]
    assert "dinas" not in color["scale"]["domain"]
    tips = [t["field"] for t in spec["encoding"]["tooltip"]]
    assert "group_label" in tips and "group" not in tips


def test_the_unfinished_month_note_is_on_its_axis_label_not_a_mark():
    df = _trend({"semua": [5, 6, 7]})
    partial = (dt.date(2026, 11, 1), "s.d. 20 Nov")
    spec = _spec(
        charts.line_over_time(df, x="period_start", y="posts", y_title="P", partial=partial)
    )
    text = json.dumps(spec)
    assert '"text"' not in json.dumps([layer.get("mark") for layer in spec["layer"]])
    expr = spec["layer"][0]["encoding"]["x"]["axis"]["labelExpr"]
    assert "utcmonth(datum.value) == 10" in expr and "utcyear(datum.value) == 2026" in expr
    assert '"s.d. 20 Nov"' in expr
    assert "_label" not in text


def test_no_mark_falls_back_to_a_tooltip_of_field_names():
    spec = _spec(
        charts.line_over_time(
            _trend({"semua": [1, 2, 3]}), x="period_start", y="posts", y_title="P"
        )
    )
    assert spec["config"]["mark"]["tooltip"] is None
