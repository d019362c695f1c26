"""The coverage grid, the completeness counts, the collection checklist, the accounts' latest
exports and the content mix read with fewer operators give the rows they gave.

Kept word for word (tests/warehouse/before/*_0f8c6b4.sql, as they were at main 0f8c6b4): the
coverage macros (v_coverage_island, account_month_status, account_month_coverage; the coverage
rule opd_coverage_given, opd_coverage_of, opd_coverage; every name suffixed _before_0f8c6b4) and
q_coverage_status, q_coverage_grid, q_coverage_bare_opds, q_coverage_accounts, q_content_mix.
Compared, every column, type, order and null: the macros directly (a period, none, no data end),
each statement old against new, the content mix of whole months (q_content_mix_months.sql)
against q_content_mix.sql, and through warehouse.coverage / warehouse.queries.content (the
status relation kept from the grid or read on its own, shared or not; content_mix choosing its
statement by periods.is_whole_months) for any period. On the sample warehouse (its windows and
their whole months) and on random hand warehouses (the strategies of the judgement tests:
random posts, coverage spans with gaps and logbooks of the OPD without an account, data ends,
an account moved to another OPD, filters, deadlines). coverage_month's new columns (migration
410) equal their recount after every write the tests make
(checks/judgement_months_match_days.sql)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import coverage_spans_written, hand_warehouse
from tests.warehouse.before_after import data_end_after_start, period, run, same, scope, span
from tests.warehouse.test_judgement_months import kept_equal_recount, moved
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, coverage, periods
from warehouse.db import sql_text
from warehouse.queries import content
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

BEFORE = Path(__file__).parent / "before"
MACROS = (BEFORE / "coverage_0f8c6b4.sql").read_text("utf-8")
OLD_NAMES = sorted(
    set(re.findall(r"CREATE OR REPLACE (?:MACRO|VIEW) (\w+)_before_0f8c6b4", MACROS))
)
_CALL = re.compile(r"\b(" + "|".join(OLD_NAMES) + r")\b(?=\()")
STATEMENTS = ("q_coverage_status", "q_coverage_grid", "q_coverage_bare_opds",
              "q_coverage_accounts", "q_content_mix")  # fmt: skip
DAY = dt.timedelta(days=1)
MACRO_ROWS = "select * from {}($first, $until, $cut) order by account_id, month_start"


def old(name: str) -> str:
    """tests/warehouse/before/<name>_0f8c6b4.sql calling the old macros."""
    text = (BEFORE / f"{name}_0f8c6b4.sql").read_text("utf-8")
    return _CALL.sub(lambda m: f"{m.group(1)}_before_0f8c6b4", text)


def test_the_reference_names_every_macro_the_old_statements_call():
    assert set(OLD_NAMES) >= {"account_month_status", "account_month_coverage", "opd_coverage"}
    for name in STATEMENTS:
        assert (BEFORE / f"{name}_0f8c6b4.sql").exists()


def params(f: Filters, data_end: dt.date | None, deadline: int, as_of: dt.date) -> dict[str, Any]:
    return {**f.params(), "data_end": data_end, "deadline_day": deadline, "as_of": as_of}


def whole(f: Filters) -> Filters:
    """The period's months, whole (what waited_logbooks passes q_coverage_bare_opds)."""
    last = periods.add_months(f.end.replace(day=1), 1) - DAY
    return f.shifted(f.start.replace(day=1), last)


def check(con, f: Filters, data_end: dt.date | None, deadline: int, as_of: dt.date) -> int:
    """Every rewritten statement and macro, old against new, for one choice; returns rows."""
    p = params(f, data_end, deadline, as_of)
    rows = 0
    for first, until in ((f.start, p["end_excl"]), (None, None), (f.start, None)):
        for cut in (data_end, None):
            q = {"first": first, "until": until, "cut": cut}
            for macro in ("account_month_status", "account_month_coverage"):
                got = run(con, MACRO_ROWS.format(macro), q, {})
                same(run(con, MACRO_ROWS.format(f"{macro}_before_0f8c6b4"), q, {}), got, macro)
                rows += got.height
    status = run(con, sql_text("q_coverage_status"), p, {})
    same(run(con, old("q_coverage_status"), p, {}), status, "status")
    grid = run(con, sql_text("q_coverage_grid"), p, {})
    same(run(con, old("q_coverage_grid"), p, {}), grid.drop("operator_name"), "grid")
    # the grid's rows are the status relation (coverage_grid keeps them as it)
    same(status, grid.select(status.columns), "status from the grid")
    bare_rows = 0
    for g in (whole(f), f):  # whole months (as waited_logbooks passes them) and cut ones
        months = params(g, data_end, deadline, as_of)
        bare = run(con, sql_text("q_coverage_bare_opds"), months, {})
        same(run(con, old("q_coverage_bare_opds"), months, {}), bare, f"bare OPDs {g}")
        bare_rows += bare.height
    accounts = run(con, sql_text("q_coverage_accounts"), p, {})
    same(run(con, old("q_coverage_accounts"), p, {}), accounts, "accounts")
    mix = run(con, old("q_content_mix"), p, {})
    if periods.is_whole_months(f.start, f.end):
        same(mix, run(con, sql_text("q_content_mix_months"), p, {}), "content mix of months")
    return rows + status.height + bare_rows + accounts.height + mix.height


def check_through_python(con, f: Filters, s: analyst_settings.Settings, as_of: dt.date) -> None:
    """warehouse.coverage's counts, checklist and grid, and the content mix, against the old
    statements: the status relation read alone or kept from the grid, shared or not."""
    data_end = run_queries.data_end_in_force(con)
    p = params(f, data_end, s.collection_deadline_day, as_of)
    old_status = run(con, old("q_coverage_status"), p, {})
    old_grid = run(con, old("q_coverage_grid"), p, {})
    got = coverage.coverage_grid(con, f, s, as_of)
    same(run_queries._plain_numbers(old_grid), got, "coverage_grid")
    summary = coverage.summarize(old_status)
    months = [f.end.replace(day=1), f.start.replace(day=1), periods.add_months(f.end, 1)]
    alone = [coverage.coverage_missing(con, f, m, s, as_of) for m in months]
    assert coverage.coverage_summary(con, f, s, as_of) == summary
    for grid_first in (True, False):
        with run_queries.sharing({}):
            if grid_first:  # Kelengkapan: the grid, then the counts and the checklist
                same(got, coverage.coverage_grid(con, f, s, as_of), "grid shared")
            same(old_status, coverage._status(con, f, s, as_of), f"status {grid_first}")
            assert coverage.coverage_summary(con, f, s, as_of) == summary
            for m, one in zip(months, alone, strict=True):
                same(one, coverage.coverage_missing(con, f, m, s, as_of), f"missing {m}")
    same(run(con, old("q_content_mix"), p, {}), content.content_mix(con, f), "content_mix")


def test_sample_coverage_equals_the_statements_before(sample, sample_windows):
    con = sample
    con.execute(MACROS)
    kept_equal_recount(con)
    data_end = run_queries.read_data_end(con)
    s = analyst_settings.Settings()
    rows = 0
    for f in sample_windows.filters:
        for g in (f, whole(f)):
            for as_of in (sample_windows.last, sample_windows.last + dt.timedelta(days=40)):
                rows += check(con, g, data_end, s.collection_deadline_day, as_of)
            with run_queries.data_end_given(data_end):
                check_through_python(con, g, s, sample_windows.last + DAY)
    assert rows > 1000


def test_content_mix_reads_the_months_only_for_whole_months(monkeypatch, sample):
    seen: list[str] = []
    real = run_queries._fetch_arrow

    def spy(con, name, params, tables=None):
        seen.append(name)
        return real(con, name, params, tables)

    monkeypatch.setattr(run_queries, "_fetch_arrow", spy)
    content.content_mix(sample, Filters(dt.date(2026, 6, 1), dt.date(2026, 11, 30)))
    content.content_mix(sample, Filters(dt.date(2026, 6, 1), dt.date(2026, 11, 29)))
    content.content_mix(sample, Filters(dt.date(2026, 6, 2), dt.date(2026, 6, 30)))
    assert seen == ["q_content_mix_months", "q_content_mix", "q_content_mix"]


def test_the_grid_keeps_the_status_relation_of_its_page(monkeypatch, sample):
    """Kelengkapan reads the grid, then the counts and the checklist: one statement."""
    seen: list[str] = []
    real = run_queries._fetch_arrow

    def spy(con, name, params, tables=None):
        seen.append(name)
        return real(con, name, params, tables)

    monkeypatch.setattr(run_queries, "_fetch_arrow", spy)
    f = Filters(dt.date(2026, 6, 1), dt.date(2026, 11, 30))
    with run_queries.sharing({}):
        coverage.coverage_grid(sample, f)
        coverage.coverage_summary(sample, f)
    assert [n for n in seen if n.startswith("q_coverage")] == ["q_coverage_grid"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Always tried: the hand warehouse's own posts and coverage; a logbook of the OPD with no
# account (4) with a gap, an export of account 3 for 10 days, a month the data end cuts.
@example(factory.POSTS, None, (dt.date(2026, 1, 1), 58), 19, ((), (), ()), 10, 20, None)
# The data end (11 Jan) cuts January: OPD 1's logbook covers its accounts to it (the month is
# in as far as any data goes: to_data_end), account 3's export only to the day before.
@example(
    factory.POSTS,
    [(1, None, None, dt.date(2026, 1, 1), 10), (2, "facebook", 3, dt.date(2026, 1, 1), 9),
     (3, "instagram", 4, dt.date(2026, 1, 3), 8)],
    (dt.date(2026, 1, 1), 30), 10, ((), (), ()), 5, 20, None,
)  # fmt: skip
@example(
    factory.POSTS,
    [(4, None, None, dt.date(2025, 12, 1), 40), (4, "tiktok", None, dt.date(2026, 1, 20), 20),
     (2, "facebook", 3, dt.date(2026, 1, 5), 10), (1, None, None, dt.date(2025, 11, 20), 80)],
    (dt.date(2025, 12, 1), 89), 50, ((), (), ()), 5, 45, (3, 4),
)  # fmt: skip
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(span, max_size=8)),
    # the period (first day, days after it): any, or whole months
    st.one_of(
        period,
        st.tuples(
            st.sampled_from([dt.date(2025, 12, 1), dt.date(2026, 1, 1)]),
            st.sampled_from([30, 58, 89]),
        ),
    ),
    data_end_after_start,
    scope,
    st.integers(1, 28),
    # as of: days after the period's start (before or after the months' deadlines)
    st.integers(0, 120),
    # an account moved to another OPD: (account, OPD), or none
    st.one_of(st.none(), st.tuples(st.integers(1, 6), st.sampled_from([1, 2, 4, 6]))),
)
def test_random_coverage_equals_the_statements_before(
    posts, spans, when, data_end, filters, deadline, as_of_after, move
):
    con = hand_warehouse(posts)
    con.execute(MACROS)
    if spans is not None:  # None: the hand warehouse's own coverage (every day, 2024-2027)
        coverage_spans_written(con, spans)
    if move is not None:
        moved(con, *move)
    kept_equal_recount(con)
    start, days = when
    end = start + dt.timedelta(days=days)
    own = data_end is None
    data_end = run_queries.read_data_end(con) if own else start + dt.timedelta(days=data_end)
    f = Filters(start, end, *filters)
    as_of = start + dt.timedelta(days=as_of_after)
    check(con, f, data_end, deadline, as_of)
    s = analyst_settings.Settings(collection_deadline_day=deadline)
    with run_queries.data_end_given(data_end):
        check_through_python(con, f, s, as_of)
    con.close()
