"""The judgement read from the covered days kept at load time (coverage_day, coverage_opd_day:
migration 280) gives the rows it gave when every statement expanded the live spans into days.

The old view and macros are kept word for word in tests/warehouse/before/coverage_day_280.sql
(v_coverage_day, opd_coverage, opd_judgement, compared_opds as at 273a49a, renamed with
_before_280). Every q_*.sql file naming one of them is run with the old and with the new ones,
and the macros directly for every bucket, with and without counted_before; the frames must be
equal, column types, order and nulls included. On the sample warehouse and on hand warehouses
with random posts and random coverage (whole, partial, missing, reversed spans; logbook,
platform and account rows; undone loads; OPDs without an account), where the kept days come
from `factory.coverage_written`; tests/coverage/test_coverage_days_paths.py runs `check` on
warehouses written through the loader, undo and the master list instead.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import coverage_written, hand_warehouse
from tests.warehouse.test_judgement_planning import PERIODS_360, parameters, run, same, sample_spans
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, periods
from warehouse.db import SQL_DIR, connect, sql_text
from warehouse.queries import run as run_queries
from warehouse.queries.judgement import JUDGED, JUDGED_AS_OF, JUDGED_MONTHS, JUDGED_PERIODS

BEFORE = Path(__file__).parents[1] / "warehouse" / "before" / "coverage_day_280.sql"
OLD_NAMES = ("v_coverage_day", "opd_coverage", "opd_judgement", "compared_opds")
_NAME = re.compile(r"\b(" + "|".join(OLD_NAMES) + r")\b(?!_before_280)")
# Every q_*.sql file that names one of them.
Q_NAMES = sorted(p.stem for p in SQL_DIR.glob("q_*.sql") if _NAME.search(p.read_text("utf-8")))

JUDGEMENT = """
    select * from opd_judgement($bucket, $start, $end_excl, $platforms, $opd_kinds, $opd_ids,
                                $min_per_month, $min_per_week, $activity_rule, $data_end,
                                counted_before := $counted_before)
    order by all"""
COVERAGE = """
    select * from opd_coverage($bucket, $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    order by all"""
COMPARED = """
    select * from compared_opds($start, $end_excl, $oth_start, $oth_end_excl, $platforms,
                                $opd_kinds, $opd_ids)
    order by all"""
DAYS = "select * from v_coverage_day order by all"


def as_before(sql: str) -> str:
    """`sql` reading the old view and macros instead of the new ones."""
    return _NAME.sub(lambda m: f"{m.group(1)}_before_280", sql)


def load_before(con) -> None:
    con.execute(BEFORE.read_text("utf-8"))


def _params(p: dict[str, Any]) -> dict[str, Any]:
    """The planning test's parameters and those the coverage q_ files name besides."""
    start, end_excl = p["start"], p["end_excl"]
    oth = (periods.add_months(start, -12), periods.add_months(end_excl, -12))
    return {
        **p, "oth_start": oth[0], "oth_end_excl": oth[1], "cur_starts": [start, oth[0]],
        "cur_ends_excl": [end_excl, oth[1]], "oth_starts": [oth[0], start],
        "oth_ends_excl": [oth[1], end_excl],
    }  # fmt: skip


def check(con, p: dict[str, Any], buckets=("period", "month", "week", "day")) -> int:
    """Old and new equal for every q_ file naming the old view or macros, the macros directly
    (for `buckets`) and the covered days themselves; returns the judgement rows compared (so a
    caller can tell they were not all empty)."""
    p = _params(p)
    same(run(con, as_before(DAYS), p, {}), run(con, DAYS, p, {}), "v_coverage_day")
    tables = {}
    for side in ("old", "new"):
        one, many = sql_text("q_period_judgement"), sql_text("q_periods_judgement")
        months = sql_text("q_months_judgement")
        if side == "old":  # q_periods_judgement as it was at 314e6ff (it calls opd_judgement)
            one, many, months = as_before(one), as_before(PERIODS_360), as_before(months)
        upto = {**p, "counted_before": p["as_of"] + dt.timedelta(days=1)}
        tables[side] = {
            JUDGED: run(con, one, p, {}).to_arrow(),
            JUDGED_AS_OF: run(con, one, upto, {}).to_arrow(),
            JUDGED_PERIODS: run(con, many, p, {}).to_arrow(),
            JUDGED_MONTHS: run(con, months, p, {}).to_arrow(),
        }
    for name in Q_NAMES:
        v = {**p, "judged": JUDGED_PERIODS if name == "q_kpi" else JUDGED,
             "judged_as_of": JUDGED_AS_OF, "judged_months": JUDGED_MONTHS}  # fmt: skip
        sql = sql_text(name)
        same(run(con, as_before(sql), v, tables["old"]), run(con, sql, v, tables["new"]), name)
    rows = 0
    for bucket in buckets:
        for counted_before in (None, p["as_of"] + dt.timedelta(days=1)):
            v = {**p, "bucket": bucket, "counted_before": counted_before}
            new = run(con, JUDGEMENT, v, {})
            same(run(con, as_before(JUDGEMENT), v, {}), new, f"opd_judgement {bucket}")
            rows += new.height
        same(run(con, as_before(COVERAGE), v, {}), run(con, COVERAGE, v, {}), "opd_coverage")
    same(run(con, as_before(COMPARED), p, {}), run(con, COMPARED, p, {}), "compared_opds")
    return rows


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = factory.private_copy(factory.sample_warehouse(), tmp_path_factory.mktemp("days"))
    con = connect(path)
    load_before(con)
    yield con
    con.close()


def test_sample_judgement_equals_the_expanded_spans(sample):
    data_end = run_queries.read_data_end(sample)
    s = analyst_settings.Settings()
    rows = 0
    for start, end, filters in sample_spans(sample):
        p = parameters(start, end, filters, s, data_end, min(end, data_end))
        rows += check(sample, p, buckets=("period", "month", "week"))
    assert rows > 0


# Coverage rows: (load 1-3, opd_id, platform or None, account_id or None, first day, days); a
# logbook row (platform None) covers every account of its OPD. Load 3 is undone.
span = st.tuples(
    st.sampled_from([1, 1, 2, 3]),
    st.sampled_from([1, 2, 3, 4, 5, 6]),
    st.sampled_from([None, "facebook", "instagram", "tiktok"]),
    st.sampled_from([None, None, 1, 2, 3, 4, 5, 6]),
    st.dates(dt.date(2025, 11, 15), dt.date(2026, 2, 15)),
    st.integers(-3, 75),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=40),
    st.lists(span, max_size=10),
    st.dates(dt.date(2025, 11, 20), dt.date(2026, 2, 20)),
    st.integers(0, 100),
    st.one_of(st.none(), st.integers(-15, 110)),
    st.sampled_from(
        [
            ((), (), ()),
            (("instagram",), (), ()),
            ((), ("dinas", "desa"), ()),
            ((), (), (1, 4)),
            (("facebook", "tiktok"), (), (4, 6)),
        ]
    ),  # fmt: skip
    st.sampled_from(["account", "opd_total"]),
)
def test_random_judgement_equals_the_expanded_spans(
    posts, spans, start, days, data_end, filters, rule
):
    con = hand_warehouse(posts)
    load_before(con)
    con.execute("DELETE FROM load_coverage")
    con.execute(
        "INSERT INTO loads (load_id, file_name, sha256, status) VALUES"
        " (2, 'b.csv', 'b', 'loaded'), (3, 'c.csv', 'c', 'undone')"
    )
    for load_id, opd_id, platform, account_id, first, n in spans:
        con.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) VALUES (?, ?, ?, ?, ?, ?, 'title')",
            [load_id, opd_id, platform, account_id, first, first + dt.timedelta(days=n)],
        )
    coverage_written(con)
    end = start + dt.timedelta(days=days)
    if data_end is None:
        data_end_d = run_queries.read_data_end(con)
    else:
        data_end_d = start + dt.timedelta(days=data_end)
    s = analyst_settings.Settings(activity_rule=rule)
    check(con, parameters(start, end, filters, s, data_end_d, start + dt.timedelta(days=20)))
    con.close()
