"""The period judged up to the data end (v_data_end, judged_end and activity_minimum in
views/030_scope_and_activity.sql) on the hand warehouse, numbers by hand.

The hand load declares every day of every OPD; here it is cut so that all data ends on 20
February 2026 (the newest post is on 1 February), which makes 20 February the data end."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factory import coverage_written, hand_warehouse

DATA_END = dt.date(2026, 2, 20)
COLS = "opd_id, period_start, activity_status, is_judged, required_posts, posts, judged_through"


@pytest.fixture(scope="module")
def con():
    c = hand_warehouse()
    c.execute("UPDATE load_coverage SET period_end = ?", [DATA_END])
    coverage_written(c)
    yield c
    c.close()


def _judge(con, start, end, bucket="period", per_month=4) -> dict:
    rows = con.execute(
        f"SELECT {COLS} FROM opd_judgement(?, ?, ?, [], [], [], ?, 1, 'account',"
        " (SELECT data_end FROM v_data_end)) ORDER BY ALL",
        [bucket, start, end + dt.timedelta(days=1), per_month],
    ).fetchall()
    return {(r[0], r[1]): r[2:] for r in rows}


def _scaled(con, per_month, start, end_excl) -> int:
    return con.execute("SELECT scaled_count(?, ?, ?)", [per_month, start, end_excl]).fetchone()[0]


def test_the_data_end_is_the_last_day_data_reaches(con):
    assert con.execute("SELECT data_end FROM v_data_end").fetchone()[0] == DATA_END


def test_prorated_minimum_rule(con):
    # Whole months count as months; a month cut short by its share of days; rounded up.
    assert _scaled(con, 4, dt.date(2026, 6, 1), dt.date(2026, 12, 1)) == 24
    # 1 Jun - 20 Nov: 4 x 5 + 4 x 20/30 = 22.67 -> 23
    assert _scaled(con, 4, dt.date(2026, 6, 1), dt.date(2026, 11, 21)) == 23
    assert _scaled(con, 4, dt.date(2026, 11, 1), dt.date(2026, 11, 21)) == 3  # 2.67 -> 3
    assert _scaled(con, 4, dt.date(2026, 2, 1), dt.date(2026, 3, 1)) == 4  # February whole
    assert _scaled(con, 3, dt.date(2026, 11, 1), dt.date(2026, 11, 11)) == 1  # 3 x 10/30 = 1
    assert _scaled(con, 4, dt.date(2026, 6, 3), dt.date(2026, 6, 10)) == 1  # a week, at least 1


def test_a_period_past_the_data_end_is_judged_to_it(con):
    got = _judge(con, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    row = got[(1, dt.date(2026, 1, 1))]
    # 1 Jan - 20 Feb: 4 x (1 + 20/28) = 6.86 -> 7, judged through the data end
    assert row[2] == 7 and row[4] == DATA_END
    # BKD (3): complete data to the data end, below the minimum: judged inactive, not left out.
    assert got[(3, dt.date(2026, 1, 1))][0] == "inactive"


def test_months_after_the_data_end_are_not_judged(con):
    got = _judge(con, dt.date(2026, 1, 1), dt.date(2026, 4, 30), bucket="month")
    months = sorted({p for _, p in got})
    assert months == [dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    # January whole: 4; February up to the 20th: 4 x 20/28 = 2.86 -> 3
    assert {got[(1, m)][2] for m in months} == {4, 3} and got[(1, months[1])][2] == 3


def test_busiest_account_active_although_another_export_is_missing():
    c = hand_warehouse()
    try:
        c.execute("DELETE FROM load_coverage")
        # Dinkes (1): facebook to the data end, instagram never received; others complete.
        c.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) VALUES"
            " (1, 1, 'facebook', NULL, DATE '2025-01-01', ?, 'file_name'),"
            " (1, 2, NULL, NULL, DATE '2025-01-01', ?, 'title'),"
            " (1, 3, NULL, NULL, DATE '2025-01-01', ?, 'title')",
            [DATA_END] * 3,
        )
        coverage_written(c)
        got = _judge(c, dt.date(2026, 1, 1), dt.date(2026, 3, 31), per_month=2)
        # 6 facebook posts >= 2 x (1 + 20/28) = 3.43 -> 4: active on its own posts.
        dinkes = got[(1, dt.date(2026, 1, 1))]
        assert dinkes[2] == 4 and dinkes[0] == "active"
    finally:
        c.close()


def test_a_missing_month_inside_the_period_is_not_judged():
    c = hand_warehouse()
    try:
        c.execute("DELETE FROM load_coverage")
        # BKD (3): December and February received, January's file missing.
        c.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) VALUES"
            " (1, 3, NULL, NULL, DATE '2025-12-01', DATE '2025-12-31', 'title'),"
            " (1, 3, NULL, NULL, DATE '2026-02-01', ?, 'title'),"
            " (1, 5, NULL, NULL, DATE '2025-12-01', ?, 'title')",
            [DATA_END, DATA_END],
        )
        coverage_written(c)
        got = _judge(c, dt.date(2025, 12, 1), dt.date(2026, 2, 28))
        assert got[(3, dt.date(2025, 12, 1))][:2] == ("no_data", False)
        # Desa (5), every day received to the data end: judged.
        assert got[(5, dt.date(2025, 12, 1))][1] is True
    finally:
        c.close()


@settings(max_examples=8, deadline=None)
@given(
    st.dates(dt.date(2026, 2, 1), dt.date(2026, 4, 30)),
    st.dates(dt.date(2025, 11, 1), dt.date(2026, 4, 30)),
    st.integers(0, 200),
    st.sampled_from(["period", "month", "week"]),
    st.integers(1, 8),
)
def test_judgement_equals_judgement_cut_at_the_data_end(con, data_end, start, days, bucket, pm):
    """A period's judgement equals its judgement over the period cut at the data end."""
    con.execute("UPDATE load_coverage SET period_end = ?", [data_end])
    coverage_written(con)
    try:
        end = start + dt.timedelta(days=days)
        cut = min(end, data_end)
        if start > cut:
            return  # wholly after the data end: nothing to cut it to
        assert _judge(con, start, end, bucket, pm) == _judge(con, start, cut, bucket, pm)
    finally:
        con.execute("UPDATE load_coverage SET period_end = ?", [DATA_END])
        coverage_written(con)


def test_queries_bind_the_data_end_read_once_or_given(con):
    # $data_end is bound by warehouse.queries.run: read from v_data_end for the query, or the
    # value a caller read once (the UI, per data version). The given value is the one used.
    from warehouse.queries import activity
    from warehouse.queries.filters import Filters
    from warehouse.queries.run import data_end_given, read_data_end

    f = Filters(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert read_data_end(con) == DATA_END
    read = activity.opd_month_heatmap(con, f)
    with data_end_given(read_data_end(con)):
        assert activity.opd_month_heatmap(con, f).equals(read, null_equal=True)
    assert set(read["judged_through"].drop_nulls()) == {DATA_END}
    with data_end_given(dt.date(2026, 2, 10)):
        cut = activity.opd_month_heatmap(con, f)
    assert set(cut["judged_through"].drop_nulls()) == {dt.date(2026, 2, 10)}
    with data_end_given(None):  # an empty warehouse's: the period is not cut
        whole = activity.opd_month_heatmap(con, f)
    assert set(whole["judged_through"].drop_nulls()) == {dt.date(2026, 2, 28)}
