"""Filters: what the sidebar selects and who looks; the grains and groupings of a trend."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Literal

from warehouse import periods

Grain = Literal["day", "week", "month"]
TrendBy = Literal["none", "platform", "opd_kind", "opd"]


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects, and who looks. Hashable, so the UI can use it as a cache key.

    viewer_opd_id: the operator OPD of the person looking (access.sessions.Principal
    .scope_opd_id); queries that return posts row by row (captions, links) return only that
    OPD's posts whatever the other filters say (macro visible_posts). None: every OPD."""

    start: dt.date
    end: dt.date
    platforms: tuple[str, ...] = ()
    opd_kinds: tuple[str, ...] = ()
    opd_ids: tuple[int, ...] = ()
    viewer_opd_id: int | None = None

    def params(self) -> dict[str, Any]:
        """The $parameters every q_*.sql file binds (end is exclusive in SQL: end + 1 day)."""
        return {
            "start": self.start,
            "end_excl": self.end + dt.timedelta(days=1),
            "platforms": list(self.platforms),
            "opd_kinds": list(self.opd_kinds),
            "opd_ids": [int(i) for i in self.opd_ids],
            "viewer_opd_id": None if self.viewer_opd_id is None else int(self.viewer_opd_id),
        }

    @classmethod
    def month_of(cls, day: dt.date, **kw: Any) -> Filters:
        """The calendar month containing `day` (other filters as keyword arguments)."""
        start = day.replace(day=1)
        end = periods.add_months(start, 1) - dt.timedelta(days=1)
        return cls(start, end, **kw)

    def shifted(self, start: dt.date, end: dt.date) -> Filters:
        """The same filters over another period (for comparisons)."""
        return replace(self, start=start, end=end)
