"""A period's judgement taken from the judgement of several periods (warehouse.queries.judgement:
the KPI tiles judge the chosen period with the periods it is compared with, and keep each
period's rows as that period's judgement for the index) is, row for row, column type and order
included, the judgement q_period_judgement.sql gives for the period alone; on the sample
warehouse and on random hand warehouses with random coverage, data ends, filters and rules.
Inside a store, the period's judgement after the KPI tiles runs no statement; outside one,
nothing is kept."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import JAN, coverage_spans_written, hand_warehouse
from tests.warehouse.test_judgement_planning import span
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, periods
from warehouse.queries import activity, judgement, summary
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters


def _frame(table) -> pl.DataFrame:
    df = pl.from_arrow(table)
    assert isinstance(df, pl.DataFrame)
    return df


def check(con, f: Filters, s: analyst_settings.Settings, spans: list) -> int:
    """Each period of `spans` kept from the judgement of all of them equals its judgement
    alone (computed outside any store); returns the rows compared."""
    rows = 0
    with run_queries.sharing(store := {}):
        judgement.periods_judgement(con, f, s, spans)
    kept = {k[0]: v for k, v in store.items() if k[0][0] == "period_judgement"}
    assert len(kept) == len(dict.fromkeys(spans))
    for a, b in spans:
        g = f.shifted(a, b)
        alone = _frame(judgement.period_judgement(con, g, s))
        mine = _frame(kept[("period_judgement", g, s, None)])
        assert alone.schema == mine.schema, (alone.schema, mine.schema)
        assert alone.equals(mine, null_equal=True), (a, b, alone, mine)
        rows += alone.height
    return rows


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12, min_posts_per_week=3)])  # fmt: skip
def test_sample_period_kept_equals_the_period_alone(sample, s):
    data_end = run_queries.read_data_end(sample)
    assert data_end is not None
    month = data_end.replace(day=1)
    half = periods.add_months(month, -5)
    kinds = sorted(r[0] for r in sample.execute("select distinct kind from opd").fetchall())
    opd = sample.execute("select min(opd_id) from posts").fetchone()[0]
    spans = [
        (half, data_end),
        (month, data_end),
        (periods.add_months(month, -1), month - dt.timedelta(days=1)),
        (periods.add_months(half, -12), periods.add_months(month, -12) - dt.timedelta(days=1)),
        (half + dt.timedelta(days=9), data_end + dt.timedelta(days=20)),  # past the data end
        (month, data_end),  # a period twice: kept once
    ]
    rows = 0
    with run_queries.data_end_given(data_end):
        for f in (
            Filters(half, data_end),
            Filters(half, data_end, platforms=("instagram",)),
            Filters(half, data_end, opd_kinds=(kinds[0],)),
            Filters(half, data_end, opd_ids=(opd,)),
        ):
            rows += check(sample, f, s, spans)
    assert rows > 0


period = st.tuples(st.dates(dt.date(2025, 11, 20), dt.date(2026, 2, 20)), st.integers(0, 100)).map(
    lambda t: (t[0], t[0] + dt.timedelta(days=t[1]))
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(span, max_size=8)),
    st.lists(period, min_size=1, max_size=5),
    st.sampled_from(
        [((), (), ()), (("instagram",), (), ()), ((), ("dinas", "desa"), ()), ((), (), (1, 4))]
    ),
    st.sampled_from(["account", "opd_total"]),
    st.integers(1, 12),
    st.integers(0, 3),
)
def test_random_period_kept_equals_the_period_alone(
    posts, cover, spans, filters, rule, per_month, per_week
):
    con = hand_warehouse(posts)
    if cover is not None:  # None: the hand warehouse's own coverage
        coverage_spans_written(con, cover)
    s = analyst_settings.Settings(
        activity_rule=rule, min_posts_per_month=per_month, min_posts_per_week=per_week
    )
    f = Filters(JAN[0], JAN[1], *filters)
    with run_queries.data_end_given(run_queries.read_data_end(con)):
        check(con, f, s, spans)
    con.close()


def test_the_index_after_the_tiles_judges_nothing(wh, monkeypatch):
    f = Filters(*JAN)
    alone = activity.opd_index(wh, f)
    calls = []
    real = judgement._run_arrow

    def counting(con, name, params):
        calls.append(name)
        return real(con, name, params)

    monkeypatch.setattr(judgement, "_run_arrow", counting)
    with run_queries.sharing({}):
        summary.kpi_summary(wh, f)
        shared = activity.opd_index(wh, f)
    assert calls == ["q_periods_judgement_months"]  # January: a whole month (h22m)
    assert alone.equals(shared, null_equal=True)
    calls.clear()
    activity.opd_index(wh, f)  # outside a store: judged on its own
    assert calls == ["q_periods_judgement_months"]  # the months statement, alone
