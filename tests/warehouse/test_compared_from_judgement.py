"""The KPI tiles' compared sets read from the judgement of the periods they measure
(warehouse.queries.compared) equal the compared sets of macro compared_opds as the tiles read
it before (q_compared_opds.sql; the macro kept word for word in
tests/warehouse/before/compared_opds_260.sql): every OPD, name, side and reason, and every
figure of kpi_summary. On the sample warehouse (whose comparisons leave OPDs out) and on random
hand warehouses with random coverage (whole, partial, missing; bare OPDs' logbooks), posts,
periods, filters and rules. No q_compared_opds statement runs unless a span runs past the data
end (bounds given past it): then the statement is read, with the same result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import coverage_spans_written, hand_warehouse
from tests.warehouse import before_after
from tests.warehouse.before_after import span
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, compare, periods
from warehouse.queries import compared, summary
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

BEFORE = Path(__file__).parent / "before" / "compared_opds_260.sql"
_SET = (
    "SELECT opd_id, opd, complete_current, complete_other"
    " FROM compared_opds_before_260(?, ?, ?, ?, ?, ?, ?) ORDER BY opd_id"
)
_DAY = dt.timedelta(days=1)


def before_restricted(con, f, s, plans, periods_, data_end):
    """The compared sets as kpi_summary read them before: compared_opds over each plan's
    spans (the kept macro), restrict as it is."""
    out = dict(plans)
    for k, p in plans.items():
        if not p.comparable:
            continue
        rows = con.execute(
            _SET,
            [p.current[0], p.current[1] + _DAY, p.other[0], p.other[1] + _DAY,
             list(f.platforms), list(f.opd_kinds), list(f.opd_ids)],
        ).fetchall()  # fmt: skip
        out[k] = compare.restrict(p, (compare.Completeness(*r) for r in rows))
    return out


def statements(monkeypatch) -> list[str]:
    """The names of the statements queries.compared runs itself (q_compared_opds)."""
    ran: list[str] = []
    real = compared._run

    def counted(con, name, params, tables=None):
        ran.append(name)
        return real(con, name, params, tables)

    monkeypatch.setattr(compared, "_run", counted)
    return ran


def both(con, f, s, bounds=None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """kpi_summary as it is and with the compared sets of the kept macro (nothing shared)."""
    new = summary.kpi_summary(con, f, s, bounds)
    real = compared.restricted
    compared.restricted = before_restricted
    try:
        old = summary.kpi_summary(con, f, s, bounds)
    finally:
        compared.restricted = real
    return new, old


def same(new: pl.DataFrame, old: pl.DataFrame) -> None:
    assert new.schema == old.schema
    assert new.equals(old, null_equal=True), (new, old)


@pytest.fixture(scope="module")
def sample(sample):
    """The shared sample copy (tests/warehouse/conftest.py) with the old macro beside."""
    sample.execute(BEFORE.read_text("utf-8"))
    return sample


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12)])  # fmt: skip
def test_sample_compared_sets_equal_the_macro_before(sample, s, monkeypatch):
    ran = statements(monkeypatch)
    data_end = run_queries.read_data_end(sample)
    assert data_end is not None
    month = data_end.replace(day=1)
    half = periods.add_months(month, -5)
    kinds = sorted(r[0] for r in sample.execute("select distinct kind from opd").fetchall())
    left_out = 0
    for f in (
        Filters(half, periods.add_months(month, 1) - _DAY),  # the default: six whole months
        Filters(month, periods.add_months(month, 1) - _DAY),  # the running month, cut
        Filters(month - dt.timedelta(days=40), data_end - dt.timedelta(days=3)),  # days
        Filters(half, data_end, platforms=("instagram",)),
        Filters(half, data_end, opd_kinds=(kinds[0],)),
        Filters(periods.add_months(month, -1), month - _DAY, opd_ids=(1, 2, 3)),
    ):
        new, old = both(sample, f, s)
        same(new, old)
        left_out += sum(len(x or []) for x in new["previous_left_out"].to_list())
    assert left_out > 0  # the sample's comparisons do leave OPDs out
    assert "q_compared_opds" not in ran


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(
    factory.POSTS,
    [(1, None, None, dt.date(2025, 12, 1), 40), (2, "facebook", 3, dt.date(2026, 1, 5), 10),
     (7, None, None, dt.date(2025, 12, 20), 20)],
    (dt.date(2026, 1, 1), 30), ((), (), ()), "account", 4,
)  # fmt: skip
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(span, max_size=8)),
    st.tuples(st.dates(dt.date(2025, 12, 1), dt.date(2026, 2, 20)), st.integers(0, 70)),
    before_after.scope,
    before_after.rule,
    st.integers(1, 12),
)
def test_random_compared_sets_equal_the_macro_before(posts, cover, when, filters, rule, minimum):
    con = hand_warehouse(posts)
    con.execute(BEFORE.read_text("utf-8"))
    if cover is not None:  # None: the hand warehouse's own coverage (every day, 2024-2027)
        coverage_spans_written(con, cover)
    s = analyst_settings.Settings(activity_rule=rule, min_posts_per_month=minimum)
    start, days = when
    f = Filters(start, start + dt.timedelta(days=days), *filters)
    new, old = both(con, f, s)
    same(new, old)
    con.close()


def test_bounds_past_the_data_end_read_the_statement(monkeypatch):
    con = hand_warehouse()
    con.execute(BEFORE.read_text("utf-8"))
    ran = statements(monkeypatch)
    data_end = run_queries.read_data_end(con)
    assert data_end is not None
    # The newest post given as a day past the data end: the chosen span runs past it, and
    # the judgement would cut it there, so its compared set is read by the statement.
    bounds = (dt.date(2024, 1, 1), data_end + dt.timedelta(days=10))
    f = Filters(data_end - dt.timedelta(days=20), data_end + dt.timedelta(days=30))
    new, old = both(con, f, analyst_settings.Settings(), bounds)
    same(new, old)
    assert "q_compared_opds" in ran
    con.close()
