"""Two Keaktifan statements planned in less time give the rows they gave at 1637a23:
- the Indeks Medsos macro opd_index (views/087_keaktifan.sql) without its three semi joins to
  `opds` (each part was cut to the expected OPDs, which made DuckDB materialize them and plan
  three more joins; base keeps opds' rows only). The old macro is kept word for word but for
  its name in tests/warehouse/before/opd_index_1637a23.sql; every q_*.sql file calling
  opd_index is run with the old and with the new macro, expected_only true and false;
- q_account_dormancy.sql without its semi joins to `accounts` and with the OPD scope read as
  scoped_opd_table (kept word for word in tests/warehouse/before/q_account_dormancy_1637a23.sql).
Same parameters and judgement relations for old and new; the frames must be equal, column
types, order and nulls included: on the sample's shared windows and on random hand warehouses
(random posts, coverage, data ends, filters, settings and periods)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import coverage_spans_written, hand_warehouse
from tests.warehouse import before_after
from tests.warehouse.before_after import run, span
from tests.warehouse.test_properties import post
from warehouse import analyst_settings
from warehouse.db import SQL_DIR, sql_text
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import JUDGED, JUDGED_AS_OF, judged_tables

BEFORE = Path(__file__).parent / "before" / "opd_index_1637a23.sql"
DORMANCY_BEFORE = (Path(__file__).parent / "before" / "q_account_dormancy_1637a23.sql").read_text(
    "utf-8"
)
_CALL = re.compile(r"\bopd_index\(")
# Every q_ file calling the macro (q_opd_index, q_keaktifan_figures).
Q_NAMES = sorted(p.stem for p in SQL_DIR.glob("q_*.sql") if _CALL.search(p.read_text("utf-8")))


def as_before(sql: str) -> str:
    return _CALL.sub("opd_index_before_1637a23(", sql)


def check(con, f: Filters, s: analyst_settings.Settings, data_end: dt.date | None) -> int:
    """Old and new macro equal through every q_ file calling it, expected_only both ways;
    returns the number of index rows compared (a caller can tell they were not all empty)."""
    as_of = min(f.end, data_end) if data_end is not None else f.end
    with run_queries.data_end_given(data_end):
        names, tables = judged_tables(con, f, s, as_of)
    rows = 0
    for expected_only in (True, False):
        params = {
            **run_queries.index_params(f, s, expected_only=expected_only),
            **run_queries.inactive_params(f, s, as_of),
            **names,
            "data_end": data_end,
        }
        for name in Q_NAMES:
            new = run(con, sql_text(name), params, tables)
            old = run(con, as_before(sql_text(name)), params, tables)
            assert old.schema == new.schema, (name, old.schema, new.schema)
            assert old.equals(new, null_equal=True), (name, f, expected_only, old, new)
            if name == "q_opd_index":
                rows += new.height
    params = {**f.params(), "dormant_days": s.dormant_days, "as_of": as_of, "data_end": data_end}
    new = run(con, sql_text("q_account_dormancy"), params, {})
    old = run(con, DORMANCY_BEFORE, params, {})
    assert old.schema == new.schema, ("q_account_dormancy", old.schema, new.schema)
    assert old.equals(new, null_equal=True), ("q_account_dormancy", f, old, new)
    return rows + new.height


def test_q_files_found():
    assert Q_NAMES == ["q_keaktifan_figures", "q_opd_index"]
    assert {JUDGED, JUDGED_AS_OF}  # the relations the q files read (judged_tables)


def test_sample_index_equals_the_macro_before(sample, sample_windows):
    sample.execute(BEFORE.read_text("utf-8"))
    data_end = run_queries.read_data_end(sample)
    rows = 0
    for s in (
        analyst_settings.Settings(),
        analyst_settings.Settings(activity_rule="opd_total", min_posts_per_month=12),
    ):
        for f in sample_windows.filters:
            rows += check(sample, f, s, data_end)
        # the three parts the semi joins filtered, under a filter of OPDs and platforms at once
        one = sample.execute("select min(opd_id) from posts").fetchone()[0]
        f = dataclasses.replace(
            sample_windows.filters[0], opd_ids=(one, one + 1), platforms=("facebook",)
        )
        rows += check(sample, f, s, data_end)
    assert rows > 0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(factory.POSTS, None, (dt.date(2026, 1, 1), 58), 19, ((), (), ()), 4)
@example(factory.POSTS, None, (dt.date(2025, 12, 1), 61), None, (("instagram",), (), (1, 4)), 2)
@given(
    st.lists(post, max_size=50),
    st.one_of(st.none(), st.lists(span, max_size=8)),
    st.tuples(st.dates(dt.date(2025, 11, 20), dt.date(2026, 2, 20)), st.integers(0, 100)),
    before_after.data_end_after_start,
    before_after.scope,
    st.integers(1, 12),
)
def test_random_index_equals_the_macro_before(posts, spans, when, data_end, scope, per_month):
    con = hand_warehouse(posts)
    con.execute(BEFORE.read_text("utf-8"))
    if spans is not None:
        coverage_spans_written(con, spans)
    start, days = when
    platforms, kinds, opd_ids = scope
    f = Filters(start, start + dt.timedelta(days=days), platforms, kinds, opd_ids)
    end = run_queries.read_data_end(con) if data_end is None else start + dt.timedelta(data_end)
    s = analyst_settings.Settings(min_posts_per_month=per_month, target_posts_per_month=per_month)
    check(con, f, s, end)
    con.close()
