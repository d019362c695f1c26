"""The judgement of whole calendar months read from the inputs kept per month (migration 380:
post_month_count, coverage_month, coverage_opd_month; opd_judgement_months,
q_periods_judgement_months.sql) gives the rows today's statements gave.

Kept word for word (tests/warehouse/before/*_380.sql, as they were at 1637a23): the macros of
views/030 (every name suffixed _before_380), q_periods_judgement.sql, q_months_judgement.sql and
q_period_judgement.sql. Compared, every column, type, order and null: the months statement
against the old periods' statement (with and without the first period's months) for periods of
whole months the data end does not cut, and through warehouse.queries.judgement (which picks the
months statement only for those: whole_months) the periods, the months and the period for any
period, cut by the data end or not, on month bounds or not. On the sample warehouse (its windows
and their whole months) and on random hand warehouses: random posts, random coverage (gaps, an
OPD's own logbook, an OPD with no account), random data ends, accounts moved between OPDs, filters
and both activity rules. The kept tables equal their recount (checks/judgement_months_match_days
.sql) after every write the tests make; the months statement refuses a bucket that is not whole
months."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import coverage_spans_written, hand_warehouse
from tests.warehouse import before_after
from tests.warehouse.before_after import parameters, run, same, span
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, coverage_days, day_counts, periods
from warehouse.db import SQL_DIR, sql_text
from warehouse.queries import judgement
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

BEFORE = Path(__file__).parent / "before"
MACROS = (BEFORE / "scope_and_activity_380.sql").read_text("utf-8")
OLD_NAMES = re.findall(r"CREATE OR REPLACE MACRO (\w+)_before_380", MACROS)
_CALL = re.compile(r"\b(" + "|".join(OLD_NAMES) + r")\(")
CHECK = (SQL_DIR / "checks" / "judgement_months_match_days.sql").read_text("utf-8")
DAY = dt.timedelta(days=1)


def old(name: str) -> str:
    """tests/warehouse/before/<name>_380.sql calling the old macros."""
    text = (BEFORE / f"{name}_380.sql").read_text("utf-8")
    return _CALL.sub(lambda m: f"{m.group(1)}_before_380(", text)


def load_before(con) -> None:
    con.execute(MACROS)
    before_after.minimum_from_its_definition(con, "_before_380")


def kept_equal_recount(con) -> None:
    cur = con.cursor()
    try:
        assert cur.execute(CHECK).fetchall() == []
    finally:
        cur.close()


def month_spans(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Periods of whole months inside [first, last]: the whole range's months, each month, the
    first two, and the year before the first (first, last) of them."""
    a = first if first.day == 1 else periods.add_months(first.replace(day=1), 1)
    b = (last + DAY).replace(day=1) - DAY
    if a > b:
        return []
    months = []
    m = a
    while m <= b:
        months.append((m, periods.add_months(m, 1) - DAY))
        m = periods.add_months(m, 1)
    spans = [(a, b), *months, (a, months[min(1, len(months) - 1)][1])]
    spans.append((periods.add_months(a, -12), periods.add_months(a, -11) - DAY))
    return list(dict.fromkeys(spans))


def check_statement(con, p: dict[str, Any], spans: list[tuple[dt.date, dt.date]]) -> int:
    """The months statement against the old periods' statement over `spans` (whole months the
    data end does not cut), with the first period's months and without; returns rows."""
    assert judgement.whole_months(spans, p["data_end"])
    q = {**p, "starts": [a for a, _ in spans], "ends_excl": [b + DAY for _, b in spans]}
    rows = 0
    for months in (True, False):
        v = {**q, "months": months}
        new = run(con, sql_text("q_periods_judgement_months"), v, {})
        same(run(con, old("q_periods_judgement"), v, {}), new, f"months statement {months}")
        rows += new.height
    return rows


def check_through_judgement(con, f: Filters, s: analyst_settings.Settings, spans) -> None:
    """warehouse.queries.judgement (the months statement where whole_months, else the days)
    against the old statements: the periods, the first period's months and each period alone,
    shared (the UI's store) and not."""
    data_end = run_queries.data_end_in_force(con)
    p = {**f.params(), **run_queries._activity_params(s), "data_end": data_end}
    old_p = {**p, "starts": [a for a, _ in spans], "ends_excl": [b + DAY for _, b in spans]}
    old_periods = run(con, old("q_periods_judgement"), {**old_p, "months": False}, {})
    first = f.shifted(*spans[0])
    p1 = {**first.params(), **run_queries._activity_params(s), "data_end": data_end}
    old_months = run(con, old("q_months_judgement"), p1, {})
    old_one = run(con, old("q_period_judgement"), {**p1, "counted_before": None}, {})
    same(old_periods, pl.from_arrow(judgement.periods_judgement(con, f, s, spans)), "periods")
    same(old_months, pl.from_arrow(judgement.month_judgement(con, first, s)), "months alone")
    same(old_one, pl.from_arrow(judgement.period_judgement(con, first, s)), "period alone")
    with run_queries.sharing({}):
        table = judgement.periods_judgement(con, f, s, spans)
        same(old_periods, pl.from_arrow(table), "periods shared")
        same(old_months, pl.from_arrow(judgement.month_judgement(con, first, s)), "months kept")
        same(old_one, pl.from_arrow(judgement.period_judgement(con, first, s)), "period kept")
    with run_queries.sharing({}):  # the month grid first (Keaktifan): the period along
        same(old_months, pl.from_arrow(judgement.month_judgement(con, first, s)), "grid")
        same(old_one, pl.from_arrow(judgement.period_judgement(con, first, s)), "grid period")
    upto = spans[0][0] + (spans[0][1] - spans[0][0]) // 2 + DAY
    old_upto = run(con, old("q_period_judgement"), {**p1, "counted_before": upto}, {})
    got = judgement.period_judgement(con, first, s, counted_before=upto)
    same(old_upto, pl.from_arrow(got), "period counted before a day")


@pytest.fixture(scope="module")
def sample_380(sample):
    load_before(sample)
    return sample


@pytest.mark.parametrize("s", before_after.BOTH_RULES)
def test_sample_whole_months_equal_the_statements_before(sample_380, s, sample_windows):
    con = sample_380
    kept_equal_recount(con)
    data_end = run_queries.read_data_end(con)
    rows = 0
    for f in sample_windows.filters:
        p = parameters(f.start, f.end, (f.platforms, f.opd_kinds, f.opd_ids), s, data_end, f.end)
        spans = month_spans(f.start, min(f.end, data_end))
        if spans:
            rows += check_statement(con, p, spans)
        # the window itself (cut months, past the data end, one day) and its whole months
        for chosen in ([(f.start, f.end)], [(f.start, f.end), *spans[:2]], spans):
            if chosen:
                with run_queries.data_end_given(data_end):
                    check_through_judgement(con, f, s, chosen)
    assert rows > 1000


def test_the_months_statement_refuses_a_bucket_of_part_months(sample_380):
    p = parameters(dt.date(2026, 1, 2), dt.date(2026, 1, 31), ((), (), ()),
                   analyst_settings.Settings(), dt.date(2026, 12, 31), dt.date(2026, 1, 31))  # fmt: skip
    p = {**p, "starts": [p["start"]], "ends_excl": [p["end_excl"]]}
    with pytest.raises(duckdb.Error, match="not a bucket of whole months"):
        run(sample_380, sql_text("q_periods_judgement_months"), p, {})


def test_whole_months_is_only_months_the_data_end_does_not_cut():
    jan, feb = (
        (dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        (dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
    )
    assert judgement.whole_months([jan, feb], dt.date(2026, 2, 28))
    assert judgement.whole_months([jan], dt.date(2026, 3, 5))
    assert not judgement.whole_months([jan, feb], dt.date(2026, 2, 27))  # cut by the data end
    assert not judgement.whole_months([jan], None)  # an empty warehouse
    assert not judgement.whole_months([(dt.date(2026, 1, 2), jan[1])], dt.date(2026, 3, 1))
    assert not judgement.whole_months([(jan[0], dt.date(2026, 1, 30))], dt.date(2026, 3, 1))
    assert not judgement.whole_months([], dt.date(2026, 3, 1))


def moved(con, account_id: int, to_opd: int) -> None:
    """An account moved to another OPD with its posts, as the master list's writers keep the
    per-day and covered-day tables (etl.account_moves, coverage_days.changed_accounts)."""
    (was,) = con.execute("SELECT opd_id FROM account WHERE account_id = ?", [account_id]).fetchone()
    before = coverage_days.account_keys(con)
    con.execute("UPDATE account SET opd_id = ? WHERE account_id = ?", [to_opd, account_id])
    con.execute("UPDATE posts SET opd_id = ? WHERE account_id = ?", [to_opd, account_id])
    day_counts.recount(con, [was, to_opd])
    coverage_days.changed_accounts(con, before)


# The hand warehouses' strategies (reused by the KPI tiles' tests: test_kpi_months):
POSTS = st.lists(post, max_size=50)
# coverage spans written (None: the hand warehouse's own coverage, every day 2024-2027)
COVERAGE = st.one_of(st.none(), st.lists(span, max_size=8))
# whole months: the first month (Dec 2025 + k) and how many
WHOLE_MONTHS = before_after.whole_months
# the data end: days after the last month's end (0: its last day; often cutting nothing);
# None: the warehouse's own
DATA_END = st.one_of(st.none(), st.integers(-20, 40))
FILTERS = st.sampled_from(
    [
        ((), (), ()),
        (("instagram",), (), ()),
        ((), ("dinas", "kecamatan"), ()),
        ((), (), (1, 4)),
        (("facebook", "tiktok"), (), (2, 4, 5)),
    ]
)  # fmt: skip
RULES = before_after.rule
PER_MONTH = st.integers(1, 12)
PER_WEEK = st.integers(0, 3)
# an account moved to another OPD before judging: (account, OPD), or none
MOVE = before_after.account_move


def built(posts, spans, move) -> duckdb.DuckDBPyConnection:
    """A hand warehouse of `posts` with the coverage spans written (None: its own) and the
    account moved (None: none), the kept month tables checked against their recount."""
    con = hand_warehouse(posts)
    if spans is not None:
        coverage_spans_written(con, spans)
    if move is not None:
        moved(con, *move)
    kept_equal_recount(con)
    return con


def whole_months_chosen(months, data_end, con):
    """(f's start, end, data end, the chosen period with the months before it as long and the
    year before) from WHOLE_MONTHS and DATA_END draws."""
    k, n = months
    start = periods.add_months(dt.date(2025, 12, 1), k)
    end = periods.add_months(start, n) - DAY
    own = data_end is None
    data_end = run_queries.read_data_end(con) if own else end + dt.timedelta(days=data_end)
    before = (periods.add_months(start, -n), start - DAY)
    year = (periods.add_months(start, -12), periods.add_months(end + DAY, -12) - DAY)
    return start, end, data_end, [(start, end), before, year]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Always tried: the hand warehouse's own posts and coverage, Dec-Feb with the data end at its
# end; a logbook of the OPD with no account (4) with a gap, an account's export for 10 days.
@example(factory.POSTS, None, (0, 3), 0, ((), (), ()), "account", 4, 1, None)
@example(
    factory.POSTS,
    [(4, None, None, dt.date(2025, 12, 1), 40), (4, "tiktok", None, dt.date(2026, 1, 20), 20),
     (2, "facebook", 3, dt.date(2026, 1, 5), 10), (1, None, None, dt.date(2025, 11, 20), 80)],
    (0, 2), 31, ((), (), ()), "opd_total", 6, 2, (3, 4),
)  # fmt: skip
@given(POSTS, COVERAGE, WHOLE_MONTHS, DATA_END, FILTERS, RULES, PER_MONTH, PER_WEEK, MOVE)
def test_random_whole_months_equal_the_statements_before(
    posts, spans, months, data_end, filters, rule, per_month, per_week, move
):
    con = built(posts, spans, move)
    load_before(con)
    start, end, data_end, chosen = whole_months_chosen(months, data_end, con)
    s = analyst_settings.Settings(
        activity_rule=rule, min_posts_per_month=per_month, min_posts_per_week=per_week
    )
    f = Filters(start, end, *filters)
    p = parameters(start, end, filters, s, data_end, end)
    if judgement.whole_months(chosen, data_end):
        check_statement(con, p, chosen)
    with run_queries.data_end_given(data_end):
        check_through_judgement(con, f, s, chosen)
    con.close()
