"""A month (or week) that the chosen period cuts is judged on its share of the minimum, as the
period itself is (views/030_scope_and_activity.sql, bucket_minimum; changed in session 21).

Before, Keaktifan's OPD x month grid counted a cut month's posts over the period's days only
but required the whole month's minimum unless the data end did the cutting: for 1-14 Sep at 4
a month an OPD with 2 posts was *tidak aktif* in the grid and *aktif* in the index on the same
page (evaluator 20's finding). Checked here: the rule's worked examples, and on the sample
warehouse that every month cell of the grid judges exactly as the index judges the same days
taken as a period of their own (counted posts, minimum, status), for random periods that start
and end anywhere, both activity rules."""

from __future__ import annotations

import dataclasses
import datetime as dt

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warehouse import analyst_settings, periods
from warehouse.queries import activity, options
from warehouse.queries.filters import Filters

MINIMUM = """
select activity_minimum($bucket, $start, $end_excl, $per_month, $per_week, $data_end,
                        bucket_start_d := $bucket_start)"""

D = dt.date
# (bucket, chosen start, chosen end inclusive, data end, bucket start, per month, per week, minimum)
EXAMPLES = [
    # the month the chosen end cuts: 4 x 14/30 = 1.87 -> 2 (before: 4)
    ("month", D(2026, 9, 1), D(2026, 9, 14), D(2026, 11, 30), D(2026, 9, 1), 4, 1, 2),
    # the month the chosen start cuts: 4 x 21/30 = 2.8 -> 3; the next one 4 x 9/31 = 1.16 -> 2
    ("month", D(2026, 9, 10), D(2026, 10, 9), D(2026, 11, 30), D(2026, 9, 1), 4, 1, 3),
    ("month", D(2026, 9, 10), D(2026, 10, 9), D(2026, 11, 30), D(2026, 10, 1), 4, 1, 2),
    # a whole month inside the period: the whole minimum
    ("month", D(2026, 8, 10), D(2026, 10, 9), D(2026, 11, 30), D(2026, 9, 1), 4, 1, 4),
    # the data end cuts it: 1-20 Nov, 4 x 20/30 = 2.67 -> 3 (as before)
    ("month", D(2026, 11, 1), D(2026, 11, 30), D(2026, 11, 20), D(2026, 11, 1), 4, 1, 3),
    # both: 10-17 Nov judged, 8 of 30 days: 4 x 8/30 = 1.07 -> 2 (before: 1-17 Nov's 3)
    ("month", D(2026, 11, 10), D(2026, 11, 30), D(2026, 11, 17), D(2026, 11, 1), 4, 1, 2),
    # at least 1
    ("month", D(2026, 9, 30), D(2026, 9, 30), D(2026, 11, 30), D(2026, 9, 1), 4, 1, 1),
    # a week the chosen start cuts (Wed 2 Sep 2026: 5 of its 7 days): ceil(3 x 5/7) = 3
    ("week", D(2026, 9, 2), D(2026, 9, 30), D(2026, 11, 30), D(2026, 8, 31), 4, 3, 3),
    ("week", D(2026, 9, 2), D(2026, 9, 30), D(2026, 11, 30), D(2026, 8, 31), 4, 1, 1),
    # a week the chosen end cuts (Mon 28 Sep - Wed 30 Sep: 3 days): ceil(3 x 3/7) = 2
    ("week", D(2026, 9, 2), D(2026, 9, 30), D(2026, 11, 30), D(2026, 9, 28), 4, 3, 2),
    # a whole week
    ("week", D(2026, 9, 2), D(2026, 9, 30), D(2026, 11, 30), D(2026, 9, 14), 4, 3, 3),
    ("week", D(2026, 9, 2), D(2026, 9, 30), D(2026, 11, 30), D(2026, 9, 14), 4, 2, 2),
]


@pytest.mark.parametrize(
    ("bucket", "start", "end", "data_end", "bucket_start", "per_month", "per_week", "want"),
    EXAMPLES,
)
def test_a_cut_bucket_needs_its_share(
    sample, bucket, start, end, data_end, bucket_start, per_month, per_week, want
):
    got = sample.execute(
        MINIMUM,
        {
            "bucket": bucket, "start": start, "end_excl": end + dt.timedelta(days=1),
            "per_month": per_month, "per_week": per_week, "data_end": data_end,
            "bucket_start": bucket_start,
        },
    ).fetchone()[0]  # fmt: skip
    assert got == want


def _cells_and_index(con, f: Filters, s: analyst_settings.Settings):
    """Per month cell of the grid for `f`, the index's row over the same days as a period."""
    grid = activity.opd_month_heatmap(con, f, s)
    out = []
    for month in sorted(set(grid["month"].to_list())):
        lo = max(month, f.start)
        hi = min(periods.add_months(month, 1) - dt.timedelta(days=1), f.end)
        index = activity.opd_index(con, dataclasses.replace(f, start=lo, end=hi), s)
        cells = grid.filter(pl.col("month") == month)
        out.append((month, lo, hi, cells, index))
    return out


COMPARED = ["counted_posts", "required_posts", "activity_status"]


def _assert_cells_judge_as_the_index(con, f: Filters, s: analyst_settings.Settings) -> int:
    compared = 0
    for month, lo, hi, cells, index in _cells_and_index(con, f, s):
        joined = cells.select("opd_id", *COMPARED).join(
            index.select("opd_id", *COMPARED), on="opd_id", suffix="_index"
        )
        assert joined.height == index.height, (month, lo, hi)
        for col in COMPARED:
            bad = joined.filter(pl.col(col).ne_missing(pl.col(f"{col}_index")))
            assert bad.is_empty(), (f, month, lo, hi, col, bad)
        compared += joined.height
    return compared


def test_the_cut_month_of_evaluator_20(sample):
    """A period of the first half of a month: the grid's cell and the index agree; the cell
    needs the share (4 x 14/30 -> 2), not the whole month's 4."""
    _, last = options.date_bounds(sample)
    assert last is not None
    month = periods.add_months(last.replace(day=1), -2)
    f = Filters(month, month + dt.timedelta(days=13))
    s = analyst_settings.Settings()
    grid = activity.opd_month_heatmap(sample, f, s)
    days = (periods.add_months(month, 1) - month).days
    want = -(-s.min_posts_per_month * 14 // days)
    assert set(grid["required_posts"].to_list()) == {want}
    assert _assert_cells_judge_as_the_index(sample, f, s) > 0


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    first=st.integers(0, 200),
    length=st.integers(0, 100),
    rule=st.sampled_from(["account", "opd_total"]),
    per_month=st.integers(1, 9),
    platform=st.sampled_from([(), ("instagram",), ("facebook", "tiktok")]),
)
def test_every_month_cell_judges_as_the_index_of_its_days(
    sample, first, length, rule, per_month, platform
):
    """Random periods over the sample's last months (some past its data end, so the data end
    cuts them too): each month cell = the index of the cell's days alone."""
    _, last = options.date_bounds(sample)
    assert last is not None
    start = periods.add_months(last.replace(day=1), -6) + dt.timedelta(days=first)
    f = Filters(start, start + dt.timedelta(days=length), platforms=platform)
    s = dataclasses.replace(
        analyst_settings.Settings(), activity_rule=rule, min_posts_per_month=per_month
    )
    _assert_cells_judge_as_the_index(sample, f, s)
