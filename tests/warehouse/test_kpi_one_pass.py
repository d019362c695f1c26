"""q_kpi measures every compared period in one query (their judgement in one more,
q_periods_judgement): each period's row is the row the same queries give for that period alone,
for random periods, filters and posts (overlapping and empty periods included)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import hand_warehouse
from tests.warehouse.test_properties import post
from warehouse import analyst_settings
from warehouse.queries import filters as filters_queries
from warehouse.queries import run as run_queries
from warehouse.queries import summary

day = st.dates(min_value=dt.date(2025, 11, 15), max_value=dt.date(2026, 3, 15))
period = st.tuples(day, st.integers(0, 75)).map(lambda t: (t[0], t[0] + dt.timedelta(days=t[1])))


def _rows(
    con, f: filters_queries.Filters, s: analyst_settings.Settings, periods: list
) -> list[dict]:
    return list(summary.kpi_periods(con, f, s, periods).drop("i").iter_rows(named=True))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.lists(period, min_size=1, max_size=4),
    st.sampled_from([(), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), (1,), (2, 4)]),
    st.integers(1, 4),
    st.sampled_from(["account", "opd_total"]),
)
def test_periods_together_equal_each_alone(posts, periods, platforms, opd_ids, minimum, rule):
    con = hand_warehouse(posts)
    s = analyst_settings.Settings(min_posts_per_month=minimum, activity_rule=rule)
    f = filters_queries.Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31), platforms, (), opd_ids)
    together = _rows(con, f, s, periods)
    assert len(together) == len(periods)
    for p, row in zip(periods, together, strict=True):
        assert row == _rows(con, f, s, [p])[0]
    con.close()


def test_kpi_summary_asks_once(wh, monkeypatch) -> None:
    calls = []
    real = run_queries._run

    def counting(con, name, params, tables=None):  # the real query, counted
        calls.append(name)
        return real(con, name, params, tables)

    monkeypatch.setattr(summary, "_run", counting)
    out = summary.kpi_summary(
        wh, filters_queries.Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    )
    assert calls.count("q_kpi") + calls.count("q_kpi_months") == 1
    assert out["previous_status"][0] in ("full", "cut") and out["value"].is_not_null().any()
