"""The trend defined once as a macro (trend_buckets, views/185_trend_buckets.sql) gives the rows
q_trend.sql gave before (kept word for word in tests/warehouse/before/q_trend_230.sql), and a
page's trend with its year-ago trend judged in one statement (q_trends.sql, warehouse.queries
.trend inside a sharing block) gives each the rows of its own trend alone: frames equal with
their column types, order and nulls, on the sample warehouse and on random hand warehouses
(random posts and coverage, every grain and grouping, filters and rules). Inside a store the
year-ago trend after the trend runs no statement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import JAN, coverage_spans_written, hand_warehouse
from tests.warehouse import before_after
from tests.warehouse.before_after import run, same, span
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, periods
from warehouse.db import sql_text
from warehouse.queries import run as run_queries
from warehouse.queries import trend
from warehouse.queries.filters import Filters

OLD = (Path(__file__).parent / "before" / "q_trend_230.sql").read_text("utf-8")
GROUPINGS = [("month", "none"), ("week", "platform"), ("day", "opd_kind"), ("month", "opd")]


def check(con, f: Filters, s: analyst_settings.Settings) -> int:
    """Old and new q_trend for every grouping; the pair (f and a year earlier) from one
    statement against each alone. Returns the rows compared."""
    rows = 0
    data_end = run_queries.read_data_end(con)
    for grain, by in GROUPINGS:
        p = {**f.params(), **run_queries._activity_params(s), "grain": grain, "by": by,
             "data_end": data_end}  # fmt: skip
        new = run(con, sql_text("q_trend"), p, {})
        same(run(con, OLD, p, {}), new, (grain, by))
        rows += new.height
    ago = f.shifted(*periods.year_ago_period(f.start, f.end))
    for grain in ("month", "week"):
        alone = [trend.trend(con, g, grain, "none", s) for g in (f, ago)]
        with run_queries.sharing(store := {}):
            pair = [trend.trend(con, g, grain, "none", s) for g in (f, ago)]
        assert len(store) == 2  # f's and the kept year-ago's
        for a, b in zip(alone, pair, strict=True):
            same(a, b, grain)
    return rows


@pytest.mark.parametrize("s", before_after.BOTH_RULES)
def test_sample_trend_equals_the_statement_before(sample, s):
    data_end = run_queries.read_data_end(sample)
    assert data_end is not None
    month = data_end.replace(day=1)
    half = periods.add_months(month, -5)
    kinds = sorted(r[0] for r in sample.execute("select distinct kind from opd").fetchall())
    rows = 0
    for f in (
        Filters(half, data_end),
        Filters(half + dt.timedelta(days=9), data_end + dt.timedelta(days=20)),
        Filters(half, data_end, platforms=("instagram",)),
        Filters(half, data_end, opd_kinds=(kinds[0],)),
    ):
        rows += check(sample, f, s)
    assert rows > 0


period = st.tuples(st.dates(dt.date(2025, 11, 20), dt.date(2026, 2, 20)), st.integers(0, 100)).map(
    lambda t: (t[0], t[0] + dt.timedelta(days=t[1]))
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(span, max_size=6)),
    period,
    st.sampled_from(
        [((), (), ()), (("instagram",), (), ()), ((), ("dinas", "desa"), ()), ((), (), (1, 4))]
    ),
    before_after.rule,
    st.integers(1, 12),
    st.integers(0, 3),
)
def test_random_trend_equals_the_statement_before(
    posts, cover, when, filters, rule, per_month, per_week
):
    con = hand_warehouse(posts)
    if cover is not None:
        coverage_spans_written(con, cover)
    s = analyst_settings.Settings(
        activity_rule=rule, min_posts_per_month=per_month, min_posts_per_week=per_week
    )
    check(con, Filters(when[0], when[1], *filters), s)
    con.close()


def test_the_year_ago_trend_after_the_trend_runs_nothing(wh, monkeypatch):
    f = Filters(*JAN)
    ago = f.shifted(*periods.year_ago_period(f.start, f.end))
    calls = []
    real = trend._run

    def counting(con, name, params, tables=None):
        calls.append(name)
        return real(con, name, params, tables)

    monkeypatch.setattr(trend, "_run", counting)
    with run_queries.sharing({}):
        trend.trend(wh, f)
        trend.trend(wh, ago)
        trend.trend(wh, f, by="platform")  # another grouping: its own statement
    assert calls == ["q_trends", "q_trend"]
    calls.clear()
    trend.trend(wh, f)  # outside a store: the trend alone
    assert calls == ["q_trend"]
