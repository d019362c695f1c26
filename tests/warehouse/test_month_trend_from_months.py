"""The activity trend (Ringkasan's rate per month, Tren's grey months) reads the months' judgement
judged once per rerun (judgement.month_judgement) instead of judging its months itself: its rows
equal warehouse/sql/q_activity_trend.sql as it was at 34a797d (kept word for word in
tests/warehouse/before/q_activity_trend_330.sql: the months judged inside it), every column,
type, order and null, by month and by OPD kind; on the sample warehouse and on random hand
warehouses with random coverage (whole, partial, missing) and periods the data end cuts. The
months-only form (q_months_judgement.sql) gives the rows the months judged with the period give.
A page whose KPI tiles judge the period (Ringkasan, Tren) judges its months in the tiles'
statement too (q_periods_judgement.sql with $months), and Keaktifan's grid after it judges
nothing again."""

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
from warehouse.queries import activity, judgement, summary
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

TREND_BEFORE = (Path(__file__).parent / "before" / "q_activity_trend_330.sql").read_text(
    encoding="utf-8"
)


def check(con, f: Filters, s) -> int:
    """The trend now and before (by month, by OPD kind), outside and inside a store; the
    months judged alone equal the months judged with the period. Returns the rows compared."""
    rows = 0
    for by_kind in (False, True):
        old = _old(con, TREND_BEFORE, {**f.params(), **run_queries._activity_params(s),
                                       "by_kind": by_kind})  # fmt: skip
        _same(old, activity.activity_trend(con, f, s, by_kind=by_kind))
        with run_queries.sharing({}):
            judgement.period_judgement(con, f, s)  # kept: the months judged alone
            _same(old, activity.activity_trend(con, f, s, by_kind=by_kind))
        with run_queries.sharing({}):  # nothing kept: the months judged with the period
            _same(old, activity.activity_trend(con, f, s, by_kind=by_kind))
        with run_queries.sharing({}):  # the months judged with the tiles' periods
            summary.kpi_summary(con, f, s)
            _same(old, activity.activity_trend(con, f, s, by_kind=by_kind))
        rows += old.height
    alone = judgement.month_judgement(con, f, s)  # outside a store: the months alone
    with run_queries.sharing({}):
        along = judgement.month_judgement(con, f, s)  # with the period
    assert alone.schema == along.schema and alone.equals(along)
    return rows


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12)])  # fmt: skip
def test_sample_trend_equals_the_statement_before(sample, s, sample_windows):
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
def test_random_trend_equals_the_statement_before(posts, spans, when, filters, rule):
    con = hand_warehouse(posts)
    if spans is not None:  # None: the hand warehouse's own coverage (every day, 2024-2027)
        coverage_spans_written(con, spans)
    start, days = when
    s = analyst_settings.Settings(min_posts_per_month=rule[0], activity_rule=rule[1])
    check(con, Filters(start, start + dt.timedelta(days=days), *filters), s)
    con.close()


def test_the_months_are_judged_once_per_rerun():
    """Ringkasan's order (the KPI tiles, the index, the trend), then Keaktifan's grid on the same
    filters: one judgement statement, the tiles' (their periods and the chosen period's months:
    judgement.periods_judgement keeps the months for the trend and the grid)."""
    con = hand_warehouse()
    ran: list[str] = []
    real = run_queries._fetch_arrow

    def counted(con_, name, params, tables=None):
        ran.append(name)
        return real(con_, name, params, tables)

    run_queries._fetch_arrow = counted  # type: ignore[assignment]
    try:
        f = Filters(dt.date(2025, 12, 1), dt.date(2026, 2, 28))
        s = analyst_settings.Settings()
        with run_queries.data_end_given(run_queries.read_data_end(con)), run_queries.sharing({}):
            summary.kpi_summary(con, f, s)
            activity.opd_index(con, f, s)
            assert activity.activity_trend(con, f, s).height > 0
            activity.opd_month_heatmap(con, f, s)
    finally:
        run_queries._fetch_arrow = real  # type: ignore[assignment]
    judged = [n for n in ran if "judgement" in n]
    assert judged == ["q_periods_judgement_months"]  # Dec-Feb: whole months (h22m)
    con.close()
