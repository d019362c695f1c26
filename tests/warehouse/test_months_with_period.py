"""Keaktifan's month grid judges its months with the period in one statement
(q_periods_judgement.sql with $months, through judgement.month_judgement): the grid equals
warehouse/sql/q_opd_month_heatmap.sql as it was at e00a45f (kept word for word in
tests/warehouse/before/q_opd_month_heatmap_300.sql: the months judged inside it), and the
period's rows judged along are q_period_judgement.sql's rows, every column, type, order and
null; on the sample warehouse and on random hand warehouses with random coverage (whole,
partial, missing) and periods the data end cuts. Inside one store the page's grid, index,
not-active list and roll-up plan one judgement statement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import coverage_spans_written, hand_warehouse
from tests.warehouse.test_counts_from_months import _old, _same
from tests.warehouse.test_judgement_planning import span
from tests.warehouse.test_properties import post
from warehouse import analyst_settings
from warehouse.queries import activity, judgement
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

HEATMAP_BEFORE = (Path(__file__).parent / "before" / "q_opd_month_heatmap_300.sql").read_text(
    encoding="utf-8"
)


def check(con, f: Filters, s) -> int:
    """The grid now and before, the period judged along and alone, the months judged with the
    period and alone: equal. Returns the grid's rows."""
    new = activity.opd_month_heatmap(con, f, s)
    _same(_old(con, HEATMAP_BEFORE, {**f.params(), **run_queries._activity_params(s)}), new)
    with run_queries.sharing({}):
        months = judgement.month_judgement(con, f, s)  # judges the period along
        along = judgement.period_judgement(con, f, s)  # read from the store
    alone = judgement.period_judgement(con, f, s)  # outside a store: q_period_judgement
    assert along.schema == alone.schema and along.equals(alone)
    with run_queries.sharing({}):
        judgement.period_judgement(con, f, s)
        only = judgement.month_judgement(con, f, s)  # the period kept: the months alone
    assert only.schema == months.schema and only.equals(months)
    return new.height


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12)])  # fmt: skip
def test_sample_grid_and_period_equal_the_statements_before(sample, s, sample_windows):
    rows = 0
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for f in sample_windows.filters:
            rows += check(sample, f, s)
    assert rows > 0


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(span, max_size=8)),
    st.tuples(st.dates(dt.date(2025, 11, 20), dt.date(2026, 2, 20)), st.integers(0, 100)),
    st.sampled_from([((), (), ()), (("instagram",), ("dinas", "desa"), ()), ((), (), (1, 4))]),
    st.sampled_from([(1, "account"), (4, "account"), (6, "opd_total")]),
)
def test_random_grid_and_period_equal_the_statements_before(posts, spans, when, filters, rule):
    con = hand_warehouse(posts)
    if spans is not None:  # None: the hand warehouse's own coverage (every day, 2024-2027)
        coverage_spans_written(con, spans)
    start, days = when
    s = analyst_settings.Settings(min_posts_per_month=rule[0], activity_rule=rule[1])
    check(con, Filters(start, start + dt.timedelta(days=days), *filters), s)
    con.close()


def test_the_page_plans_one_judgement():
    """The grid first, then the index, the not-active list and the roll-up: one judgement
    statement (q_periods_judgement judging the period and its months), no q_period_judgement."""
    con = hand_warehouse()
    ran: list[str] = []
    real = run_queries._fetch_arrow

    def counted(con_, name, params, tables=None):
        ran.append(name)
        return real(con_, name, params, tables)

    run_queries._fetch_arrow = counted  # type: ignore[assignment]
    try:
        f = Filters(dt.date(2026, 1, 1), dt.date(2026, 2, 28))
        s = analyst_settings.Settings()
        with run_queries.data_end_given(run_queries.read_data_end(con)), run_queries.sharing({}):
            assert activity.opd_month_heatmap(con, f, s).height > 0
            activity.opd_index(con, f, s)
            activity.inactive_opds(con, f, s)
            activity.kecamatan_rollup(con, f, s)
    finally:
        run_queries._fetch_arrow = real  # type: ignore[assignment]
    # whole months the data end does not cut: the months statement (h22m), still one
    assert [n for n in ran if "judgement" in n] == ["q_periods_judgement_months"]
    con.close()
