"""The KPI tiles' statement for periods of whole calendar months (q_kpi_months.sql: every post
counted from post_content_month, the per-post part not planned) and q_kpi.sql rewritten on the
macros both read (views/192_kpi.sql) give the rows q_kpi.sql gave at 0f8c6b4, kept word for word
in tests/warehouse/before/q_kpi_0f8c6b4.sql. Compared, every column, type, order and null:
summary.kpi_sets (which picks the months statement only when periods.all_whole_months holds) and
each statement where it applies, against the old statement reading the same judgement; the
tiles themselves (kpi_summary) against the tiles measured by the old statement. On the sample
warehouse (its windows and their whole months) and on random hand warehouses (the strategies of
test_judgement_months: posts, coverage gaps, data ends cutting the months or not, an account
moved, filters, both rules) with random OPD sets and periods of whole months or not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.warehouse import before_after
from tests.warehouse.test_judgement_months import (
    COVERAGE,
    DATA_END,
    FILTERS,
    MOVE,
    PER_MONTH,
    POSTS,
    RULES,
    WHOLE_MONTHS,
    built,
    month_spans,
    whole_months_chosen,
)
from tests.warehouse.test_kpi_judged_once import _sample_cases
from tests.warehouse.test_kpi_sets_one_pass import opd_set, period
from warehouse import analyst_settings
from warehouse import periods as periods_
from warehouse.queries import judgement, summary
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

KPI_BEFORE = (Path(__file__).parent / "before" / "q_kpi_0f8c6b4.sql").read_text("utf-8")
DAY = dt.timedelta(days=1)


def _params(f: Filters, s, periods: list, sets: list) -> dict:
    return {
        **f.params(),
        **run_queries._activity_params(s),
        "starts": [a for a, _ in periods],
        "ends_excl": [b + DAY for _, b in periods],
        "sets": [[] if opds is None else sorted(opds) for opds in sets],
        "judged": judgement.JUDGED_PERIODS,
    }


def kpi_sets_before(con, f: Filters, s, periods: list, sets: list):
    """summary.kpi_sets as it was at 0f8c6b4: the old q_kpi over the same judgement."""
    judged = judgement.periods_judgement(con, f, s, periods)
    params = _params(f, s, periods, sets)
    old = before_after.run(con, KPI_BEFORE, params, {judgement.JUDGED_PERIODS: judged})
    return run_queries._plain_numbers(old)


def check(con, f: Filters, s, periods: list, sets: list) -> bool:
    """kpi_sets and each statement that applies against the old statement; whether the months
    statement applied."""
    old = kpi_sets_before(con, f, s, periods, sets)
    before_after.same(old, summary.kpi_sets(con, f, s, periods, sets), ("kpi_sets", periods))
    months = periods_.all_whole_months(periods)
    tables = {judgement.JUDGED_PERIODS: judgement.periods_judgement(con, f, s, periods)}
    for name in ("q_kpi", "q_kpi_months") if months else ("q_kpi",):
        new = run_queries._run(con, name, _params(f, s, periods, sets), tables)
        before_after.same(old, new, (name, periods))
    return months


def check_tiles(con, f: Filters, s, monkeypatch) -> None:
    new = summary.kpi_summary(con, f, s)
    with monkeypatch.context() as m:
        m.setattr(summary, "kpi_sets", kpi_sets_before)
        old = summary.kpi_summary(con, f, s)
    before_after.same(old, new, ("kpi_summary", f))


@pytest.mark.parametrize("s", before_after.BOTH_RULES)
def test_sample_kpis_equal_the_statement_before(sample, s, monkeypatch):
    ids = [r[0] for r in sample.execute("select opd_id from opd order by opd_id").fetchall()]
    sets = [None, tuple(ids[::3]), (ids[-1],)]
    months = 0
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for f, spans in _sample_cases(sample):
            whole = month_spans(f.start, f.end)
            for chosen in (spans, whole, whole[:1], whole[1:3]):
                if chosen:
                    months += check(sample, f, s, chosen, sets)
            check_tiles(sample, f, s, monkeypatch)
            if whole:
                check_tiles(sample, f.shifted(*whole[0]), s, monkeypatch)
    assert months > 5


def test_all_whole_months():
    jan, feb = (
        (dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        (dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
    )
    assert periods_.all_whole_months([jan, feb, (jan[0], feb[1])])
    assert not periods_.all_whole_months([jan, (feb[0], dt.date(2026, 2, 27))])
    assert not periods_.all_whole_months([(dt.date(2026, 1, 2), jan[1])])
    assert not periods_.all_whole_months([])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    POSTS,
    COVERAGE,
    WHOLE_MONTHS,
    DATA_END,
    FILTERS,
    RULES,
    PER_MONTH,
    MOVE,
    st.lists(opd_set, min_size=1, max_size=3),
    # a period not of whole months measured along (the per-post statement), or none
    st.one_of(st.none(), period),
)
def test_random_kpis_equal_the_statement_before(
    posts, spans, months, data_end, filters, rule, per_month, move, sets, odd
):
    con = built(posts, spans, move)
    start, end, data_end, chosen = whole_months_chosen(months, data_end, con)
    s = analyst_settings.Settings(activity_rule=rule, min_posts_per_month=per_month)
    f = Filters(start, end, *filters)
    with run_queries.data_end_given(data_end):
        assert check(con, f, s, chosen, sets)
        check(con, f, s, [(start, start + (end - start) // 2), *chosen[1:]], sets)
        if odd is not None:
            check(con, f, s, [*chosen, odd], sets)
        with run_queries.sharing({}):
            check(con, f, s, chosen, sets)
    con.close()
