"""Which days of which account a load covers (table load_coverage, migration 030).

An account that posted nothing and an account whose export never arrived look the same in the
posts table; only the period each file declares tells them apart. Per parsed table the period is
taken from, in this order (the first that gives one wins):
1. the export's own name (file, else its folder): Meta `Oct-01-2026_Oct-31-2026_<id>.csv`,
   YouTube `Content 2026-10-01_2026-10-31 <channel>`, X `..._20261001_20261031_en.csv`
   (etl.export_date.period_from_name);
2. a logbook's title rows above its header ("REKAP ... BULAN OKTOBER 2026", "DESEMBER 2025 -
   NOVEMBER 2026", "TAHUN 2026");
3. a logbook's sheet name ("Oktober 2026", "OKT 26"; "Oktober" alone takes the year of its
   posts, else of the title or file name);
4. else the span from the first to the last post in the table (stated in the report: a period
   the file does not write is never stretched past its own posts).
A declared period never reaches past the export date (a file cannot report days after it was
made). Scope: a platform export covers the accounts its posts belong to (when no post is tied to
an account: the OPD's accounts on that platform); a logbook covers every account of its OPD, or
the platform its sheet is named after ("Instagram"), because an OPD's logbook is its whole record.
Coverage is read only through live loads (loads.status = 'loaded'); the covered days kept
from it (warehouse.coverage_days) are refreshed by every write here and by undo.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

import duckdb
import polars as pl

from etl.date_text import MONTHS
from etl.export_date import period_from_name
from etl.formats._logbook_headers import sheet_platform
from etl.schema import ParsedTable
from warehouse import coverage_days

# Basis codes stored in load_coverage.basis -> what the load report says (Bahasa Indonesia).
BASIS_TEXT: dict[str, str] = {
    "file_name": "periode pada nama berkas",
    "title": "judul di atas tabel",
    "sheet_name": "nama sheet",
    "posts_span": "rentang tanggal postingan (periode tidak tertulis di berkas)",
}
# Platform of each non-logbook format (an export with no rows still knows its platform).
FORMAT_PLATFORM = {"meta_facebook": "facebook", "meta_instagram": "instagram"}

COVERAGE_SCHEMA: dict[str, pl.DataType] = {
    "opd_id": pl.Int64(),
    "platform": pl.String(),  # None: every platform of the OPD
    "account_id": pl.Int64(),  # None: every account of the OPD on platform
    "period_start": pl.Date(),
    "period_end": pl.Date(),
    "basis": pl.String(),  # a BASIS_TEXT key
    "source_sheet": pl.String(),
}

_WORD_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)?\d{2}"
_MY = rf"\b({_WORD_MONTH})\.?\s*[-/' ]?\s*({_YEAR})\b"
_RANGE = re.compile(
    rf"{_MY}\s*(?:-|–|s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*{_MY}", re.IGNORECASE
)
_MONTH_YEAR = re.compile(_MY, re.IGNORECASE)
_YEAR_ONLY = re.compile(r"\btahun\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"^\s*({_WORD_MONTH})\.?\s*$", re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


@dataclass(frozen=True)
class Span:
    start: dt.date
    end: dt.date
    basis: str


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_from_title(text: str | None) -> tuple[dt.date, dt.date] | None:
    """A month range, one month, or a year written in a logbook title or sheet name.

    "REKAP ... BULAN OKTOBER 2026" -> (2026-10-01, 2026-10-31); "DESEMBER 2025 - NOVEMBER 2026"
    -> (2025-12-01, 2026-11-30); "OKT 26" -> October 2026; "TAHUN 2026" -> the whole year.
    A month word needs a year beside it (a title mentions other words); None when nothing fits.
    """
    if not text:
        return None
    m = _RANGE.search(text)
    if m:
        a = dt.date(_year(m.group(2)), MONTHS[m.group(1).lower()], 1)
        b = _month_end(_year(m.group(4)), MONTHS[m.group(3).lower()])
        if a <= b:
            return a, b
    found = [(_year(y), MONTHS[mo.lower()]) for mo, y in _MONTH_YEAR.findall(text)]
    if found and len(set(found)) == 1:
        y, mo = found[0]
        return dt.date(y, mo, 1), _month_end(y, mo)
    if found:
        return None  # several different months: the title alone does not say which
    m = _YEAR_ONLY.search(text)
    if m:
        y = int(m.group(1))
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return None


def _month_alone(sheet: str | None, posts: pl.DataFrame, hint_text: str) -> Span | None:
    """Sheet "Oktober": the year its posts fall in that month, else the one year in the title or
    file name; None when neither says."""
    m = _MONTH_ALONE.match(sheet or "")
    if not m:
        return None
    month = MONTHS[m.group(1).lower()]
    years: set[int] = set()
    if posts.height:
        dates = posts.get_column("published_at").drop_nulls()
        years = {d.year for d in dates if d.month == month}
    if not years:
        years = {int(y) for y in _ANY_YEAR.findall(hint_text)}
    if len(years) != 1:
        return None
    y = years.pop()
    return Span(dt.date(y, month, 1), _month_end(y, month), "sheet_name")


def declared_span(
    table: ParsedTable, posts: pl.DataFrame, *, file_name: str, file_path: str | None
) -> Span | None:
    """The period one parsed table covers, by the rules in the module docstring (uncapped)."""
    names = [PurePath(file_name).name]
    if file_path:
        names.append(PurePath(file_path).parent.name)
    names += [PurePath(m).name for m in file_name.split("/")[1:]]  # a ZIP member's own name
    for n in names:
        p = period_from_name(n)
        if p is not None:
            return Span(p[0], p[1], "file_name")
    if table.format == "logbook":
        p = period_from_title(table.title)
        if p is not None:
            return Span(p[0], p[1], "title")
        p = period_from_title(table.sheet)
        if p is not None:
            return Span(p[0], p[1], "sheet_name")
        alone = _month_alone(table.sheet, posts, f"{table.title or ''} {file_name}")
        if alone is not None:
            return alone
    if posts.height:
        dates = posts.get_column("published_at").drop_nulls()
        if dates.len():
            return Span(dates.min().date(), dates.max().date(), "posts_span")  # type: ignore[union-attr]
    return None


def derive(
    tables: list[ParsedTable],
    obs: pl.DataFrame,
    *,
    file_name: str,
    file_path: str | None,
    file_opd_id: int | None,
    exported_at: dt.datetime | None,
    file_account_id: int | None = None,
) -> tuple[pl.DataFrame, list[str]]:
    """Coverage rows (COVERAGE_SCHEMA) of one file, and notes for its load report.

    obs: the load's resolved observations (opd_id, account_id, platform, published_at,
    source_sheet), one row per post. file_account_id: the one account a file without a post
    reports on, when its name says (etl.name_id); else such a file covers every account of
    file_opd_id on its platform.
    """
    rows: list[dict[str, object]] = []
    notes: list[str] = []
    cap = exported_at.date() if exported_at is not None else None
    for t in tables:
        sheet_obs = obs.filter(
            pl.col("source_sheet").is_null()
            if t.sheet is None
            else pl.col("source_sheet") == t.sheet
        )
        span = declared_span(t, sheet_obs, file_name=file_name, file_path=file_path)
        where = f"sheet '{t.sheet}'" if t.sheet else "berkas"
        if span is None:
            notes.append(f"Cakupan data {where}: periode tidak dapat ditentukan, tidak dicatat.")
            continue
        end = min(span.end, cap) if cap is not None and cap >= span.start else span.end
        if t.format == "logbook":
            plat = sheet_platform(t.sheet)
            opds = sheet_obs.get_column("opd_id").unique().drop_nulls().to_list()
            scopes: list[tuple[int, str | None, int | None]] = [
                (o, plat, None) for o in (opds or [file_opd_id]) if o is not None
            ]
        else:
            plat = t.platform or FORMAT_PLATFORM.get(t.format)
            keys = sheet_obs.select("opd_id", "platform", "account_id").unique()
            scopes = [tuple(r) for r in keys.iter_rows()]
            if not scopes and file_opd_id is not None and plat is not None:
                scopes = [(file_opd_id, plat, file_account_id)]
        if not scopes:
            notes.append(f"Cakupan data {where}: OPD pemilik tidak diketahui, tidak dicatat.")
            continue
        for opd_id, platform, account_id in scopes:
            rows.append(
                {
                    "opd_id": opd_id,
                    "platform": platform,
                    "account_id": account_id,
                    "period_start": span.start,
                    "period_end": end,
                    "basis": span.basis,
                    "source_sheet": t.sheet,
                }
            )
    frame = pl.DataFrame(rows, schema=COVERAGE_SCHEMA).unique(maintain_order=True)
    if frame.height:
        notes.insert(0, summary(frame))
    return frame, notes


def summary(frame: pl.DataFrame) -> str:
    """One line for the load report: the periods covered and where each came from."""
    parts = []
    spans = frame.select("period_start", "period_end", "basis").unique().sort("period_start")
    for basis, grp in spans.group_by("basis", maintain_order=True):
        ranges = [f"{a:%d-%m-%Y} s.d. {b:%d-%m-%Y}" for a, b, _ in grp.iter_rows()]
        if len(ranges) > 3:
            first, last = grp.select(pl.col("period_start").min(), pl.col("period_end").max()).row(
                0
            )
            ranges = [f"{len(ranges)} periode, {first:%d-%m-%Y} s.d. {last:%d-%m-%Y}"]
        parts.append(f"{'; '.join(ranges)} (dari {BASIS_TEXT[str(basis[0])]})")
    return "Cakupan data: " + " | ".join(parts)


def write(con: duckdb.DuckDBPyConnection, load_id: int, coverage: pl.DataFrame) -> None:
    """Store a load's coverage rows in the caller's open transaction (write_many's INSERT,
    with this load's id on every row)."""
    write_many(con, coverage.with_columns(load_id=pl.lit(load_id, dtype=pl.Int64)))


def write_many(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame) -> None:
    """Store several loads' coverage rows (COVERAGE_SCHEMA plus load_id) in one statement, in
    the caller's open transaction (a folder load's batch: etl.load_batch), and the days they
    cover (warehouse.coverage_days: only the accounts and days these rows name)."""
    if rows.height == 0:
        return
    con.register("_coverage", rows)
    try:
        con.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis, source_sheet) SELECT load_id, opd_id, platform, account_id,"
            " period_start, period_end, basis, source_sheet FROM _coverage"
        )
    finally:
        con.unregister("_coverage")
    coverage_days.refresh_loads(con, rows.get_column("load_id").unique().to_list())
