"""Which periods a change compares, so that every change on a card can be read aloud.

Rules (Pengaturan and the KPI cards state them):
- A chosen period [start, end] is compared with the period before it (periods.previous_period)
  and with the same dates a year earlier (periods.year_ago_period).
- When the data ends inside the chosen period (newest post on `last`, before `end`), the period
  is unfinished: only its days up to `last` are compared, with the same days of the other period
  (a period of whole months shifts by whole months: 1-20 Nov vs 1-20 Okt; any other period
  shifts by its length in days). The card's value stays the whole chosen period's.
- A comparison needs data for the whole other period: when the warehouse's data starts after the
  other period's first month began (first post later than the 1st of that month), there is
  no comparison ("belum ada pembanding"), never a change against nothing.
- It also needs data on every day of both compared spans for the OPDs and platforms in scope
  (require_data; a day holds data when a live export or logbook covers it or a post was
  published on it: q_period_data_days.sql). A month nobody sent, or exports that arrived with
  no post (data, zero posts), are told apart: the first gives no comparison, the second a real
  change against zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from warehouse import periods

Kind = Literal["previous", "year_ago"]
# full: the whole chosen period against the whole other period; cut: the period is unfinished,
# its covered days against the same days of the other; none: no comparison (see `reason`).
Status = Literal["full", "cut", "none"]
# no_data: the warehouse holds no post at all; no_current_data: none in the chosen period;
# before_data: the other period starts before the data does; other_gaps / current_gaps: some
# day of the other period / of the compared part of the chosen one holds no data in scope.
Reason = Literal["no_data", "no_current_data", "before_data", "other_gaps", "current_gaps"]


@dataclass(frozen=True)
class Comparison:
    """One comparison of a chosen period. Dates are inclusive.

    current: the part of the chosen period that is compared (the whole period, or its days up
    to the newest post); other: the period it is compared with; status, reason: see module doc.
    data_start: the first day with data (for "data mulai ..."), None on an empty warehouse.
    """

    kind: Kind
    current: tuple[dt.date, dt.date]
    other: tuple[dt.date, dt.date]
    status: Status
    reason: Reason | None = None
    data_start: dt.date | None = None

    @property
    def comparable(self) -> bool:
        return self.status != "none"


def _shift(d: dt.date, start: dt.date, end: dt.date, kind: Kind) -> dt.date:
    """d moved back by the distance between the chosen period and the other one."""
    if kind == "year_ago":
        return periods.add_months(d, -12)
    if periods.is_whole_months(start, end):
        return periods.add_months(d, -periods.months_between(start, end))
    return d - dt.timedelta(days=(end - start).days + 1)


def plan(
    start: dt.date,
    end: dt.date,
    first: dt.date | None,
    last: dt.date | None,
    kind: Kind,
) -> Comparison:
    """The comparison of [start, end] given the data's first and last post dates.

    Raises ValueError when end is before start.
    """
    if end < start:
        raise ValueError(f"periode terbalik: {start} > {end}")
    whole = (
        periods.previous_period(start, end)
        if kind == "previous"
        else periods.year_ago_period(start, end)
    )
    if first is None or last is None:
        return Comparison(kind, (start, end), whole, "none", "no_data", first)
    if last < start:
        return Comparison(kind, (start, end), whole, "none", "no_current_data", first)
    if last < end:
        current = (start, last)
        other = (whole[0], _shift(last, start, end, kind))
        status: Status = "cut"
    else:
        current, other, status = (start, end), whole, "full"
    if other[0] < first.replace(day=1):
        return Comparison(kind, current, other, "none", "before_data", first)
    return Comparison(kind, current, other, status, None, first)


def require_data(c: Comparison, data_days: dict[tuple[dt.date, dt.date], int]) -> Comparison:
    """c, or c turned into "none" when a day of its compared spans holds no data in scope.

    data_days: for each (start, end) span (inclusive), how many of its days hold data
    (q_period_data_days.sql); a span missing from it counts as having none. The chosen
    period's part is checked first (current_gaps), then the other period (other_gaps).
    """
    if not c.comparable:
        return c
    for span, reason in ((c.current, "current_gaps"), (c.other, "other_gaps")):
        length = (span[1] - span[0]).days + 1
        if data_days.get(span, 0) < length:
            return Comparison(c.kind, c.current, c.other, "none", reason, c.data_start)  # type: ignore[arg-type]
    return c
