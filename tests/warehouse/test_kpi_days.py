"""The KPI tiles' general statement (q_kpi.sql) reads the days outside the periods' whole months
from the per-day content counts kept at every write (post_content_day, migration 420; macro
kpi_content_days) instead of the posts, and gives the rows q_kpi.sql gave at 306adfc (kept word
for word in tests/warehouse/before/q_kpi_306adfc.sql, which read those days post by post through
scoped_posts_all). Compared, every column, type, order and null: the statement, summary.kpi_sets
and the tiles (kpi_summary) against the same with the old statement reading the same judgement.
On the sample warehouse with data ends inside its last months (the running month: the chosen
period cut, same-day comparison periods a month and a year before, which are not whole months)
and on random hand warehouses (test_judgement_months' strategies: posts, coverage gaps, an
account moved to another OPD, filters, both rules) with random OPD sets, part-month periods
and data ends cutting the chosen period's last month or not."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.warehouse import before_after
from tests.warehouse.test_judgement_months import (
    COVERAGE,
    FILTERS,
    MOVE,
    PER_MONTH,
    POSTS,
    RULES,
    WHOLE_MONTHS,
    built,
)
from tests.warehouse.test_kpi_judged_once import _sample_cases
from tests.warehouse.test_kpi_sets_one_pass import opd_set, period
from warehouse import analyst_settings, compare
from warehouse import periods as periods_
from warehouse.db import SQL_DIR
from warehouse.queries import judgement, options, summary
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

KPI_BEFORE = (Path(__file__).parent / "before" / "q_kpi_306adfc.sql").read_text("utf-8")
DAY_CHECK = (SQL_DIR / "checks" / "post_content_day_matches_posts.sql").read_text("utf-8")
DAY = dt.timedelta(days=1)
KPI_SETS = summary.kpi_sets  # the function itself (check_tiles patches the module's name)


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
    """summary.kpi_sets with 306adfc's q_kpi for the periods not all whole months (the months
    statement, unchanged, for the rest), over the same judgement."""
    if periods_.all_whole_months(periods):
        return KPI_SETS(con, f, s, periods, sets)
    judged = judgement.periods_judgement(con, f, s, periods)
    old = before_after.run(
        con, KPI_BEFORE, _params(f, s, periods, sets), {judgement.JUDGED_PERIODS: judged}
    )
    return run_queries._plain_numbers(old)


def check(con, f: Filters, s, periods: list, sets: list) -> None:
    """q_kpi and kpi_sets against 306adfc's q_kpi."""
    judged = judgement.periods_judgement(con, f, s, periods)
    tables = {judgement.JUDGED_PERIODS: judged}
    params = _params(f, s, periods, sets)
    old = run_queries._plain_numbers(before_after.run(con, KPI_BEFORE, params, tables))
    before_after.same(old, run_queries._run(con, "q_kpi", params, tables), ("q_kpi", periods))
    before_after.same(old, summary.kpi_sets(con, f, s, periods, sets), ("kpi_sets", periods))


def check_tiles(con, f: Filters, s) -> None:
    new = summary.kpi_summary(con, f, s)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(summary, "kpi_sets", kpi_sets_before)
        old = summary.kpi_summary(con, f, s)
    before_after.same(old, new, ("kpi_summary", f))


def _running_month_periods(f: Filters, data_end: dt.date) -> list:
    """The periods the tiles measure in the running month: the chosen period, and the current
    and other span of each comparison compare.plan makes with that data end."""
    out = [(f.start, f.end)]
    for kind in ("previous", "year_ago"):
        p = compare.plan(f.start, f.end, dt.date(2020, 1, 1), data_end, kind)
        out += [p.current, p.other] if p.comparable else [p.current]
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("s", before_after.BOTH_RULES)
def test_sample_kpis_equal_the_statement_before(sample, s):
    assert sample.execute(DAY_CHECK).fetchall() == []
    ids = [r[0] for r in sample.execute("select opd_id from opd order by opd_id").fetchall()]
    sets = [None, tuple(ids[::3]), (ids[-1],)]
    _, last = options.date_bounds(sample)
    assert last is not None
    # the sample's own data end, and data ends inside its last two months (the running month)
    ends = [last, last.replace(day=9), (last.replace(day=1) - DAY).replace(day=17)]
    cut = 0
    for data_end in ends:
        # the chosen period runs to the end of the data end's month, as the sidebar's months
        month = data_end.replace(day=1)
        end = periods_.add_months(month, 1) - DAY
        with run_queries.data_end_given(data_end):
            for g, spans in _sample_cases(sample):
                f = dataclasses.replace(g, start=min(g.start, month), end=end)
                running = _running_month_periods(f, data_end)
                cut += not periods_.all_whole_months(running)
                check(sample, f, s, running, sets)
                check(sample, f, s, spans, sets)
                with run_queries.sharing({}):
                    check_tiles(sample, f, s)
    assert cut >= 6  # the running month's periods were not all whole months


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    POSTS,
    COVERAGE,
    WHOLE_MONTHS,
    # the data end: days before the chosen period's last month ends (0: its last day)
    st.integers(-45, 3),
    FILTERS,
    RULES,
    PER_MONTH,
    MOVE,
    st.lists(opd_set, min_size=1, max_size=3),
    st.lists(period, min_size=1, max_size=3),
)
def test_random_kpis_equal_the_statement_before(
    posts, spans, months, back, filters, rule, per_month, move, sets, odd
):
    con = built(posts, spans, move)
    assert con.execute(DAY_CHECK).fetchall() == []
    k, n = months
    start = periods_.add_months(dt.date(2025, 12, 1), k)
    end = periods_.add_months(start, n) - DAY
    data_end = end + dt.timedelta(days=back)
    s = analyst_settings.Settings(activity_rule=rule, min_posts_per_month=per_month)
    f = Filters(start, end, *filters)
    with run_queries.data_end_given(data_end):
        running = _running_month_periods(f, data_end)
        check(con, f, s, running, sets)
        check(con, f, s, [*running, *odd], sets)
        with run_queries.sharing({}):
            check(con, f, s, odd, sets)
            check_tiles(con, f, s)
    con.close()
