"""The KPI tiles measure every OPD set (the whole scope and each comparison's compared set) in
one q_kpi statement: each set's rows equal warehouse/sql/q_kpi.sql as it was at e00a45f (kept
word for word in tests/warehouse/before/q_kpi_300.sql), run once per set with the set as the OPD
filter, as summary.kpi_periods ran it. Every column, type, order and null; on the sample
warehouse (the tiles themselves too, whose comparisons leave OPDs out there) and on random hand
warehouses with random sets (sets reaching outside the filters' OPDs included)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import JAN, hand_warehouse
from tests.warehouse.test_counts_from_months import _old, _same
from tests.warehouse.test_kpi_judged_once import _sample_cases
from tests.warehouse.test_properties import post
from warehouse import analyst_settings
from warehouse.queries import judgement, summary
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

KPI_BEFORE = (Path(__file__).parent / "before" / "q_kpi_300.sql").read_text(encoding="utf-8")


def kpi_before(con, f: Filters, s, periods: list, opds: tuple | None = None) -> pl.DataFrame:
    """summary.kpi_periods as it was at e00a45f: the old q_kpi with the set as the OPD filter,
    reading the judgement of f's own scope."""
    counted = f if opds is None else dataclasses.replace(f, opd_ids=tuple(sorted(opds)))
    params = {
        **counted.params(),
        **run_queries._activity_params(s),
        "starts": [a for a, _ in periods],
        "ends_excl": [b + dt.timedelta(days=1) for _, b in periods],
        "judged": judgement.JUDGED_PERIODS,
    }
    judged = judgement.periods_judgement(con, f, s, periods)
    return _old(con, KPI_BEFORE, params, {judgement.JUDGED_PERIODS: judged})


def sets_before(con, f: Filters, s, periods: list, sets: list) -> pl.DataFrame:
    """summary.kpi_sets built from one old statement per set."""
    return pl.concat(
        [
            kpi_before(con, f, s, periods, opds).select(
                pl.lit(k, dtype=pl.Int64).alias("k"), pl.all()
            )
            for k, opds in enumerate(sets, start=1)
        ]
    )


def check(con, f: Filters, s, periods: list, sets: list) -> None:
    new = summary.kpi_sets(con, f, s, periods, sets)
    _same(sets_before(con, f, s, periods, sets), new)
    for opds in sets:
        _same(kpi_before(con, f, s, periods, opds), summary.kpi_periods(con, f, s, periods, opds))


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12)])  # fmt: skip
def test_sample_sets_equal_one_statement_each_before(sample, s, monkeypatch):
    ids = [r[0] for r in sample.execute("select opd_id from opd order by opd_id").fetchall()]
    subsets = 0
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for f, periods in _sample_cases(sample):
            check(sample, f, s, periods, [None, tuple(ids[::3]), tuple(ids[1:4]), (ids[-1],)])
            # The tiles: the compared sets the plans give, measured in one statement now.
            new = summary.kpi_summary(sample, f, s)
            with monkeypatch.context() as m:
                m.setattr(summary, "kpi_sets", sets_before)
                old = summary.kpi_summary(sample, f, s)
            _same(old, new)
            subsets += new["previous_left_out"].list.len().gt(0).sum()
    assert subsets > 0  # comparisons that leave OPDs out were measured


day = st.dates(min_value=dt.date(2025, 11, 15), max_value=dt.date(2026, 3, 15))
period = st.tuples(day, st.integers(0, 75)).map(lambda t: (t[0], t[0] + dt.timedelta(days=t[1])))
opd_set = st.one_of(st.none(), st.sets(st.integers(1, 6), min_size=1).map(lambda x: tuple(x)))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.lists(period, min_size=1, max_size=4),
    st.lists(opd_set, min_size=1, max_size=4),
    st.sampled_from([(), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (1,), (2, 4)]),
    st.sampled_from([(1, "account"), (3, "opd_total")]),
)
def test_random_sets_equal_one_statement_each_before(
    posts, periods, sets, platforms, kinds, opd_ids, rule
):
    con = hand_warehouse(posts)
    s = analyst_settings.Settings(min_posts_per_month=rule[0], activity_rule=rule[1])
    check(con, Filters(*JAN, platforms, kinds, opd_ids), s, periods, sets)
    con.close()


def test_the_tiles_run_q_kpi_once_with_compared_sets(sample, monkeypatch):
    ran: list[str] = []
    real = summary._run

    def counting(con, name, params, tables=None):
        ran.append(name)
        return real(con, name, params, tables)

    monkeypatch.setattr(summary, "_run", counting)
    f, _ = _sample_cases(sample)[0]
    out = summary.kpi_summary(sample, f)
    assert out["previous_left_out"].list.len().gt(0).any()  # a compared set was measured
    assert ran.count("q_kpi") + ran.count("q_kpi_months") == 1


def test_an_empty_set_is_refused(wh):
    with pytest.raises(ValueError):
        summary.kpi_sets(wh, Filters(*JAN), analyst_settings.Settings(), [JAN], [None, ()])
