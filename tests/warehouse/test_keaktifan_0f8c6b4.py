"""Keaktifan's statements read the one judgement instead of planning its parts again, and the
index of whole calendar months reads the tables kept per month (session 20, h23i):
- q_opd_month_heatmap.sql reads its months, their minimum and judged_through from the months'
  judgement ($judged_months: every OPD in scope x every judged month) instead of generating the
  months and planning activity_minimum again;
- q_kecamatan_rollup.sql and the macro inactive_opds read the period's minimum from the
  judgement's required_posts (activity_minimum('period', ...)) instead of planning it again;
- the macro opd_index is opd_index_given fed from content_counts and post_day_count (any
  period), and q_opd_index_months.sql feeds it from post_content_month and post_month_count
  for a period of whole calendar months (warehouse.queries.activity.opd_index chooses it by
  judgement.calendar_months).
Kept word for word as they were at 0f8c6b4 (tests/warehouse/before/*_0f8c6b4.sql): the three q
files and views/087_keaktifan.sql (its macros renamed *_before_0f8c6b4 here). Every q_ file
calling a macro of views/087 and every rewritten one is run old and new with the same
parameters and judgement relations (expected_only both ways), and the months statement of the
index against the old q_opd_index.sql; the frames must be equal, column types, order and nulls
included. On the sample's windows and their whole months, and on random hand warehouses
(before_after's strategies: posts, coverage spans, whole months or any period, data ends,
filters, both rules, an account moved to another OPD)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import coverage_spans_written, hand_warehouse
from tests.warehouse import before_after
from tests.warehouse.before_after import run, same
from tests.warehouse.test_judgement_months import month_spans, moved
from tests.warehouse.test_properties import post
from warehouse import analyst_settings
from warehouse.db import SQL_DIR, sql_text
from warehouse.queries import activity
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import (
    JUDGED_MONTHS,
    calendar_months,
    judged_tables,
    month_judgement,
)

BEFORE = Path(__file__).parent / "before"
_CALL = re.compile(r"\b(index_grade|opd_index|inactive_opds)\(")
MACROS = _CALL.sub(
    lambda m: f"{m.group(1)}_before_0f8c6b4(", (BEFORE / "keaktifan_0f8c6b4.sql").read_text("utf-8")
)
# The q files this round rewrote (other rounds keep theirs under the same suffix).
REWRITTEN = {
    name: (BEFORE / f"{name}_0f8c6b4.sql").read_text("utf-8")
    for name in ("q_kecamatan_rollup", "q_opd_index", "q_opd_month_heatmap")
}
# Every q_ file calling a macro of views/087, and every q_ file rewritten.
Q_NAMES = sorted(
    {p.stem for p in SQL_DIR.glob("q_*.sql") if _CALL.search(p.read_text("utf-8"))} | set(REWRITTEN)
)
DAY = dt.timedelta(days=1)


def old(name: str) -> str:
    """warehouse/sql/<name>.sql as it was at 0f8c6b4, calling the macros as they were."""
    return _CALL.sub(
        lambda m: f"{m.group(1)}_before_0f8c6b4(", REWRITTEN.get(name) or sql_text(name)
    )


def check(con, f: Filters, s: analyst_settings.Settings, data_end: dt.date | None) -> int:
    """Old and new equal for every q_ file of Q_NAMES, the months statement of the index
    against the old index when f is whole months, and activity.opd_index (the statement it
    chooses) against the old index. Returns the index rows compared."""
    as_of = min(f.end, data_end) if data_end is not None else f.end
    with run_queries.data_end_given(data_end):
        names, tables = judged_tables(con, f, s, as_of)
        tables = {**tables, JUDGED_MONTHS: month_judgement(con, f, s)}
    rows = 0
    for expected_only in (True, False):
        params: dict[str, Any] = {
            **run_queries.index_params(f, s, expected_only=expected_only),
            **run_queries.inactive_params(f, s, as_of),
            **run_queries._activity_params(s),
            **names,
            "judged_months": JUDGED_MONTHS,
            "data_end": data_end,
        }
        for name in Q_NAMES:
            new = run(con, sql_text(name), params, tables)
            same(run(con, old(name), params, tables), new, (name, f, expected_only))
        index = run(con, old("q_opd_index"), params, tables)
        if calendar_months(f.start, f.end):
            same(index, run(con, sql_text("q_opd_index_months"), params, tables), "months")
        rows += index.height
    with run_queries.data_end_given(data_end):
        chosen = activity.opd_index(con, f, s).drop("activity_rule")
    same(run_queries._plain_numbers(index_expected(con, f, s, data_end, as_of)), chosen, "chosen")
    return rows


def index_expected(con, f: Filters, s, data_end: dt.date | None, as_of: dt.date) -> pl.DataFrame:
    with run_queries.data_end_given(data_end):
        names, tables = judged_tables(con, f, s)
    params = {**run_queries.index_params(f, s), **names, "data_end": data_end}
    return run(con, old("q_opd_index"), params, tables)


def test_the_files_compared():
    assert all((BEFORE / f"{name}_0f8c6b4.sql").exists() for name in REWRITTEN)
    assert {"q_inactive_opds", "q_keaktifan_figures", "q_inactive_reason_counts"} <= set(Q_NAMES)


def test_calendar_months():
    assert calendar_months(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert calendar_months(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert calendar_months(dt.date(2025, 12, 1), dt.date(2026, 2, 28))
    assert not calendar_months(dt.date(2026, 1, 2), dt.date(2026, 1, 31))
    assert not calendar_months(dt.date(2026, 1, 1), dt.date(2026, 1, 30))
    assert not calendar_months(dt.date(2026, 2, 1), dt.date(2026, 2, 27))
    assert not calendar_months(dt.date(2026, 3, 1), dt.date(2026, 2, 28))  # reversed


def test_the_index_of_whole_months_runs_the_months_statement(sample, monkeypatch):
    ran: list[str] = []
    real = activity._run

    def spy(con, name, *a, **k):
        ran.append(name)
        return real(con, name, *a, **k)

    monkeypatch.setattr(activity, "_run", spy)
    s = analyst_settings.Settings()
    activity.opd_index(sample, Filters(dt.date(2026, 6, 1), dt.date(2026, 8, 31)), s)
    activity.opd_index(sample, Filters(dt.date(2026, 6, 1), dt.date(2026, 8, 30)), s)
    assert ran == ["q_opd_index_months", "q_opd_index"]


@pytest.fixture(scope="module")
def sample_0f8c6b4(sample):
    sample.execute(MACROS)
    return sample


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12, target_posts_per_month=20)])  # fmt: skip
def test_sample_keaktifan_equals_the_statements_before(sample_0f8c6b4, s, sample_windows):
    con = sample_0f8c6b4
    data_end = run_queries.read_data_end(con)
    rows = 0
    for f in sample_windows.filters:
        rows += check(con, f, s, data_end)
        for a, b in month_spans(f.start, min(f.end, data_end))[:3]:
            rows += check(con, f.shifted(a, b), s, data_end)
    assert rows > 500


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Always tried: the hand warehouse's own posts and coverage over Dec-Feb; a logbook of the OPD
# with no account (4) with a gap and an account's export for 10 days, over Dec-Jan.
@example(factory.POSTS, None, (0, 3), None, ((), (), ()), "account", 4, None)
@example(
    factory.POSTS,
    [(4, None, None, dt.date(2025, 12, 1), 40), (4, "tiktok", None, dt.date(2026, 1, 20), 20),
     (2, "facebook", 3, dt.date(2026, 1, 5), 10), (1, None, None, dt.date(2025, 11, 20), 80)],
    (0, 2), 31, (("facebook", "tiktok"), (), (2, 4, 5)), "opd_total", 6, (3, 4),
)  # fmt: skip
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(before_after.span, max_size=8)),
    # whole months (first month Dec 2025 + k, how many) or any period (start, days)
    st.one_of(before_after.whole_months, before_after.period),
    before_after.data_end_after_start,
    before_after.scope,
    before_after.rule,
    st.integers(1, 12),
    before_after.account_move,
)
def test_random_keaktifan_equals_the_statements_before(
    posts, spans, when, data_end, filters, rule, per_month, move
):
    con = hand_warehouse(posts)
    con.execute(MACROS)
    if spans is not None:
        coverage_spans_written(con, spans)
    if move is not None:
        moved(con, *move)
    if isinstance(when[0], int):
        start, end = before_after.whole_months_period(*when)
    else:
        start, end = when[0], when[0] + dt.timedelta(days=when[1])
    own = data_end is None
    data_end = run_queries.read_data_end(con) if own else start + dt.timedelta(days=data_end)
    s = analyst_settings.Settings(
        activity_rule=rule, min_posts_per_month=per_month, target_posts_per_month=per_month + 3
    )
    check(con, Filters(start, end, *filters), s, data_end)
    con.close()
