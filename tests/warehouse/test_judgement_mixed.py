"""The periods' judgement read from each bucket's whole months (the inputs kept per month,
migration 380) and only its other days from the days (opd_judgement_mixed,
q_periods_judgement_mixed.sql: the KPI tiles' periods the data end cuts, the running month's)
gives the rows of the day statement before; and the three periods' statements, now written on
the macros periods_buckets and judged_with_names, give the rows they gave.

Kept word for word: q_periods_judgement.sql as it was at 1637a23 (and 0f8c6b4), with the macros
of views/030 as they were there (tests/warehouse/before/*_380.sql, test_judgement_months.old),
q_periods_judgement_months.sql as it was at 0f8c6b4
(tests/warehouse/before/q_periods_judgement_months_0f8c6b4.sql), and q_periods_judgement_mixed.sql
with its macro as they were at 229a475 (the cut months' coverage read per day; now per month
from day_bits: before/*_229a475.sql). Compared, every column, type,
order and null, with and without the first period's months: on the sample warehouse (its
windows, their whole months and the same cut at days inside them) and on random hand
warehouses (the strategies of test_judgement_months and before_after: posts, coverage gaps, an
OPD's own logbook, an account moved, periods on month bounds or not, data ends cutting them or
not, filters, both rules); and warehouse.queries.judgement.periods_judgement (which picks the
mixed statement for periods not all whole uncut months) against the old statement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.warehouse import before_after
from tests.warehouse.before_after import parameters, run, same
from tests.warehouse.test_judgement_months import (
    COVERAGE,
    DATA_END,
    MOVE,
    PER_MONTH,
    PER_WEEK,
    POSTS,
    WHOLE_MONTHS,
    built,
    load_before,
    month_spans,
    old,
    whole_months_chosen,
)
from warehouse import analyst_settings
from warehouse.db import sql_text
from warehouse.queries import judgement
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

MONTHS_BEFORE = (
    Path(__file__).parent / "before" / "q_periods_judgement_months_0f8c6b4.sql"
).read_text("utf-8")
# The mixed statement and its macro as they were at 229a475 (each bucket's cut months read
# per day: post_day_count, v_coverage_day, coverage_opd_day), word for word; the macro is
# created under another name (MIXED_BEFORE calls it).
_BEFORE = Path(__file__).parent / "before"
MIXED_MACRO_BEFORE = (
    (_BEFORE / "opd_judgement_mixed_229a475.sql")
    .read_text("utf-8")
    .replace("MACRO opd_judgement_mixed(", "MACRO opd_judgement_mixed_229a475(")
)
MIXED_BEFORE = (
    (_BEFORE / "q_periods_judgement_mixed_229a475.sql")
    .read_text("utf-8")
    .replace("from opd_judgement_mixed(", "from opd_judgement_mixed_229a475(")
)
DAY = dt.timedelta(days=1)


def check(con, p: dict[str, Any], spans: list[tuple[dt.date, dt.date]]) -> int:
    """Each periods' statement that applies against the old day statement over `spans`, with
    the first period's months and without; returns the rows compared."""
    q = {**p, "starts": [a for a, _ in spans], "ends_excl": [b + DAY for _, b in spans]}
    whole = judgement.whole_months(spans, p["data_end"])
    rows = 0
    con.execute(MIXED_MACRO_BEFORE)
    for months in (True, False):
        v = {**q, "months": months}
        ref = run(con, old("q_periods_judgement"), v, {})
        for name in ("q_periods_judgement_mixed", "q_periods_judgement"):
            same(ref, run(con, sql_text(name), v, {}), (name, spans, months))
        mixed_before = run(con, MIXED_BEFORE, v, {})
        same(ref, mixed_before, ("mixed before", spans, months))
        same(mixed_before, run(con, sql_text("q_periods_judgement_mixed"), v, {}), "mixed")
        if whole:
            same(ref, run(con, MONTHS_BEFORE, v, {}), ("months before", spans, months))
            new = run(con, sql_text("q_periods_judgement_months"), v, {})
            same(ref, new, ("months", spans, months))
        rows += ref.height
    return rows


def check_periods(con, f: Filters, s, spans) -> None:
    """judgement.periods_judgement (shared and not) against the old day statement."""
    data_end = run_queries.data_end_in_force(con)
    p = {**f.params(), **run_queries._activity_params(s), "data_end": data_end}
    v = {**p, "starts": [a for a, _ in spans], "ends_excl": [b + DAY for _, b in spans]}
    ref = run(con, old("q_periods_judgement"), {**v, "months": False}, {})
    same(ref, pl.from_arrow(judgement.periods_judgement(con, f, s, spans)), "periods")
    with run_queries.sharing({}):
        same(ref, pl.from_arrow(judgement.periods_judgement(con, f, s, spans)), "shared")


def cut(spans, day: dt.date | None) -> list[tuple[dt.date, dt.date]]:
    """The spans as the tiles compare them when the data ends on `day` (compare.plan): the
    chosen one cut at the day, the others as long; as given without a data end (an empty
    warehouse)."""
    if not spans or day is None or not spans[0][0] <= day < spans[0][1]:
        return spans
    a, b = spans[0]
    n = day - a
    return [(a, b), (a, day), *((x, x + n) for x, _ in spans[1:])]


@pytest.fixture(scope="module")
def sample_380(sample):
    load_before(sample)
    return sample


@pytest.mark.parametrize("s", before_after.BOTH_RULES)
def test_sample_mixed_equals_the_day_statement_before(sample_380, s, sample_windows):
    con = sample_380
    data_end = run_queries.read_data_end(con)
    rows = 0
    for f in sample_windows.filters:
        p = parameters(f.start, f.end, (f.platforms, f.opd_kinds, f.opd_ids), s, data_end, f.end)
        whole = month_spans(f.start, f.end)
        middle = f.start + (f.end - f.start) // 2
        for chosen in ([(f.start, f.end)], whole, cut(whole, middle), cut(whole[:3], middle)):
            if chosen:
                rows += check(con, p, chosen)
                with run_queries.data_end_given(data_end):
                    check_periods(con, f, s, chosen)
        # the data end inside the window: its months cut as the running month's
        if whole:
            rows += check(con, {**p, "data_end": middle}, cut(whole, middle))
            with run_queries.data_end_given(middle):
                check_periods(con, f, s, cut(whole, middle))
    assert rows > 1000


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    POSTS,
    COVERAGE,
    MOVE,
    st.lists(before_after.period, min_size=1, max_size=3),
    before_after.data_end_after_start,
    before_after.scope,
    before_after.rule,
    PER_MONTH,
    PER_WEEK,
)
def test_random_periods_equal_the_day_statement_before(
    posts, spans, move, periods, data_end, scope, rule, per_month, per_week
):
    con = built(posts, spans, move)
    load_before(con)
    chosen = [(a, a + dt.timedelta(days=n)) for a, n in periods]
    start, end = chosen[0]
    data_end = (
        run_queries.read_data_end(con) if data_end is None else start + dt.timedelta(data_end)
    )
    s = analyst_settings.Settings(
        activity_rule=rule, min_posts_per_month=per_month, min_posts_per_week=per_week
    )
    check(con, parameters(start, end, scope, s, data_end, end), chosen)
    with run_queries.data_end_given(data_end):
        check_periods(con, Filters(start, end, *scope), s, chosen)
    con.close()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(POSTS, COVERAGE, MOVE, WHOLE_MONTHS, DATA_END, before_after.scope, before_after.rule)
def test_random_running_months_equal_the_day_statement_before(
    posts, spans, move, months, data_end, scope, rule
):
    """The tiles' periods of the running month: whole months, the data end inside the last
    (or not), the chosen period cut at it and its comparisons as long."""
    con = built(posts, spans, move)
    load_before(con)
    start, end, data_end, chosen = whole_months_chosen(months, data_end, con)
    s = analyst_settings.Settings(activity_rule=rule)
    spans_cut = cut(chosen, data_end)
    check(con, parameters(start, end, scope, s, data_end, end), spans_cut)
    with run_queries.data_end_given(data_end):
        check_periods(con, Filters(start, end, *scope), s, spans_cut)
    con.close()


def test_holds_a_whole_month():
    nov, end = (dt.date(2026, 11, 1), dt.date(2026, 11, 30)), dt.date(2026, 11, 20)
    assert judgement.holds_a_whole_month([nov], None)
    assert not judgement.holds_a_whole_month([nov], end)  # cut by the data end
    assert judgement.holds_a_whole_month([(dt.date(2026, 9, 15), dt.date(2026, 11, 30))], end)
    assert not judgement.holds_a_whole_month([(dt.date(2026, 9, 2), dt.date(2026, 10, 30))], end)
    assert not judgement.holds_a_whole_month([], end)
