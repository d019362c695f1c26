"""The comparison block of `metrics --json`: what every KPI card's change compares with, read
from the same kpi_summary rows the cards read (warehouse.queries.summary.kpi_summary, periods
planned by warehouse.compare), so the CLI and the page cannot differ."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from warehouse import compare, metrics, vocabulary

if TYPE_CHECKING:
    import polars as pl

KINDS = ("previous", "year_ago")


def _span(start: Any, end: Any) -> dict[str, str] | None:
    if start is None or end is None:
        return None
    return {"start": start.isoformat(), "end": end.isoformat()}


def _compared_opds(r: dict[str, Any], kind: str) -> dict[str, Any] | None:
    if r[f"{kind}_scope_opds"] is None:
        return None
    spans = {
        "current": (r["compared_start"], r["compared_end"]),
        "other": (r[f"{kind}_start"], r[f"{kind}_end"]),
    }
    left = []
    for o in r[f"{kind}_left_out"]:
        which = ["current", "other"] if o["missing"] == "both" else [o["missing"]]
        days = " dan ".join(f"{spans[w][0]} s.d. {spans[w][1]}" for w in which)
        left.append({**o, "reason": vocabulary.LEFT_OUT_REASON.format(days=days)})
    return {"count": r[f"{kind}_compared_opds"], "of": r[f"{kind}_scope_opds"], "left_out": left}


def _subset_text(r: dict[str, Any], kind: str) -> str | None:
    """The subset words without a KPI's figures (those are per KPI, in kpis), or None when every
    OPD in scope is compared."""
    counts = compare.subset_counts(r, kind)  # type: ignore[arg-type]
    if counts is None:
        return None
    return vocabulary.COMPARED_SUBSET[0].format(n=counts[0], m=counts[1])


def comparison(kpis: pl.DataFrame) -> dict[str, Any]:
    """{"previous": {...}, "year_ago": {...}} from a kpi_summary frame (empty dict when empty).

    Each: status ("full": the whole period vs the whole other one; "cut": the data ends inside
    the period, so its days up to the data end vs the same days of the other; "none": no data to
    compare with), reason (null | no_data | no_current_data | before_data | other_gaps | current_gaps:
    warehouse.compare), compared_period
    {start, end} (the part of the chosen period compared), other_period {start, end}, text
    ("belum ada pembanding" when status is none; when the change compares part of the OPDs,
    on how many: "pada 2 dari 3 OPD yang datanya lengkap di kedua periode", the figures of
    each KPI being in kpis; else null), kpis {key: {value (the KPI over
    compared_period), other_value, change (value - other_value; for "persen" KPIs a difference
    of fractions 0..1), change_points (persen only: change x 100, the "poin" on the card),
    change_text (as the card prints it, id-ID: "-6,5 poin", "+1.204")}}; other_value, change
    and the rest are null when status is none: a change against nothing is never given."""
    from reports import idfmt

    if not kpis.height:
        return {}
    rows = [r for r in kpis.iter_rows(named=True) if r["key"] in metrics.KPIS]
    first = rows[0]
    out: dict[str, Any] = {}
    for kind in KINDS:
        status = first[f"{kind}_status"]
        none = status == "none"
        figures = {}
        for r in rows:
            change = None if none else r[f"change_{kind}"]
            persen = r["format"] == "persen"
            figures[r["key"]] = {
                "value": r[f"{kind}_compared_value"],
                "other_value": None if none else r[f"{kind}_value"],
                "change": change,
                "change_points": (
                    float(Decimal(str(change)) * 100) if persen and change is not None else None
                ),
                "change_text": None
                if change is None
                else idfmt.format_change(change, r["format"], r["decimals"]),
            }
        out[kind] = {
            "status": status,
            "reason": first[f"{kind}_reason"],
            "compared_period": _span(first["compared_start"], first["compared_end"]),
            "other_period": _span(first[f"{kind}_start"], first[f"{kind}_end"]),
            "text": vocabulary.NO_COMPARISON[0] if none else _subset_text(first, kind),
            "compared_opds": _compared_opds(first, kind),
            "kpis": figures,
        }
    return out
