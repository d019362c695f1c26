"""Format mix (foto, video, reels, ...) per OPD and over time, against a recount of posts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factory import JAN
from warehouse.queries import content, filters

F = filters.Filters(*JAN)


def recount(wh, start, end):
    rows = wh.execute(
        "select opd_id, coalesce(post_format, 'tidak_tercatat'), count(*) from posts "
        "where published_at >= ? and published_at < ? group by all",
        [start, end + dt.timedelta(days=1)],
    ).fetchall()
    return {(o, fmt): n for o, fmt, n in rows}


def test_by_opd_equals_a_recount(wh):
    df = content.format_mix_by_opd(wh, F)
    got = {(r["opd_id"], r["post_format"]): r["posts"] for r in df.iter_rows(named=True)}
    assert got == recount(wh, *JAN)
    assert sum(got.values()) == 19  # every January post, once
    for _, g in df.group_by("opd_id"):
        assert g["share"].sum() == pytest.approx(1.0)


def test_over_time_and_filters(wh):
    f = filters.Filters(dt.date(2025, 12, 1), dt.date(2026, 1, 31))
    df = content.format_mix_over_time(wh, f)
    assert sorted(set(df["period_start"])) == [dt.date(2025, 12, 1), dt.date(2026, 1, 1)]
    jan = df.filter(df["period_start"] == dt.date(2026, 1, 1))
    assert jan["posts"].sum() == 19
    assert jan["share"].sum() == pytest.approx(1.0)
    ig = content.format_mix_by_opd(wh, filters.Filters(*JAN, platforms=("instagram",)))
    assert ig["posts"].sum() == 6
    with pytest.raises(ValueError):
        content.format_mix_over_time(wh, f, grain="year")
