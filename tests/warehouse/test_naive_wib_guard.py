"""Every count kept at load time refuses a zoned published_at (posts.published_at is naive WIB:
a zoned time's day or month would depend on the zone). One guard, warehouse.periods."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from warehouse import day_counts, format_counts, label_counts, periods


def _posts(zone: str | None) -> pl.DataFrame:
    at = pl.Series("published_at", [dt.datetime(2026, 10, 31, 23, 30)])
    if zone:
        at = at.dt.replace_time_zone(zone)
    return pl.DataFrame(
        {
            "opd_id": [1],
            "account_id": [1],
            "platform": ["facebook"],
            "post_format": ["foto"],
            "load_id": [1],
        }  # fmt: skip
    ).with_columns(at)


@pytest.mark.parametrize(
    "count",
    [
        day_counts.day_keys,
        label_counts.months_of,
        lambda p: format_counts._keys(p, pl.Series("load_id", [], pl.Int64), 1),
    ],
    ids=["per day", "content per month", "format per month"],
)
def test_a_zoned_time_is_refused_and_a_naive_one_counted(count) -> None:
    with pytest.raises(ValueError, match="WIB naif"):
        count(_posts("Asia/Jakarta"))
    assert count(_posts(None)).height == 1


def test_the_guard_names_its_unit() -> None:
    with pytest.raises(ValueError, match="hitungan harian"):
        periods.require_naive_wib(_posts("UTC"), "harian")
    periods.require_naive_wib(_posts(None), "harian")
