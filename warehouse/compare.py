"""Which periods a change compares, so that every change on a card can be read aloud.

Rules (Pengaturan and the KPI cards state them):
- A chosen period [start, end] is compared with the period before it (periods.previous_period)
  and with the same dates a year earlier (periods.year_ago_period).
- When the data ends inside the chosen period (`last`: THE data end, v_data_end, the day the
  judgement is cut at too; never before the newest post), the period
  is unfinished: only its days up to `last` are compared, with the same days of the other period
  (a period of whole months shifts by whole months: 1-20 Nov vs 1-20 Okt; any other period
  shifts by its length in days). The card's value stays the whole chosen period's.
- A comparison needs data for the whole other period: when the warehouse's data starts after the
  other period's first month began (first post later than the 1st of that month), there is
  no comparison ("belum ada pembanding"), never a change against nothing.
- It compares only the OPDs whose data is complete on both compared spans (restrict; THE
  set is macro compared_opds, views/170_compared_opds.sql; the KPI tiles read the same
  opd_coverage from their periods' judgement: warehouse.queries.compared), on
  every figure and on both sides alike, so a change is like for like: an OPD whose export for
  one side is missing would put part of its posts on one side only. A month nobody sent, or
  exports that arrived with no post (data, zero posts), are told apart: the first leaves the
  OPD out, the second is a real change against zero. When some OPDs are left out the card
  says on how many it compares ("pada 29 dari 46 OPD ..."); when none is complete on both
  spans there is no comparison.
- The unit is the OPD, not the account (OPD x platform), because that is how the activity
  rule is judged (opd_judgement): an OPD is active by its busiest account or by all its
  accounts together, and judged only when all its accounts' data arrived. A rate over part of
  an OPD's accounts is not a rate the rule defines, and comparing the post count per account
  but the rate per OPD would compare two different sets on one card. So an OPD is compared
  when every one of its accounts in scope (a logbook row covers every platform of its OPD) is
  covered on every day of both spans, and left out of every figure's comparison otherwise.
  "Complete" is the judgement's own (macro opd_coverage): an OPD with no account in scope is
  complete unless it ever sent a logbook or export of its own that does not cover the span, so
  an OPD the period's rate counts as judged inactive is never left out as "data tidak lengkap".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from warehouse import periods

Kind = Literal["previous", "year_ago"]
# full: the whole chosen period against the whole other period; cut: the period is unfinished,
# its covered days against the same days of the other; none: no comparison (see `reason`).
Status = Literal["full", "cut", "none"]
# no_data: the warehouse holds no post at all; no_current_data: none in the chosen period;
# before_data: the other period starts before the data does; other_gaps / current_gaps: no OPD
# in scope has complete data on both spans (current_gaps: none even on the compared part of the
# chosen period; other_gaps: some on that part, none of them on the other period).
Reason = Literal["no_data", "no_current_data", "before_data", "other_gaps", "current_gaps"]
# Which compared span an OPD left out lacks complete data on.
Missing = Literal["current", "other", "both"]


@dataclass(frozen=True)
class LeftOut:
    """An OPD in scope that a comparison leaves out, and on which span its data is incomplete."""

    opd_id: int
    opd: str
    missing: Missing


@dataclass(frozen=True)
class Comparison:
    """One comparison of a chosen period. Dates are inclusive.

    current: the part of the chosen period that is compared (the whole period, or its days up
    to the newest post); other: the period it is compared with; status, reason: see module doc.
    data_start: the first day with data (for "data mulai ..."), None on an empty warehouse.
    Set by restrict (None / empty before it): scope_opds, the OPDs in scope; opds, the OPD ids
    compared (complete on both spans; empty when none is); left_out, the others with why.
    """

    kind: Kind
    current: tuple[dt.date, dt.date]
    other: tuple[dt.date, dt.date]
    status: Status
    reason: Reason | None = None
    data_start: dt.date | None = None
    scope_opds: int | None = None
    opds: tuple[int, ...] = ()
    left_out: tuple[LeftOut, ...] = ()

    @property
    def comparable(self) -> bool:
        return self.status != "none"

    @property
    def subset(self) -> bool:
        """True when the change compares only part of the OPDs in scope (the card says so)."""
        return self.comparable and bool(self.left_out)


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
    """The comparison of [start, end] given where the data starts (`first`) and ends (`last`:
    v_data_end, as warehouse.queries.options.date_bounds reads it).

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


@dataclass(frozen=True)
class Completeness:
    """What restrict reads of one OPD in scope (a q_compared_opds.sql row): opd_id, opd (name),
    complete_current, complete_other (its data complete on the compared part of the chosen
    period / on the other period)."""

    opd_id: int
    opd: str
    complete_current: bool
    complete_other: bool


def restrict(c: Comparison, rows: Iterable[Completeness]) -> Comparison:
    """c with its compared set: the OPDs of `rows` (every OPD in scope, q_compared_opds.sql)
    complete on both spans; c turned into "none" when there is none (current_gaps when no OPD
    is complete even on the compared part of the chosen period, else other_gaps). A comparison
    already "none" is returned as it is."""
    if not c.comparable:
        return c
    rows = list(rows)
    compared = tuple(r.opd_id for r in rows if r.complete_current and r.complete_other)
    left = tuple(
        LeftOut(r.opd_id, r.opd, _missing(r.complete_current, r.complete_other))
        for r in rows
        if not (r.complete_current and r.complete_other)
    )
    out = replace(c, scope_opds=len(rows), opds=compared, left_out=left)
    if compared:
        return out
    reason: Reason = "current_gaps" if not any(r.complete_current for r in rows) else "other_gaps"
    return replace(out, status="none", reason=reason)


def subset_counts(row: Mapping[str, Any], kind: Kind = "previous") -> tuple[int, int] | None:
    """(OPDs compared, OPDs in scope) when a kpi_summary row's change of `kind` compares only
    part of the OPDs in scope (the words every card, caption and report add); None when it
    compares every OPD or there is no change."""
    if row.get(f"{kind}_status") in (None, "none") or not row.get(f"{kind}_left_out"):
        return None
    return int(row[f"{kind}_compared_opds"]), int(row[f"{kind}_scope_opds"])


def _missing(current: bool, other: bool) -> Missing:
    if not current and not other:
        return "both"
    return "other" if current else "current"
