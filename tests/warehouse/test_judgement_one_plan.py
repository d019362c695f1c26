"""The judgement of several buckets side by side in one plan (opd_judgement_of over
judged_buckets, views/030_scope_and_activity.sql) gives the rows the statements before gave.

Kept word for word (tests/warehouse/before/*_360.sql, as they were at 314e6ff): the macros of
views/030 (every name suffixed _before_360), q_periods_judgement.sql (a lateral opd_judgement
per period), q_months_judgement.sql and q_period_months_judgement.sql (a lateral opd_judgement
per bucket, run after its session setting, lateral_buckets_360.sql). Compared, every column,
type, order and null: the periods with the first period's months in one statement ($months)
against the old periods' and months' statements; the one period with its months (Keaktifan)
against the old lateral statement; the single-bucket forms and the macros (opd_judgement for
every bucket with and without counted_before, opd_activity by platform or not, opd_coverage)
against the old macros; and through warehouse.queries.judgement, the months the KPI tiles keep
and the period the month grid keeps. On the sample warehouse (its windows) and on random hand
warehouses with random coverage (whole, partial, missing), random data ends cutting the
periods, filters and settings."""

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
from tests.warehouse.before_after import parameters, period, run, same, span
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, periods
from warehouse.db import sql_text
from warehouse.queries import judgement, summary
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

BEFORE = Path(__file__).parent / "before"
MACROS = (BEFORE / "scope_and_activity_360.sql").read_text("utf-8")
OLD_NAMES = re.findall(r"CREATE OR REPLACE MACRO (\w+)_before_360", MACROS)
_CALL = re.compile(r"\b(" + "|".join(OLD_NAMES) + r")\(")


def old(name: str) -> str:
    """tests/warehouse/before/<name>_360.sql calling the old macros."""
    text = (BEFORE / f"{name}_360.sql").read_text("utf-8")
    return _CALL.sub(lambda m: f"{m.group(1)}_before_360(", text)


def as_before(sql: str) -> str:
    return _CALL.sub(lambda m: f"{m.group(1)}_before_360(", sql)


def load_before(con) -> None:
    con.execute(MACROS)
    before_after.minimum_from_its_definition(con, "_before_360")


def old_lateral(con, p: dict[str, Any]) -> pl.DataFrame:
    """The old q_period_months_judgement.sql, after its session setting on its own cursor (as
    warehouse.queries.run ran it)."""
    used = set(re.findall(r"\$([A-Za-z_]\w*)", old("q_period_months_judgement")))
    cur = con.cursor()
    try:
        cur.execute((BEFORE / "lateral_buckets_360.sql").read_text("utf-8"))
        cur.execute(old("q_period_months_judgement"), {k: v for k, v in p.items() if k in used})
        df = pl.from_arrow(cur.to_arrow_table())
    finally:
        cur.close()
    assert isinstance(df, pl.DataFrame)
    return df


JUDGEMENT = """
    select * from opd_judgement($bucket, $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                                $min_per_month, $min_per_week, $activity_rule, $data_end,
                                counted_before := $counted_before)
    order by all"""
ACTIVITY = """
    select * from opd_activity($bucket, $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                               $min_per_month, $min_per_week, $activity_rule, $by_platform,
                               $data_end, counted_before := $counted_before)
    order by all"""
COVERAGE = """
    select * from opd_coverage($bucket, $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    order by all"""


def check(con, p: dict[str, Any], buckets=("period", "month", "week", "day")) -> int:
    """Old and new equal (module docstring); returns the judgement rows compared."""
    many = sql_text("q_periods_judgement")
    old_periods = run(con, old("q_periods_judgement"), p, {})
    old_months = run(con, old("q_months_judgement"), p, {})
    # the periods alone, and with the first period's months (i = 0) in one statement
    same(old_periods, run(con, many, {**p, "months": False}, {}), "periods")
    both = run(con, many, {**p, "months": True}, {})
    same(old_periods, both.filter(pl.col("i") > 0), "periods with months")
    same(old_months, both.filter(pl.col("i") == 0).drop("i", "opd"), "months with periods")
    same(old_months, run(con, sql_text("q_months_judgement"), p, {}), "months alone")
    # one period with its months (Keaktifan's grid): the old lateral statement's rows
    lateral = old_lateral(con, {**p, "buckets": ["period", "month"]})
    one = {**p, "starts": [p["start"]], "ends_excl": [p["end_excl"]], "months": True}
    mine = run(con, many, one, {})
    same(lateral.filter(pl.col("i") == 1), mine.filter(pl.col("i") == 1).drop("opd"), "period")
    same(
        lateral.filter(pl.col("i") == 2).drop("i"),
        mine.filter(pl.col("i") == 0).drop("i", "opd"),
        "months of the one period",
    )
    rows = both.height
    for bucket in buckets:
        for counted_before in (None, p["as_of"] + dt.timedelta(days=1)):
            v = {**p, "bucket": bucket, "counted_before": counted_before}
            new = run(con, JUDGEMENT, v, {})
            same(run(con, as_before(JUDGEMENT), v, {}), new, f"opd_judgement {bucket}")
            rows += new.height
            for by_platform in (False, True):
                w = {**v, "by_platform": by_platform}
                same(run(con, as_before(ACTIVITY), w, {}), run(con, ACTIVITY, w, {}), "activity")
        same(run(con, as_before(COVERAGE), v, {}), run(con, COVERAGE, v, {}), "coverage")
    upto = {**p, "counted_before": p["as_of"] + dt.timedelta(days=1)}
    for q in ("q_period_judgement",):
        for v in (p, upto):
            same(run(con, as_before(sql_text(q)), v, {}), run(con, sql_text(q), v, {}), q)
    return rows


def check_shared(con, f: Filters, s: analyst_settings.Settings) -> None:
    """Through warehouse.queries.judgement: the months the KPI tiles' periods keep, and the
    period the month grid's statement keeps, equal the old statements' rows."""
    data_end = run_queries.data_end_in_force(con)
    p = {**f.params(), **run_queries._activity_params(s), "data_end": data_end}
    old_months = pl.from_arrow(judgement.month_judgement(con, f, s))  # outside a store: alone
    same(run(con, old("q_months_judgement"), p, {}), old_months, "month_judgement alone")
    ago = f.shifted(periods.add_months(f.start, -12), periods.add_months(f.start, -1))
    spans = [(f.start, f.end), (ago.start, ago.end)]
    with run_queries.sharing({}):
        table = judgement.periods_judgement(con, f, s, spans)
        kept = judgement.month_judgement(con, f, s)  # kept by the tiles' statement
        again = judgement.period_judgement(con, f, s)
    old_p = {**p, "starts": [a for a, _ in spans],
             "ends_excl": [b + dt.timedelta(days=1) for _, b in spans]}  # fmt: skip
    same(run(con, old("q_periods_judgement"), old_p, {}), pl.from_arrow(table), "tiles")
    same(old_months, pl.from_arrow(kept), "months kept by the tiles")
    alone = run(con, sql_text("q_period_judgement"), {**p, "counted_before": None}, {})
    same(alone, pl.from_arrow(again), "period kept by the tiles")
    with run_queries.sharing({}):
        grid_months = judgement.month_judgement(con, f, s)  # judges the period along
        along = judgement.period_judgement(con, f, s)
    same(old_months, pl.from_arrow(grid_months), "months with the period")
    same(alone, pl.from_arrow(along), "period kept by the grid")


@pytest.fixture(scope="module")
def sample_before(sample):
    load_before(sample)
    return sample


@pytest.mark.parametrize("s", before_after.BOTH_RULES)
def test_sample_judgement_in_one_plan_equals_the_statements_before(sample_before, s,
                                                                   sample_windows):  # fmt: skip
    con = sample_before
    data_end = run_queries.read_data_end(con)
    rows = 0
    for f in sample_windows.filters:
        as_of = min(f.end, data_end)
        p = parameters(f.start, f.end, (f.platforms, f.opd_kinds, f.opd_ids), s, data_end, as_of)
        rows += check(con, p, buckets=("period", "month", "week"))
        with run_queries.data_end_given(data_end):
            check_shared(con, f, s)
    assert rows > 0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Always tried: a period the data end cuts (day 19 of 58) with the hand warehouse's own
# coverage, and partial coverage (one OPD's logbook, one account's export for 10 days).
@example(factory.POSTS, None, (dt.date(2026, 1, 1), 58), 19, ((), (), ()), "account", 4, 1, 10)
@example(
    factory.POSTS,
    [(1, None, None, dt.date(2025, 12, 1), 40), (2, "facebook", 3, dt.date(2026, 1, 5), 10)],
    (dt.date(2025, 12, 10), 70), None, ((), (), ()), "opd_total", 6, 2, 30,
)  # fmt: skip
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(span, max_size=8)),
    period,
    before_after.data_end_after_start,
    before_after.scope,
    before_after.rule,
    st.integers(1, 12),
    st.integers(0, 3),
    st.integers(0, 90),
)
def test_random_judgement_in_one_plan_equals_the_statements_before(
    posts, spans, when, data_end, filters, rule, per_month, per_week, as_of_after
):
    con = hand_warehouse(posts)
    load_before(con)
    if spans is not None:  # None: the hand warehouse's own coverage (every day, 2024-2027)
        coverage_spans_written(con, spans)
    start, days = when
    end = start + dt.timedelta(days=days)
    own = data_end is None
    data_end = run_queries.read_data_end(con) if own else start + dt.timedelta(days=data_end)
    s = analyst_settings.Settings(
        activity_rule=rule, min_posts_per_month=per_month, min_posts_per_week=per_week
    )
    p = parameters(start, end, filters, s, data_end, start + dt.timedelta(days=as_of_after))
    check(con, p)
    if own:  # the app binds the warehouse's own data end
        with run_queries.data_end_given(data_end):
            check_shared(con, Filters(start, end, *filters), s)
    con.close()


def test_the_tiles_judge_months_only_for_a_store_that_keeps_them(monkeypatch):
    """The KPI tiles judge the chosen period's months along inside the caller's store (the UI's:
    the activity trend reads them after), not in the store kept for one call outside the UI
    (a report's tiles: nothing would read them)."""
    con = hand_warehouse()
    asked: list[bool] = []
    real = judgement._run_arrow

    def spy(con_, name, params):
        if name in ("q_periods_judgement", "q_periods_judgement_months"):
            asked.append(params["months"])
        return real(con_, name, params)

    monkeypatch.setattr(judgement, "_run_arrow", spy)
    f = Filters(dt.date(2025, 12, 1), dt.date(2026, 2, 28))
    s = analyst_settings.Settings()
    summary.kpi_summary(con, f, s)  # outside a store
    with run_queries.sharing({}):
        summary.kpi_summary(con, f, s)
    assert asked == [False, True]
    con.close()
