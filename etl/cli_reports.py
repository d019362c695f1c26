"""CLI commands that read the warehouse: `coverage` and `metrics` (for scripts and monthly jobs).

Both read the same functions the pages call (warehouse.coverage, warehouse.queries), with the
same filters, so a figure printed here is the figure on the page for that period.

    python -m etl --db FILE coverage --from 2026-09 --to 2026-11 [--json]
    python -m etl --db FILE metrics --from 2026-10 --to 2026-10 [--json]

--from/--to take YYYY-MM (whole months) or YYYY-MM-DD. Filters: --platform, --jenis (OPD kind),
--opd (name, short name or alias), each repeatable. Text output is Bahasa Indonesia.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

from etl.cli_coverage import jsonable, print_coverage
from etl.exit_codes import EXIT_OK, EXIT_USAGE
from etl.schema import PLATFORMS

if TYPE_CHECKING:
    import duckdb

    from warehouse.queries.filters import Filters

COMMANDS = ("coverage", "metrics")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class UsageError(Exception):
    """A bad argument value; Bahasa Indonesia message. The CLI exits 2."""


def add_parsers(sub: Any) -> None:
    """Add the `coverage` and `metrics` sub-commands to the CLI's sub-parser set."""
    for name, help_text in (
        ("coverage", "kelengkapan data per OPD, akun dan bulan (diterima/sebagian/belum ada)"),
        ("metrics", "angka utama dan keaktifan per OPD, sama dengan di halaman"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM")
        p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM")
        p.add_argument("--platform", action="append", default=[], help="boleh berulang")
        p.add_argument("--jenis", action="append", default=[], help="jenis OPD, boleh berulang")
        p.add_argument("--opd", action="append", default=[], help="nama OPD, boleh berulang")
        p.add_argument("--json", action="store_true", help="keluaran JSON")


def parse_day(text: str, *, end: bool) -> dt.date:
    """YYYY-MM -> first (or, with end, last) day of the month; YYYY-MM-DD -> that day."""
    m = _MONTH.match(text.strip())
    try:
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.date(y, mo, calendar.monthrange(y, mo)[1] if end else 1)
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UsageError(f"Tanggal '{text}' tidak sah: tulis YYYY-MM atau YYYY-MM-DD.") from exc


def filters_from(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Filters:
    from etl.opd_index import OpdIndex, OpdNotFound
    from warehouse.queries.filters import Filters

    start = parse_day(args.date_from, end=False)
    end = parse_day(args.date_to, end=True)
    if end < start:
        raise UsageError(f"--to ({end}) lebih awal dari --from ({start}).")
    opd_ids: list[int] = []
    if args.opd:
        index = OpdIndex.from_db(con)
        for name in args.opd:
            try:
                opd_ids.append(int(index.resolve_option(name).opd_id))
            except OpdNotFound as exc:
                raise UsageError(f"--opd: {exc}") from exc
    from warehouse.queries import options

    kinds = _known(args.jenis, options.opd_kinds(con), "--jenis", "jenis OPD")
    platforms = _known(args.platform, options.platforms(con), "--platform", "platform")
    return Filters(start, end, tuple(platforms), tuple(kinds), tuple(opd_ids))


def _known(given: list[str], known: list[str], flag: str, what: str) -> list[str]:
    """Each given value as the warehouse spells it (case ignored: 'Kecamatan' is 'kecamatan');
    an unknown value is refused, never read as a filter that matches nothing."""
    by_fold = {k.casefold(): k for k in known if k}
    out = []
    for value in given:
        hit = by_fold.get(value.strip().casefold())
        if hit is None:
            choices = ", ".join(sorted(by_fold.values())) or "-"
            if flag == "--platform" and value.strip().casefold() in PLATFORMS:
                # A platform the tool reads, but no account or post of it is in the warehouse:
                # the pages do not offer it either, so its figures would be no one's.
                raise UsageError(
                    f"{flag}: belum ada akun atau postingan {value.strip().casefold()} di gudang "
                    f"data (Daftar Akun tidak mencatat akun di platform itu). Pilihan: {choices}."
                )
            raise UsageError(f"{flag}: {what} '{value}' tidak dikenal. Pilihan: {choices}.")
        out.append(hit)
    return out


def run(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    """Run `coverage` or `metrics`; prints to stdout. Returns the exit code (2 on bad usage)."""
    import sys

    try:
        f = filters_from(con, args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    if args.cmd == "coverage":
        print_coverage(con, f, args.json)
    else:
        _print_metrics(con, f, args.json)
    return EXIT_OK


def metrics_payload(con: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, Any]:
    """The key figures and per-OPD activity for one period, as plain JSON-able values.

    Keys: period {start, end}, data_end (the last whole day any data reaches, v_data_end; null
    on an empty warehouse), judged_period {start, end} (the period cut at the data end, what
    the activity figures judge), filters {platforms, opd_kinds, opd_ids}, kpis {key: value}
    (warehouse.queries.summary.kpi_summary: activity_rate 0..1, counts, shares 0..1),
    comparison {previous, year_ago} (what the cards' changes compare with: etl.cli_compare), opds: one object
    per OPD expected to post (opd, opd_kind, posts, max_account_posts, counted_posts (what the
    activity rule compared), required_posts, activity_rule ('account' | 'opd_total'),
    is_active, activity_status active | inactive | no_data, data_complete, index_score 0-100
    or null without data, grade, reason_code, reason: the reasons, and for a not-active OPD the
    rule's count against its minimum, "akun terbanyak 3 dari minimal 4"), in the index's rank order.
    activity_rate is over the judged OPDs (kpis judged_opds), as on the pages.
    """
    import polars as pl

    from etl import cli_compare
    from warehouse import metrics
    from warehouse.queries import activity as activity_queries
    from warehouse.queries import summary

    kpis = summary.kpi_summary(con, f)
    index = activity_queries.opd_index(con, f)
    inactive = activity_queries.inactive_opds(con, f).select("opd_id", "reason_code", "all_reasons")
    opds = index.join(inactive, on="opd_id", how="left").select(
        "rank", "opd", "opd_kind", "posts", "max_account_posts", "counted_posts",
        "required_posts", "activity_rule", "is_active",
        "activity_status", "data_complete", pl.col("index_score").round(2), "grade", "reason_code",
        pl.col("all_reasons").alias("reason"),
    )  # fmt: skip
    from warehouse.queries.options import date_bounds

    data_end = date_bounds(con)[1]
    judged_end = f.end if data_end is None or not f.start <= data_end < f.end else data_end
    return {
        "period": {"start": f.start.isoformat(), "end": f.end.isoformat()},
        # The data end (v_data_end) and the period as judged: cut at the data end.
        "data_end": data_end.isoformat() if data_end is not None else None,
        "judged_period": {"start": f.start.isoformat(), "end": judged_end.isoformat()},
        "filters": {
            "platforms": list(f.platforms),
            "opd_kinds": list(f.opd_kinds),
            "opd_ids": list(f.opd_ids),
        },
        "kpis": {
            r["key"]: r["value"] for r in kpis.iter_rows(named=True) if r["key"] in metrics.KPIS
        },
        # What each card's change compares with, from the same rows (etl.cli_compare).
        "comparison": cli_compare.comparison(kpis),
        "opds": [
            _with_numbers({k: jsonable(v) for k, v in r.items()})
            for r in opds.iter_rows(named=True)
        ],
    }


def _with_numbers(o: dict[str, Any]) -> dict[str, Any]:
    """A not-active row's reason ends with the rule's numbers: which count fell short of which
    minimum ("...; akun terbanyak 3 dari minimal 4"), as the pages and the lampiran say it."""
    from reports import labels

    if o["activity_status"] == "inactive" and None not in (o["counted_posts"], o["required_posts"]):
        counted = labels.counted_against_minimum(
            o["activity_rule"], o["counted_posts"], o["required_posts"]
        )
        o["reason"] = f"{o['reason'] or '-'}; {counted}"
    return o


def _against(prev: dict[str, Any], key: str) -> str:
    """' (-6,5 poin vs 1 Des 2025 s.d. 20 Mei 2026)', with ', pada 29 dari 46 OPD yang datanya
    lengkap di kedua periode' when the change leaves OPDs out, or ' (belum ada pembanding)'."""
    from reports import idfmt
    from warehouse import metrics, vocabulary

    if not prev:
        return ""
    if prev["status"] == "none":
        return f" ({prev['text']})"
    o = prev["other_period"]
    other = " s.d. ".join(
        idfmt.format_date(dt.date.fromisoformat(o[k]), short=True) for k in ("start", "end")
    )
    change = prev["kpis"][key]["change_text"]
    if change is None:  # this figure has no value in one of the two periods
        return f" ({vocabulary.NO_COMPARISON[0]} untuk angka ini: {other})"
    opds = prev.get("compared_opds")
    if opds and opds["left_out"]:  # the change is over part of the OPDs: say which part
        fig = prev["kpis"][key]
        kpi = metrics.KPIS[key]
        subset = vocabulary.COMPARED_SUBSET[0].format(
            n=opds["count"], m=opds["of"]
        ) + vocabulary.COMPARED_SIDES.format(
            mine=idfmt.format_value(fig["value"], kpi.fmt, kpi.decimals),
            other=idfmt.format_value(fig["other_value"], kpi.fmt, kpi.decimals),
        )
        return f" ({change} vs {other}, {subset})"
    return f" ({change} vs {other})"


def _print_metrics(con: duckdb.DuckDBPyConnection, f: Filters, as_json: bool) -> None:
    from reports import idfmt, labels
    from warehouse import metrics

    data = metrics_payload(con, f)
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
        return
    through = dt.date.fromisoformat(data["judged_period"]["end"])
    # The data end cuts the period: the figures stop there, and the heading says so.
    cut = f" (data s.d. {idfmt.format_date(through)})" if through < f.end else ""
    print(f"Periode {idfmt.format_date(f.start)} s.d. {idfmt.format_date(f.end)}{cut}")
    for key, value in data["kpis"].items():
        kpi = metrics.KPIS[key]
        shown = idfmt.format_value(value, kpi.fmt, kpi.decimals)
        prev = data["comparison"].get("previous", {})
        print(f"  {kpi.label}: {shown}{_against(prev, key)}")
    opds = data["comparison"].get("previous", {}).get("compared_opds")
    if opds and opds["left_out"] and data["comparison"]["previous"]["status"] != "none":
        names = ", ".join(o["opd"] for o in opds["left_out"])
        print(f"  Tidak dibandingkan (datanya belum lengkap di salah satu periode): {names}")
    if data["opds"]:
        first = data["opds"][0]
        rule = labels.activity_minimum(first["activity_rule"], first["required_posts"])
        print(f"Keaktifan per OPD (aturan: {rule} dalam periode):")
    else:
        print("Keaktifan per OPD:")
    for o in data["opds"]:
        why = o["reason"] or "-"
        state = {
            "active": "aktif",
            "inactive": f"belum aktif ({why})",
            "no_data": f"belum dinilai ({o['reason'] or '-'})",
        }[o["activity_status"]]
        rank = f"{o['rank']:>3}." if o["rank"] is not None else "  -."
        print(f"  {rank} {o['opd']}: {o['posts']} postingan, {state}")
