"""The KPI tiles read their periods' judgement from one relation judged once
(q_periods_judgement, warehouse.queries.judgement.periods_judgement) and count the posts of all
their periods in one pass: every figure equals the single statement it replaced (BEFORE, kept
verbatim in tests/warehouse/before/q_kpi_9c2ca73.sql), on the sample warehouse and on random hand
warehouses; each period's judgement is the period's judgement alone (q_period_judgement);
inside one store the periods are judged once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import JAN, hand_warehouse
from tests.warehouse.test_properties import post
from warehouse import analyst_settings
from warehouse.queries import judgement, options, summary
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

# warehouse/sql/q_kpi.sql as it was at 9c2ca73 (tests/warehouse/before/q_kpi_9c2ca73.sql): each
# period judged by a lateral opd_judgement inside the statement, the posts joined to every
# period. The reference the new path must equal, figure for figure.
BEFORE = (Path(__file__).parent / "before" / "q_kpi_9c2ca73.sql").read_text(encoding="utf-8")


def before(
    con, f: Filters, s: analyst_settings.Settings, periods: list, opds: tuple | None = None
) -> pl.DataFrame:
    """summary.kpi_periods as it was: BEFORE, bound as warehouse.queries.run binds a q_*.sql;
    opds (a compared set): BEFORE judging and counting only those OPDs (an OPD is judged
    alone, so this is what kpi_periods gives reading the whole scope's judgement)."""
    if opds is not None:
        f = dataclasses.replace(f, opd_ids=tuple(sorted(opds)))
    params = {
        **f.params(),
        **run_queries._activity_params(s),
        "starts": [a for a, _ in periods],
        "ends_excl": [b + dt.timedelta(days=1) for _, b in periods],
        "data_end": run_queries.read_data_end(con),
    }
    used = set(re.findall(r"\$([A-Za-z_]\w*)", BEFORE))
    cur = con.cursor()
    try:
        df = cur.sql(BEFORE, params={k: v for k, v in params.items() if k in used}).pl()
    finally:
        cur.close()
    return run_queries._plain_numbers(df)


def _sets_before(con, f: Filters, s, periods: list, sets: list) -> pl.DataFrame:
    """summary.kpi_sets (the tiles' one statement for every OPD set) from BEFORE, once per set."""
    return pl.concat(
        [
            before(con, f, s, periods, opds).select(pl.lit(k, dtype=pl.Int64).alias("k"), pl.all())
            for k, opds in enumerate(sets, start=1)
        ]
    )


def _same(a: pl.DataFrame, b: pl.DataFrame) -> None:
    assert a.schema == b.schema
    assert a.equals(b, null_equal=True), (a, b)


def _sample_cases(con) -> list[tuple[Filters, list[tuple[dt.date, dt.date]]]]:
    first, last = options.date_bounds(con)
    assert first is not None and last is not None
    month = last.replace(day=1)
    half = (month.replace(day=1) - dt.timedelta(days=150)).replace(day=1)
    whole = Filters(half, last)
    kinds = sorted(options.opd_kinds(con))
    opds = con.execute("select min(opd_id) from posts").fetchone()[0]
    scopes = [
        whole,
        Filters(month, last),
        Filters(half, last, platforms=("instagram",)),
        Filters(half, last, opd_kinds=(kinds[0],)),
        Filters(half, last, opd_ids=(opds,)),
        Filters(first, last),
    ]
    periods = [
        (whole.start, whole.end),
        (month, last),
        (month - dt.timedelta(days=40), month - dt.timedelta(days=1)),
        (first, last),
        (last, last),
        (first - dt.timedelta(days=60), first - dt.timedelta(days=1)),  # before any data
    ]
    return [(f, periods) for f in scopes]


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12)])  # fmt: skip
def test_sample_kpis_equal_the_statement_before(sample, s, monkeypatch):
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for f, periods in _sample_cases(sample):
            _same(before(sample, f, s, periods), summary.kpi_periods(sample, f, s, periods))
            # The tiles (periods chosen by compare.plan, data days checked) read the same.
            new = summary.kpi_summary(sample, f, s)
            with monkeypatch.context() as m:
                m.setattr(summary, "kpi_sets", _sets_before)
                old = summary.kpi_summary(sample, f, s)
            _same(old, new)
            assert new["value"].is_not_null().any()


day = st.dates(min_value=dt.date(2025, 11, 15), max_value=dt.date(2026, 3, 15))
period = st.tuples(day, st.integers(0, 75)).map(lambda t: (t[0], t[0] + dt.timedelta(days=t[1])))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.lists(period, min_size=1, max_size=4),
    st.sampled_from([(), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (1,), (2, 4)]),
    st.integers(1, 4),
    st.sampled_from(["account", "opd_total"]),
)
def test_random_kpis_equal_the_statement_before(
    posts, periods, platforms, kinds, opd_ids, minimum, rule
):
    con = hand_warehouse(posts)
    s = analyst_settings.Settings(min_posts_per_month=minimum, activity_rule=rule)
    f = Filters(JAN[0], JAN[1], platforms, kinds, opd_ids)
    _same(before(con, f, s, periods), summary.kpi_periods(con, f, s, periods))
    con.close()


def test_each_period_is_judged_as_alone(wh):
    s = analyst_settings.get_settings(wh)
    periods = [JAN, (dt.date(2025, 12, 1), dt.date(2025, 12, 31)), (dt.date(2026, 1, 5), JAN[1])]
    f = Filters(*JAN, platforms=("instagram", "facebook"))
    together = pl.from_arrow(judgement.periods_judgement(wh, f, s, periods))
    assert isinstance(together, pl.DataFrame)
    for i, (a, b) in enumerate(periods, start=1):
        alone = pl.from_arrow(judgement.period_judgement(wh, f.shifted(a, b), s))
        assert isinstance(alone, pl.DataFrame)
        # The table also names each OPD (opd: for the compared sets, queries.compared).
        mine = together.filter(pl.col("i") == i).drop("i", "opd")
        _same(alone.sort("opd_id"), mine.sort("opd_id"))


def test_the_periods_are_judged_once_per_store(wh, monkeypatch):
    f = Filters(*JAN)
    alone = summary.kpi_summary(wh, f)
    calls = []
    real = judgement._run_arrow

    def counting(con, name, params):
        calls.append(name)
        return real(con, name, params)

    monkeypatch.setattr(judgement, "_run_arrow", counting)
    with run_queries.sharing({}):
        first = summary.kpi_summary(wh, f)
        again = summary.kpi_summary(wh, f)
    _same(alone, first)
    _same(first, again)
    assert calls == ["q_periods_judgement_months"]  # January: a whole month (h22m)
