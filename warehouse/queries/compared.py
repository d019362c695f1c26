"""The compared set of the KPI tiles' comparisons (warehouse.compare.restrict): which OPDs in
scope have complete data on both compared spans, read from the judgement of the periods the
tiles measure instead of a statement of its own.

"Complete" has one definition, macro opd_coverage (views/030_scope_and_activity.sql).
compared_opds (views/170_compared_opds.sql) reads it over each span as one bucket; the period
judgement opd_judgement('period', start, end_excl) reads it over [start, judged_end), and
judged_end is end_excl itself unless the data end falls inside the span (before its last day).
The spans a comparison compares end by the data end (warehouse.compare.plan cuts the chosen
period at the data end, and the other period lies before it), and the KPI tiles judge every
one of them anyway (judgement.periods_judgement, one statement for all). So each OPD's
data_complete in those rows is compared_opds' complete_current / complete_other, and the set
costs no statement (q_compared_opds: 30-40 ms CPU at 1M posts, most of it DuckDB planning
opd_coverage twice). A span the data end cuts (bounds given past the data end) is read
through q_compared_opds, as before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import polars as pl

from warehouse import compare
from warehouse.analyst_settings import Settings
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import period_slice, periods_judgement
from warehouse.queries.run import _run

Span = tuple[dt.date, dt.date]
_DAY = dt.timedelta(days=1)


def restricted(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    s: Settings,
    plans: dict[compare.Kind, compare.Comparison],
    periods: list[Span],
    data_end: dt.date | None,
) -> dict[compare.Kind, compare.Comparison]:
    """plans with their compared sets (compare.restrict; a plan not comparable as it is).
    periods: the spans the tiles measure ((first, last) days, inclusive), holding the current
    and other span of every comparable plan; data_end: v_data_end's value, the one $data_end
    is bound to. Raises ValueError when a compared span is not in periods."""
    todo = [k for k, p in plans.items() if p.comparable]
    if not todo:
        return dict(plans)
    spans = [x for k in todo for x in (plans[k].current, plans[k].other)]
    if not all(_judged_whole(x, data_end) for x in spans):
        return _from_statement(con, f, plans, todo)
    missing = [x for x in spans if x not in periods]
    if missing:
        raise ValueError(f"rentang pembanding tidak diukur: {missing}")
    table = periods_judgement(con, f, s, periods)
    out = dict(plans)
    for k in todo:
        cur = _complete(table, periods.index(plans[k].current) + 1)
        oth = _complete(table, periods.index(plans[k].other) + 1)
        out[k] = compare.restrict(
            plans[k],
            (
                compare.Completeness(opd_id, name, complete, oth[opd_id][1])
                for opd_id, (name, complete) in cur.items()
            ),
        )
    return out


def _judged_whole(span: Span, data_end: dt.date | None) -> bool:
    """Whether opd_judgement judges the span to its own end (judged_end: the data end cuts a
    span only when it falls inside it, before its last day)."""
    return data_end is None or not span[0] <= data_end < span[1]


def _complete(table: Any, i: int) -> dict[int, tuple[str, bool]]:
    """Per OPD in scope (in opd_id order): its name and whether its data for period i is
    complete (data_complete of the one 'period' bucket)."""
    rows = period_slice(table, i).select(["opd_id", "opd", "data_complete"]).to_pylist()
    return {r["opd_id"]: (r["opd"], bool(r["data_complete"])) for r in rows}


def _from_statement(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    plans: dict[compare.Kind, compare.Comparison],
    todo: list[compare.Kind],
) -> dict[compare.Kind, compare.Comparison]:
    """The compared sets from q_compared_opds.sql (macro compared_opds), one statement."""
    found = _run(
        con,
        "q_compared_opds",
        {
            **f.params(),
            "cur_starts": [plans[k].current[0] for k in todo],
            "cur_ends_excl": [plans[k].current[1] + _DAY for k in todo],
            "oth_starts": [plans[k].other[0] for k in todo],
            "oth_ends_excl": [plans[k].other[1] + _DAY for k in todo],
        },
    )
    out = dict(plans)
    for i, k in enumerate(todo, start=1):
        mine = found.filter(pl.col("i") == i).iter_rows(named=True)
        out[k] = compare.restrict(
            plans[k],
            (
                compare.Completeness(
                    r["opd_id"], r["opd"], r["complete_current"], r["complete_other"]
                )
                for r in mine
            ),
        )
    return out
