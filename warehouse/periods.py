"""Period arithmetic (pure, no warehouse): whole months, the period before, the same period a
year earlier. Dates are inclusive `date`s."""

from __future__ import annotations

import calendar
import datetime as dt

import polars as pl


def is_whole_months(start: dt.date, end: dt.date) -> bool:
    """True when [start, end] runs from the 1st of a month to the last day of a month."""
    last = calendar.monthrange(end.year, end.month)[1]
    return start.day == 1 and end.day == last and start <= end


def all_whole_months(spans: list[tuple[dt.date, dt.date]]) -> bool:
    """True when there are spans and each is whole months (is_whole_months)."""
    return bool(spans) and all(is_whole_months(a, b) for a, b in spans)


def months_between(start: dt.date, end: dt.date) -> int:
    """Number of calendar months touched by [start, end] (Jan 1 - Mar 31 = 3)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period just before: whole months -> the same number of months before; otherwise the
    same number of days just before start."""
    if is_whole_months(start, end):
        n = months_between(start, end)
        p_start = add_months(start, -n)
        p_end = start - dt.timedelta(days=1)
        return p_start, p_end
    length = end - start
    p_end = start - dt.timedelta(days=1)
    return p_end - length, p_end


def year_ago_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The same dates one year earlier (29 February -> 28 February; a whole month stays whole)."""
    if is_whole_months(start, end):
        y_start = add_months(start, -12)
        y_end_month = add_months(dt.date(end.year, end.month, 1), -12)
        last = calendar.monthrange(y_end_month.year, y_end_month.month)[1]
        return y_start, y_end_month.replace(day=last)
    return add_months(start, -12), add_months(end, -12)


def require_naive_wib(posts: pl.DataFrame, unit: str) -> None:
    """Refuse a posts frame whose published_at carries a zone: posts.published_at is naive WIB,
    and a zoned time's day or month (`unit`: "harian", "bulanan") would depend on the zone.
    Raises ValueError; the one guard of every per-day and per-month count kept at load time."""
    dtype = posts.schema["published_at"]
    if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
        raise ValueError(f"published_at harus tanpa zona waktu (WIB naif) untuk hitungan {unit}")
