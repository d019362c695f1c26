"""The per-OPD judgement of a period computed once and shared by the figures that read it.

The Indeks Medsos, the not-active list, their counts (Keaktifan's figures), the kecamatan
roll-up and the activity by OPD kind all read opd_judgement('period', ...) of the same filters
and settings (views/030_scope_and_activity.sql). Each used to judge the period again inside its
own query; now q_period_judgement.sql judges it once, and the result (an Arrow table with
DuckDB's own column types) is registered on each reading query's cursor under the names the
SQL reads (`query_table($judged)`, `query_table($judged_as_of)`). Inside
warehouse.queries.run.sharing (the UI: one store per data version) the judgement of the same
filters, settings and data end is computed once and handed to every figure; outside it, once
per call. The KPI tiles judge the chosen period and the periods it is compared with in one
statement (periods_judgement, q_periods_judgement.sql): planning the macro stack costs more
than running it (about 80-120 ms of a judgement's 100-150 ms CPU at 1M posts), so judging each
period apart, even the chosen one read from the store, would cost more than judging all of
them together.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterator
from typing import Any

import duckdb

from warehouse.analyst_settings import Settings
from warehouse.periods import add_months
from warehouse.queries.filters import Filters
from warehouse.queries.run import (
    _activity_params,
    _run_arrow,
    data_end_in_force,
    is_kept,
    is_sharing,
    keep,
    once,
)

# The names the q_*.sql files read the judgement under (query_table).
JUDGED = "judged_period"
JUDGED_AS_OF = "judged_period_as_of"
JUDGED_PERIODS = "judged_periods"
JUDGED_MONTHS = "judged_months"

# Whether periods_judgement judges the first period's months along inside a sharing block (the
# UI's store, read later by the activity trend and the month grid): off in a store kept for one
# call only (summary.kpi_summary outside the UI), where nothing would read them.
_MONTHS_ALONG: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "pantau_months_along", default=True
)


@contextlib.contextmanager
def no_months_along() -> Iterator[None]:
    """Inside the block, periods_judgement judges no months along (_MONTHS_ALONG)."""
    token = _MONTHS_ALONG.set(False)
    try:
        yield
    finally:
        _MONTHS_ALONG.reset(token)


def period_judgement(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    s: Settings,
    counted_before: dt.date | None = None,
) -> Any:
    """opd_judgement('period', ...) of every OPD in scope (q_period_judgement.sql) as a
    pyarrow Table: period_start, opd_id, opd_kind, expected_to_post, posts, max_account_posts,
    counted_posts, required_posts, is_active, data_complete, n_accounts, n_accounts_missing,
    judged_through, activity_status, is_judged, data_state, judgement. counted_before: only
    posts published before it count (None: every post of the period)."""
    key = ("period_judgement", f, s, counted_before)
    return once(key, lambda: _judge_period(con, f, s, counted_before))


def _judge_period(
    con: duckdb.DuckDBPyConnection, f: Filters, s: Settings, counted_before: dt.date | None
) -> Any:
    params = {**f.params(), **_activity_params(s), "data_end": data_end_in_force(con)}
    if counted_before is None and whole_months([(f.start, f.end)], params["data_end"]):
        return period_rows(_run_months(con, params, [(f.start, f.end)], months=False), 1)
    return _run_arrow(con, "q_period_judgement", {**params, "counted_before": counted_before})


def whole_months(periods: list[tuple[dt.date, dt.date]], data_end: dt.date | None) -> bool:
    """Whether every period ((first, last) days, inclusive) is whole calendar months that the
    data end does not cut (its last day is the data end or before): then each of its buckets
    ('period', 'month') is whole months, counted and covered over the same days, and
    q_periods_judgement_months.sql (the inputs kept per month, migration 380) gives
    q_periods_judgement.sql's rows. Any other period (cut by the data end, not on month
    bounds, after an empty warehouse's none) is judged from the days."""
    return (
        bool(periods)
        and data_end is not None
        and all(calendar_months(a, b) and b <= data_end for a, b in periods)
    )


def holds_a_whole_month(periods: list[tuple[dt.date, dt.date]], data_end: dt.date | None) -> bool:
    """Whether some period ((first, last) days, inclusive), cut at the data end, holds a whole
    calendar month: then q_periods_judgement_mixed.sql reads it from the months kept (the
    running month's periods: a third cheaper than the days' statement at 1M posts); periods of
    days only (a week) run the days' statement, which plans less."""
    for a, b in periods:
        last = b if data_end is None else min(b, data_end)
        first = a if a.day == 1 else add_months(a.replace(day=1), 1)
        if add_months(first, 1) - dt.timedelta(days=1) <= last:
            return True
    return False


def calendar_months(first: dt.date, last: dt.date) -> bool:
    """Whether [first, last] (inclusive) is whole calendar months: first a month's first day,
    last a month's last day, not before it. Then every post of the period lies in whole months
    of the tables kept per month (post_content_month, post_month_count)."""
    return first.day == 1 and (last + dt.timedelta(days=1)).day == 1 and first <= last


def _run_months(
    con: duckdb.DuckDBPyConnection,
    params: dict[str, Any],
    periods: list[tuple[dt.date, dt.date]],
    months: bool,
) -> Any:
    """q_periods_judgement_months.sql over `periods` (whole_months), with the first period's
    months when `months`."""
    return _run_arrow(
        con,
        "q_periods_judgement_months",
        {
            **params,
            "starts": [a for a, _ in periods],
            "ends_excl": [b + dt.timedelta(days=1) for _, b in periods],
            "months": months,
        },
    )


def month_judgement(con: duckdb.DuckDBPyConnection, f: Filters, s: Settings) -> Any:
    """opd_judgement('month', ...) of every OPD in scope over f's period, as a pyarrow Table
    with period_judgement's columns (a row per OPD and month judged; months after the data end
    are not judged). Inside a sharing block with the period's judgement not kept yet, judged
    in one statement with the period as a whole (q_periods_judgement.sql with $months: one
    plan for both), whose period rows are kept as period_judgement's result for f: a page
    asking the month grid before the index, the not-active list and the roll-up (Keaktifan)
    plans one judgement statement for all of them. Ringkasan and Tren find the months kept
    already: the KPI tiles judged them with their periods (periods_judgement). When the
    period's judgement is kept (and the months not) or nothing is shared, the months alone
    (q_months_judgement.sql). Read by the month grid and the activity trend; shared like
    period_judgement, keyed by f and the settings."""
    return once(("month_judgement", f, s), lambda: _judge_months(con, f, s))


def _judge_months(con: duckdb.DuckDBPyConnection, f: Filters, s: Settings) -> Any:
    params = {**f.params(), **_activity_params(s), "data_end": data_end_in_force(con)}
    whole = ("period_judgement", f, s, None)
    by_month = whole_months([(f.start, f.end)], params["data_end"])
    if not is_sharing() or is_kept(whole):
        if by_month:
            return period_rows(_run_months(con, params, [(f.start, f.end)], months=True), 0)
        return _run_arrow(con, "q_months_judgement", params)
    if by_month:
        both = _run_months(con, params, [(f.start, f.end)], months=True)
    else:
        both = _run_arrow(
            con,
            "q_periods_judgement",
            {
                **params,
                "starts": [f.start],
                "ends_excl": [f.end + dt.timedelta(days=1)],
                "months": True,
            },
        )
    keep(whole, period_rows(both, 1))
    return period_rows(both, 0)


def periods_judgement(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    s: Settings,
    periods: list[tuple[dt.date, dt.date]],
) -> Any:
    """opd_judgement('period', ...) of every OPD in scope over each of `periods` ((first, last)
    days, inclusive; f's own dates are not read), judged in one statement
    (q_periods_judgement.sql: the macro stack planned once for all of them) as a pyarrow
    Table: i (1-based position in `periods`), period_judgement's columns, then opd (the OPD's
    name, for the compared set: warehouse.queries.compared). The rows of period i are
    period_judgement's rows for f over that period (period_rows). Shared like
    period_judgement (warehouse.queries.run.once), keyed by f, the settings and the periods."""
    params = {
        **f.params(),
        **_activity_params(s),
        "starts": [a for a, _ in periods],
        "ends_excl": [b + dt.timedelta(days=1) for _, b in periods],
    }
    key = ("periods_judgement", f, s, tuple(periods))
    return once(key, lambda: _judge_periods(con, f, s, periods, params))


def _judge_periods(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    s: Settings,
    periods: list[tuple[dt.date, dt.date]],
    params: dict[str, Any],
) -> Any:
    """q_periods_judgement.sql's table of the periods (rows i >= 1); inside a sharing block each
    period's rows are also kept as period_judgement's result for f over that period (the same
    rows: opd_judgement_of judges each bucket on its own rows), so a page asking for the
    period's judgement after the KPI tiles (Ringkasan's index) plans no judgement statement of
    its own; and, unless kept already, the months of the first period (the chosen one) are
    judged in the same statement and kept as month_judgement's result for f over it (the
    activity trend of Ringkasan and Tren): one plan for both, about two thirds of the time of
    two statements."""
    first = f.shifted(*periods[0]) if periods else f
    months_key = ("month_judgement", first, s)
    months = bool(periods) and is_sharing() and _MONTHS_ALONG.get() and not is_kept(months_key)
    data_end = data_end_in_force(con)
    # Whole months the data end leaves uncut: from the months kept; other periods holding a
    # whole month (the running month's, cut by the data end): their whole months from the
    # months kept and only their other days from the days. The same rows either way.
    if whole_months(periods, data_end):
        name = "q_periods_judgement_months"
    elif holds_a_whole_month(periods, data_end):
        name = "q_periods_judgement_mixed"
    else:  # days only: the mixed statement would plan more than it saves
        name = "q_periods_judgement"
    table = _run_arrow(con, name, {**params, "data_end": data_end, "months": months})
    if months:
        keep(months_key, period_rows(table, 0))
        n_months = bisect.bisect_right(table.column("i").to_pylist(), 0)
        table = table.slice(n_months)
    for i, (first_day, last_day) in enumerate(periods, start=1):
        keep(("period_judgement", f.shifted(first_day, last_day), s, None), period_rows(table, i))
    return table


def period_rows(table: Any, i: int) -> Any:
    """The rows of period i (1-based; 0: the months of period 1) of a q_periods_judgement table
    (ordered by i, as q_periods_judgement.sql orders it), without the columns i and opd: a
    period_judgement table (same columns, types and order; for 0, month_judgement's)."""
    return period_slice(table, i).drop_columns(["i", "opd"])


def period_slice(table: Any, i: int) -> Any:
    """The rows of period i (1-based) of a periods_judgement table, every column kept."""
    ii = table.column("i").to_pylist()
    lo, hi = bisect.bisect_left(ii, i), bisect.bisect_right(ii, i)
    return table.slice(lo, hi - lo)


def judged_tables(
    con: duckdb.DuckDBPyConnection, f: Filters, s: Settings, as_of: dt.date | None = None
) -> tuple[dict[str, str], dict[str, Any]]:
    """($parameters naming the judgements, the relations to register) for a query reading the
    period's judgement ($judged) and, for the not-active list, its judgement counting posts up
    to as_of ($judged_as_of). Counting up to as_of is the same judgement as the period's when
    as_of is the period's last day or later (no post of the period lies after it): then both
    names read the one computed judgement."""
    whole = period_judgement(con, f, s)
    if as_of is None or as_of >= f.end:
        upto = whole
    else:
        upto = period_judgement(con, f, s, counted_before=as_of + dt.timedelta(days=1))
    names = {"judged": JUDGED, "judged_as_of": JUDGED_AS_OF}
    return names, {JUDGED: whole, JUDGED_AS_OF: upto}
