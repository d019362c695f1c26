"""Periods that hold whole months but are not all whole months the data end leaves whole (above
all a period the data end cuts: the running month, the pages' default period in a real
warehouse) are judged by q_periods_judgement_split.sql: each bucket's whole months from the
tables kept per month, its other days from the days. Its rows must be q_periods_judgement.sql's
(the days, every column, type and order) for any buckets: compared here on the sample's windows
with the data end cutting them in several places, and on generated hand warehouses (coverage
gaps, logbook-only OPDs, moved accounts, filters, both activity rules, data ends before, inside
and after the period), with the first period's months and without."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import coverage_spans_written, hand_warehouse
from tests.warehouse import before_after
from tests.warehouse.before_after import parameters, run, same, span
from tests.warehouse.test_judgement_months import kept_equal_recount, moved
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, periods
from warehouse.db import sql_text
from warehouse.queries import judgement
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

DAY = dt.timedelta(days=1)


def compared_periods(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The period, the previous one as the KPI tiles compare (periods.previous_period) and the
    year before."""
    return [(start, end), periods.previous_period(start, end), periods.year_ago_period(start, end)]


def check(con, p: dict[str, Any], spans: list[tuple[dt.date, dt.date]]) -> int:
    """The split statement against the days' statement over `spans`, with the first period's
    months and without; returns the rows compared."""
    q = {**p, "starts": [a for a, _ in spans], "ends_excl": [b + DAY for _, b in spans]}
    rows = 0
    for months in (True, False):
        v = {**q, "months": months}
        new = run(con, sql_text("q_periods_judgement_split"), v, {})
        same(run(con, sql_text("q_periods_judgement"), v, {}), new, ("split", months, spans))
        rows += new.height
    return rows


@pytest.mark.parametrize("s", before_after.BOTH_RULES)
def test_sample_split_equals_the_days(sample, s, sample_windows):
    own = run_queries.read_data_end(sample)
    rows = 0
    for f in sample_windows.filters:
        ends = {own, own - dt.timedelta(days=12), f.start + dt.timedelta(days=40), f.end}
        for data_end in sorted(ends):
            p = parameters(
                f.start, f.end, (f.platforms, f.opd_kinds, f.opd_ids), s, data_end, f.end
            )
            rows += check(sample, p, compared_periods(f.start, f.end))
    assert rows > 0


def test_the_statement_chosen():
    nov, end = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
    assert judgement.periods_statement([(nov, end)], end) == "q_periods_judgement_months"
    # the running month: the data end cuts November
    cut = dt.date(2026, 11, 17)
    assert judgement.periods_statement([(nov, end)], cut) == "q_periods_judgement_split"
    # a period on no month bound that still holds October whole
    odd = (dt.date(2026, 9, 9), dt.date(2026, 11, 3))
    assert judgement.periods_statement([odd], end) == "q_periods_judgement_split"
    # no whole month anywhere: the days
    week = (dt.date(2026, 11, 2), dt.date(2026, 11, 8))
    assert judgement.periods_statement([week], end) == "q_periods_judgement"
    assert judgement.periods_statement([(dt.date(2026, 9, 2), dt.date(2026, 9, 30))], end) == (
        "q_periods_judgement"
    )
    assert judgement.periods_statement([(nov, end)], None) == "q_periods_judgement"


def test_a_cut_period_is_judged_by_the_split_statement(sample, monkeypatch):
    own = run_queries.read_data_end(sample)
    month = own.replace(day=1)
    start = periods.add_months(month, -2)
    end = periods.add_months(month, 1) - DAY
    cut = month + dt.timedelta(days=9)
    ran: list[str] = []
    real = judgement._run_arrow

    def counted(con, name, params):
        ran.append(name)
        return real(con, name, params)

    monkeypatch.setattr(judgement, "_run_arrow", counted)
    s = analyst_settings.Settings()
    f = Filters(start, end)
    spans = compared_periods(start, end)
    with run_queries.data_end_given(cut), run_queries.sharing({}):
        got = judgement.periods_judgement(sample, f, s, spans)
    assert ran == ["q_periods_judgement_split"]
    p = parameters(start, end, ((), (), ()), s, cut, end)
    q = {**p, "starts": [a for a, _ in spans], "ends_excl": [b + DAY for _, b in spans]}
    days = run(sample, sql_text("q_periods_judgement"), {**q, "months": False}, {})
    same(days, pl.from_arrow(got), "through judgement")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Always tried: the hand warehouse's posts, Dec-Feb cut on 19 Jan; a logbook-only OPD (4) with a
# gap and an account's ten days of export, the period cut inside its last month.
@example(factory.POSTS, None, (dt.date(2025, 12, 1), 89), 49, ((), (), ()), "account", 4, 1, None)
@example(
    factory.POSTS,
    [(4, None, None, dt.date(2025, 12, 1), 40), (4, "tiktok", None, dt.date(2026, 1, 20), 20),
     (2, "facebook", 3, dt.date(2026, 1, 5), 10), (1, None, None, dt.date(2025, 11, 20), 80)],
    (dt.date(2025, 12, 1), 61), 45, ((), (), ()), "opd_total", 6, 2, (3, 4),
)  # fmt: skip
# The OPD with no account (4) sending a logbook and a TikTok export over the same December days:
# a day its loads cover counts once, whatever the platforms (a sum over them would count twice).
@example(
    factory.POSTS,
    [(4, None, None, dt.date(2025, 12, 1), 62), (4, "tiktok", None, dt.date(2025, 12, 1), 31)],
    (dt.date(2025, 12, 1), 61), 45, ((), (), ()), "account", 4, 1, None,
)  # fmt: skip
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(span, max_size=8)),
    before_after.period,
    before_after.data_end_after_start,
    before_after.scope,
    before_after.rule,
    st.integers(1, 12),
    st.integers(0, 3),
    # an account moved to another OPD before judging: (account, OPD), or none
    st.one_of(st.none(), st.tuples(st.integers(1, 6), st.sampled_from([1, 2, 4, 6]))),
)
def test_random_split_equals_the_days(
    posts, spans, when, data_end, filters, rule, per_month, per_week, move
):
    con = hand_warehouse(posts)
    if spans is not None:  # None: the hand warehouse's own coverage (every day, 2024-2027)
        coverage_spans_written(con, spans)
    if move is not None:
        moved(con, *move)
    kept_equal_recount(con)
    start, days = when
    end = start + dt.timedelta(days=days)
    if data_end is None:
        data_end = run_queries.read_data_end(con)
    else:
        data_end = start + dt.timedelta(days=data_end)
    s = analyst_settings.Settings(
        activity_rule=rule, min_posts_per_month=per_month, min_posts_per_week=per_week
    )
    p = parameters(start, end, filters, s, data_end, end)
    check(con, p, compared_periods(start, end))
    con.close()
