"""The activity judgement, the Indeks Medsos and the not-active list rewritten to plan in less
time (views/030_scope_and_activity.sql, views/087_keaktifan.sql) give the rows the macros gave
before. The old macros are kept word for word in tests/warehouse/before/scope_and_activity_200
.sql and keaktifan_200.sql (as they were at 28ad67d, every macro of both files renamed with
_before_200); every q_*.sql file that calls one of them is run with the old and with the new
macros, with the same parameters, and the frames must be equal, column types, order and nulls
included. On the sample warehouse and on random hand warehouses with random posts, random load
coverage (whole, partial and missing data), random data ends, filters, settings, buckets and
periods; the judgement macros also directly, for every bucket, with and without counted_before."""

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
from warehouse.db import SQL_DIR, sql_text
from warehouse.queries import run as run_queries
from warehouse.queries.judgement import JUDGED, JUDGED_AS_OF, JUDGED_MONTHS, JUDGED_PERIODS

BEFORE_DIR = Path(__file__).parent / "before"
BEFORE_FILES = [BEFORE_DIR / "scope_and_activity_200.sql", BEFORE_DIR / "keaktifan_200.sql"]
OLD_NAMES = [
    n
    for p in BEFORE_FILES
    for n in re.findall(r"CREATE OR REPLACE MACRO (\w+)_before_200", p.read_text("utf-8"))
]
_CALL = re.compile(r"\b(" + "|".join(OLD_NAMES) + r")\(")


def as_before(sql: str) -> str:
    """`sql` calling the old macros (kept in BEFORE_FILES) instead of the new ones."""
    return _CALL.sub(lambda m: f"{m.group(1)}_before_200(", sql)


# Every q_*.sql file that calls a macro of the two files, directly.
Q_NAMES = sorted(p.stem for p in SQL_DIR.glob("q_*.sql") if _CALL.search(p.read_text("utf-8")))
# The q_ files rewritten too, kept as they were at 28ad67d (tests/warehouse/before/*_200.sql).
Q_BEFORE = {
    p.stem.removesuffix("_200"): p.read_text("utf-8") for p in BEFORE_DIR.glob("q_*_200.sql")
}


PERIODS_360 = (BEFORE_DIR / "q_periods_judgement_360.sql").read_text("utf-8")


def q_before(name: str) -> str:
    """warehouse/sql/<name>.sql as it was, calling the old macros."""
    return as_before(Q_BEFORE.get(name) or sql_text(name))


# The judgement macros read directly: every bucket, counted_before or not, by platform or not.
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
MINIMUM = """
    select activity_minimum($bucket, $start, $end_excl, $min_per_month, $min_per_week,
                            $data_end) as period_minimum,
           activity_minimum($bucket, $start, $end_excl, $min_per_month, $min_per_week,
                            $data_end, bucket_start_d := $start) as first_bucket_minimum,
           scaled_count($min_per_month, $start, judged_end($start, $end_excl, $data_end))
               as scaled"""


def load_before(con) -> None:
    for p in BEFORE_FILES:
        con.execute(p.read_text("utf-8"))
    before_after.minimum_from_its_definition(con, "_before_200")


def judged(con, p: dict[str, Any], before: bool) -> dict[str, Any]:
    """The judgement relations the q_ files read, computed with the old or the new macros."""
    one, many = sql_text("q_period_judgement"), sql_text("q_periods_judgement")
    if before:  # q_periods_judgement as it was at 314e6ff (it calls opd_judgement)
        one, many = q_before("q_period_judgement"), as_before(PERIODS_360)
    months = sql_text("q_months_judgement")
    if before:
        months = q_before("q_months_judgement")
    upto = {**p, "counted_before": p["as_of"] + dt.timedelta(days=1)}
    return {
        JUDGED: run(con, one, p, {}).to_arrow(),
        JUDGED_AS_OF: run(con, one, upto, {}).to_arrow(),
        JUDGED_PERIODS: run(con, many, p, {}).to_arrow(),
        JUDGED_MONTHS: run(con, months, p, {}).to_arrow(),
    }


def check(con, p: dict[str, Any], buckets=("period", "month", "week", "day")) -> int:
    """Every q_ file and the judgement macros, old and new, equal; returns the number of
    judgement rows compared (so a caller can tell the rows were not all empty)."""
    old_tables, new_tables = judged(con, p, True), judged(con, p, False)
    for name in JUDGED, JUDGED_AS_OF, JUDGED_PERIODS, JUDGED_MONTHS:
        same(pl.from_arrow(old_tables[name]), pl.from_arrow(new_tables[name]), name)
    for name in Q_NAMES:
        sql = sql_text(name)
        params = {**p, "judged": JUDGED_PERIODS if name == "q_kpi" else JUDGED,
                  "judged_as_of": JUDGED_AS_OF, "judged_months": JUDGED_MONTHS}  # fmt: skip
        variants = [params]
        if name == "q_trend":  # its activity rule by bucket, by platform too
            variants = [
                {**params, "grain": g, "by": b}
                for g, b in (("day", "none"), ("week", "platform"), ("month", "opd_kind"))
            ]
        if name == "q_activity_trend":
            variants = [params, {**params, "by_kind": True}]
        for v in variants:
            old = run(con, q_before(name), v, old_tables)
            same(old, run(con, sql, v, new_tables), name)
    rows = 0
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
        same(run(con, as_before(MINIMUM), v, {}), run(con, MINIMUM, v, {}), "minimum")
    return rows


@pytest.fixture(scope="module")
def sample(sample):
    """The shared sample copy (tests/warehouse/conftest.py) with the old macros beside."""
    load_before(sample)
    return sample


def sample_spans(con) -> list[tuple[dt.date, dt.date, tuple]]:
    """(start, end, (platforms, opd_kinds, opd_ids)) the judgement statements are compared over
    on the sample: whole months, cut months, one platform past the data end, one OPD kind, one
    OPD in the running month."""
    data_end = run_queries.read_data_end(con)
    assert data_end is not None
    month = data_end.replace(day=1)
    half = periods.add_months(month, -5)
    kinds = sorted(r[0] for r in con.execute("select distinct kind from opd").fetchall())
    opd = con.execute("select min(opd_id) from posts").fetchone()[0]
    return [
        (half, month - dt.timedelta(days=1), ((), (), ())),  # whole months
        (half + dt.timedelta(days=9), data_end - dt.timedelta(days=3), ((), (), ())),  # cut
        (half, data_end + dt.timedelta(days=20), (("instagram",), (), ())),  # past the end
        (half, data_end, ((), (kinds[0],), ())),
        (month, data_end, ((), (), (opd,))),
    ]


@pytest.mark.parametrize("s", before_after.BOTH_RULES)
def test_sample_judgement_equals_the_macros_before(sample, s):
    data_end = run_queries.read_data_end(sample)
    rows = 0
    for start, end, filters in sample_spans(sample):
        p = parameters(start, end, filters, s, data_end, min(end, data_end))
        rows += check(sample, p, buckets=("period", "month", "week"))
    assert rows > 0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Always tried: the hand warehouse's posts over a period the data end cuts (day 19 of 58), and
# partial coverage (one OPD's logbook, one account's export for 10 days) with a period past it.
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
def test_random_judgement_equals_the_macros_before(
    posts, spans, when, data_end, filters, rule, per_month, per_week, as_of_after
):
    con = hand_warehouse(posts)
    load_before(con)
    if spans is not None:  # None: the hand warehouse's own coverage (every day, 2024-2027)
        coverage_spans_written(con, spans)
    start, days = when
    end = start + dt.timedelta(days=days)
    if data_end is None:  # the warehouse's own data end (v_data_end), as the app reads it
        data_end = run_queries.read_data_end(con)
    else:
        data_end = start + dt.timedelta(days=data_end)
    s = analyst_settings.Settings(
        activity_rule=rule, min_posts_per_month=per_month, min_posts_per_week=per_week
    )
    as_of = start + dt.timedelta(days=as_of_after)
    check(con, parameters(start, end, filters, s, data_end, as_of))
    con.close()
