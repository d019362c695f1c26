"""The time access/ reads: naive WIB datetimes (Asia/Jakarta), the warehouse's convention.
Every function that needs "now" takes a clock, so tests pass a fake one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

Clock = Callable[[], dt.datetime]
WIB = ZoneInfo("Asia/Jakarta")


def now_wib() -> dt.datetime:
    """Now in WIB, without tzinfo (how every warehouse TIMESTAMP is stored)."""
    return dt.datetime.now(WIB).replace(tzinfo=None)


class FakeClock:
    """A clock that stands still until moved: `clock()` -> the time, `advance(minutes=...)`."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now = self.now + dt.timedelta(**delta)
