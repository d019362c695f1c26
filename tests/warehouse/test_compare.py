"""Which periods a change compares (warehouse.compare) and what kpi_summary does with them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factory import JAN
from warehouse import compare
from warehouse.queries import filters, options, summary

D = dt.date


def test_unfinished_month_compares_same_days_of_previous_month():
    c = compare.plan(D(2026, 11, 1), D(2026, 11, 30), D(2025, 1, 5), D(2026, 11, 20), "previous")
    assert c.status == "cut"
    assert c.current == (D(2026, 11, 1), D(2026, 11, 20))
    assert c.other == (D(2026, 10, 1), D(2026, 10, 20))


def test_unfinished_six_months_shift_by_six_months():
    c = compare.plan(D(2026, 6, 1), D(2026, 11, 30), D(2025, 1, 5), D(2026, 11, 20), "previous")
    assert (c.status, c.current, c.other) == (
        "cut",
        (D(2026, 6, 1), D(2026, 11, 20)),
        (D(2025, 12, 1), D(2026, 5, 20)),
    )
    y = compare.plan(D(2026, 6, 1), D(2026, 11, 30), D(2025, 1, 5), D(2026, 11, 20), "year_ago")
    assert y.other == (D(2025, 6, 1), D(2025, 11, 20))


def test_no_comparison_before_the_data_starts():
    # Data from 3 Oct 2025: the year-ago half year (Jun-Nov 2025) is only partly there.
    c = compare.plan(D(2026, 6, 1), D(2026, 11, 30), D(2025, 10, 3), D(2026, 11, 30), "year_ago")
    assert (c.status, c.reason, c.comparable) == ("none", "before_data", False)
    # October 2025 itself counts as covered (its data begins in that month).
    c = compare.plan(D(2025, 11, 1), D(2025, 11, 30), D(2025, 10, 3), D(2026, 11, 30), "previous")
    assert (c.status, c.other) == ("full", (D(2025, 10, 1), D(2025, 10, 31)))


def test_empty_and_future_periods():
    assert compare.plan(D(2026, 1, 1), D(2026, 1, 31), None, None, "previous").reason == "no_data"
    c = compare.plan(D(2027, 1, 1), D(2027, 1, 31), D(2025, 1, 1), D(2026, 11, 20), "previous")
    assert c.reason == "no_current_data"
    with pytest.raises(ValueError):
        compare.plan(D(2026, 2, 1), D(2026, 1, 1), None, None, "previous")


@given(
    start=st.dates(D(2024, 1, 1), D(2027, 12, 31)),
    days=st.integers(0, 400),
    first_off=st.integers(-800, 400),
    last_off=st.integers(-30, 500),
    kind=st.sampled_from(["previous", "year_ago"]),
)
def test_compared_parts_are_equal_and_never_before_data(start, days, first_off, last_off, kind):
    end = start + dt.timedelta(days=days)
    first = start + dt.timedelta(days=first_off)
    last = max(first, start + dt.timedelta(days=last_off))
    c = compare.plan(start, end, first, last, kind)
    if not c.comparable:
        return
    # The compared part of the chosen period lies in it and ends at the data's end or its end.
    assert c.current[0] == start and c.current[1] == min(end, last)
    # The other period lies before the compared part, after the data's first month began.
    assert c.other[1] < c.current[0] or kind == "year_ago"
    assert c.other[0] >= first.replace(day=1)
    # Same length, give or take month ends (30 Nov -> 31 May, 29 Feb -> 28 Feb).
    n_cur = (c.current[1] - c.current[0]).days
    n_other = (c.other[1] - c.other[0]).days
    assert abs(n_cur - n_other) <= 3


def test_kpi_change_is_against_the_same_days(wh):
    first, _ = options.date_bounds(wh)
    # Pretend the data ends on 15 January: the change compares 1-15 Jan with 1-15 Dec.
    k = {
        r["key"]: r
        for r in summary.kpi_summary(
            wh, filters.Filters(*JAN), bounds=(first, D(2026, 1, 15))
        ).iter_rows(named=True)
    }
    posts = k["posts"]
    assert (posts["previous_status"], posts["compared_end"]) == ("cut", D(2026, 1, 15))
    assert (posts["previous_start"], posts["previous_end"]) == (D(2025, 12, 1), D(2025, 12, 15))
    part = {
        r["key"]: r["value"]
        for r in summary.kpi_summary(wh, filters.Filters(D(2026, 1, 1), D(2026, 1, 15))).iter_rows(
            named=True
        )
    }
    prev = {
        r["key"]: r["value"]
        for r in summary.kpi_summary(
            wh, filters.Filters(D(2025, 12, 1), D(2025, 12, 15))
        ).iter_rows(named=True)
    }
    assert posts["compared_value"] == part["posts"]
    assert posts["previous_value"] == prev["posts"]
    assert posts["change_previous"] == part["posts"] - prev["posts"]
    # The card's value stays the whole month's.
    assert posts["value"] == 19


def test_kpi_no_change_without_data_to_compare(wh):
    # Data that starts in 2026: December 2025 and January 2025 have nothing to compare with.
    k = summary.kpi_summary(wh, filters.Filters(*JAN), bounds=(D(2026, 1, 2), D(2026, 2, 28)))
    assert set(k["previous_status"]) == {"none"}
    assert set(k["previous_reason"]) == {"before_data"}
    assert k["change_previous"].null_count() == k.height
    assert k["previous_value"].null_count() == k.height
    assert k["change_year_ago"].null_count() == k.height


def test_restrict_compares_the_opds_complete_on_both_spans():
    c = compare.plan(D(2026, 6, 1), D(2026, 11, 30), D(2025, 1, 5), D(2026, 11, 20), "previous")
    row = compare.Completeness
    whole = [row(1, "A", True, True), row(2, "B", True, True)]
    r = compare.restrict(c, whole)
    assert (r.status, r.opds, r.left_out, r.scope_opds, r.subset) == ("cut", (1, 2), (), 2, False)
    part = [*whole, row(3, "C", True, False), row(4, "D", False, True), row(5, "E", False, False)]
    r = compare.restrict(c, part)
    assert (r.status, r.opds, r.scope_opds, r.subset) == ("cut", (1, 2), 5, True)
    assert [(o.opd_id, o.missing) for o in r.left_out] == [
        (3, "other"),
        (4, "current"),
        (5, "both"),
    ]
    # None complete on both: no comparison; current_gaps when none is even on the chosen part.
    r = compare.restrict(c, part[2:])
    assert (r.status, r.reason, r.opds, r.current, r.other) == (
        "none",
        "other_gaps",
        (),
        c.current,
        c.other,
    )
    assert compare.restrict(c, [row(4, "D", False, True)]).reason == "current_gaps"
    assert compare.restrict(c, []).reason == "current_gaps"
    none = compare.plan(D(2026, 1, 1), D(2026, 1, 31), None, None, "previous")
    assert compare.restrict(none, whole) == none
