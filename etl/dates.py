"""Date evidence: which day/month order a column uses, its declared period, and which dates are
plausible.

A numeric date such as 03/10/2026 reads as 3 October (day first) or 10 March (month first). The
order is decided per file and column from evidence, strongest first:
1. the user's choice (CLI --date-order, the upload page);
2. the column's own values: a first part above 12 (13/10) means day first, a second part above
   12 (10/13) means month first; both in one column is refused;
3. the file's declared period (file name, folder name, logbook title or sheet name) and its
   export date: a reading that puts a date outside the period or after the export is ruled out;
4. locale markers: a ';'-separated file with decimal commas is an Excel re-save under
   Indonesian (or other day-first) regional settings; an Indonesian logbook writes day first;
   a platform export as the platform writes it follows the platform's documented order (Meta:
   MM/DD/YYYY in every UI language, export-formats.md).
When two readings still give different dates, the file is refused with both dates and how to
choose. Each decision is stated in the load report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import polars as pl
from polars.expr.whenthen import ChainedThen, Then

from etl.date_text import MONTHS, parse_datetime_series
from etl.schema import FileRejected
from warehouse import vocabulary

ORDERS = ("dmy", "mdy")
ORDER_LABEL = {"dmy": "hari/bulan/tahun", "mdy": "bulan/hari/tahun"}
# Earliest plausible post: Facebook pages opened to the public in 2004; no OPD posted before.
EARLIEST = dt.date(2004, 1, 1)
# Slack around a declared period or export date: the platform's zone is not WIB, so a post near
# midnight on the last day can fall on the next day here.
SLACK = dt.timedelta(days=1)
NUMERIC = r"^(?:\p{L}+,?\s*)?(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b"
_MONTH_NAMES = sorted((m for m in MONTHS if len(m) >= 3), key=len, reverse=True)
_MONTH_RE = "|".join(re.escape(m) for m in _MONTH_NAMES)
_MONTH_YEAR = re.compile(rf"(?<![a-z])({_MONTH_RE})\.?\s*[-_ ]?\s*(\d{{4}})(?!\d)", re.I)
_MONTH_RANGE = re.compile(
    rf"(?<![a-z])({_MONTH_RE})\.?\s*(?:-|–|s\.?\s*d\.?|sampai|hingga|to)\s*({_MONTH_RE})\.?\s+"
    r"(\d{4})(?!\d)",
    re.I,
)


@dataclass
class DateEvidence:
    """What a file tells about its dates, gathered before its rows are parsed."""

    period: tuple[dt.date, dt.date] | None = None
    period_source: str | None = None  # Bahasa Indonesia: "nama berkas", "judul lembar", ...
    exported_at: dt.datetime | None = None
    locale_order: str | None = None  # 'dmy' | 'mdy' from locale markers, else None
    locale_reason: str | None = None
    user_order: str | None = None  # --date-order / upload page choice


def fmt_date(d: dt.date | dt.datetime) -> str:
    return f"{d.day} {vocabulary.MONTHS_ID[d.month - 1]} {d.year}"


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)


def period_from_text(text: str | None) -> tuple[dt.date, dt.date] | None:
    """A month ('Oktober 2026', 'BULAN OKTOBER 2026') or month range ('Januari - Maret 2026')
    named in a title, sheet or file name; None when absent or when several disagree."""
    if not text:
        return None
    t = text.lower()
    rng = _MONTH_RANGE.search(t)
    if rng:
        m1, m2, y = MONTHS[rng.group(1).lower()], MONTHS[rng.group(2).lower()], int(rng.group(3))
        if m1 <= m2:
            return dt.date(y, m1, 1), _month_end(y, m2)
    found = {(int(m.group(2)), MONTHS[m.group(1).lower()]) for m in _MONTH_YEAR.finditer(t)}
    if len(found) != 1:
        return None
    y, m = found.pop()
    if not 2000 <= y <= 2100:
        return None
    return dt.date(y, m, 1), _month_end(y, m)


def _split(values: pl.Series) -> pl.DataFrame:
    s = values.cast(pl.String).drop_nulls().str.strip_chars()
    g = s.str.extract_groups(NUMERIC)
    return pl.DataFrame(
        {
            "v": s,
            "a": g.struct.field("1").cast(pl.Int32, strict=False),
            "b": g.struct.field("2").cast(pl.Int32, strict=False),
        }
    ).filter(pl.col("a").is_not_null() & pl.col("b").is_not_null())


def _fits(ts: pl.Series, ev: DateEvidence) -> bool:
    """Every date of one reading (as written, no zone shift) inside the declared period and not
    after the export day. Strict: a day of slack would let 02/01 read as 1 February fit a
    January file."""
    d = ts.drop_nulls()
    if d.len() == 0:
        return False
    lo, hi = d.min().date(), d.max().date()  # type: ignore[union-attr]
    if ev.period is not None and (lo < ev.period[0] or hi > ev.period[1]):
        return False
    return not (ev.exported_at is not None and hi > ev.exported_at.date())


def decide_order(
    values: pl.Series,
    ev: DateEvidence,
    *,
    native: str | None,
    native_reason: str | None,
    where: str,
    column: str,
    source_tz: str,
) -> tuple[str, str | None]:
    """(order, reason) for one date column; reason is None when no numeric date needed one.

    Raises FileRejected (Bahasa Indonesia) when both orders occur in the column, or when two
    readings remain after all the evidence: the message names both dates and how to choose.
    """
    parts = _split(values)
    if ev.user_order in ORDERS:
        return ev.user_order, f"urutan {ORDER_LABEL[ev.user_order]} dipilih oleh pengguna"
    if parts.height == 0:
        return native or "dmy", None
    # 13/13 reads in neither order: an unreadable date (a reject), not evidence.
    first_big = parts.filter((pl.col("a") > 12) & (pl.col("b") <= 12))
    second_big = parts.filter((pl.col("b") > 12) & (pl.col("a") <= 12))
    if first_big.height and second_big.height:
        raise FileRejected(
            f"{where}, kolom '{column}': tanggal ditulis dengan dua urutan sekaligus "
            f"('{first_big['v'][0]}' hanya terbaca hari/bulan, '{second_big['v'][0]}' hanya "
            "terbaca bulan/hari). Perbaiki kolom itu agar satu urutan saja, lalu unggah lagi."
        )
    if first_big.height:
        return written_order("dmy", first_big["v"][0])
    if second_big.height:
        return written_order("mdy", second_big["v"][0])
    ambiguous = parts.filter(pl.col("a") != pl.col("b"))
    if ambiguous.height == 0:
        return native or "dmy", None  # 05/05: both readings give the same dates
    # Wall-clock dates as written: the period and export day are in the file's own terms.
    readings = {o: parse_datetime_series(ambiguous["v"], order=o) for o in ORDERS}
    fitting = [o for o in ORDERS if _fits(readings[o], ev)]  # type: ignore[arg-type]
    if len(fitting) == 1:
        basis = []
        if ev.period is not None:
            basis.append(
                f"periode {fmt_date(ev.period[0])} s.d. {fmt_date(ev.period[1])} "
                f"({ev.period_source})"
            )
        if ev.exported_at is not None:
            basis.append(f"tanggal ekspor {fmt_date(ev.exported_at)}")
        return fitting[0], (
            f"urutan {ORDER_LABEL[fitting[0]]}: hanya urutan ini menempatkan semua tanggal "
            f"dalam {' dan sebelum '.join(basis)}"
        )
    if ev.locale_order in ORDERS:
        return ev.locale_order, f"urutan {ORDER_LABEL[ev.locale_order]}: {ev.locale_reason}"
    if native in ORDERS:
        return native, f"urutan {ORDER_LABEL[native]}: {native_reason}"
    v = ambiguous["v"][0]
    d1, d2 = readings["dmy"].item(0), readings["mdy"].item(0)
    raise FileRejected(
        f"{where}, kolom '{column}': urutan hari dan bulan tidak dapat dipastikan. "
        f"'{v}' dapat berarti {fmt_date(d1)} (hari/bulan) atau {fmt_date(d2)} (bulan/hari), "
        "dan berkas tidak memberi bukti yang cukup (periode di nama berkas, tanggal ekspor, "
        "pengaturan regional). Pilih urutannya: di CLI --date-order dmy (hari/bulan) atau "
        "--date-order mdy (bulan/hari); di halaman Unggah Data pilih 'Urutan tanggal'."
    )


def written_order(order: str, value: str) -> tuple[str, str]:
    """(order, reason) when a value reads in that order only (13/10: day first)."""
    words = "hari/bulan" if order == "dmy" else "bulan/hari"
    return order, f"urutan {words}: nilai seperti '{value}' hanya terbaca {words}"


def check_range(
    df: pl.DataFrame, ev: DateEvidence, *, today: dt.date
) -> tuple[pl.Series, pl.Series]:
    """(bad mask, reason) for parsed `published_at`: outside the plausible range, outside the
    declared period, or after the export date."""
    ts = pl.col("published_at")
    day = ts.dt.date()
    latest = (ev.exported_at.date() if ev.exported_at else today) + SLACK
    reason: Then | ChainedThen = pl.when(day < pl.lit(EARLIEST)).then(
        pl.format(
            "Tanggal {} tidak wajar (sebelum {}): bukan tanggal unggah yang sah",
            day.dt.strftime("%d-%m-%Y"),
            pl.lit(EARLIEST.strftime("%Y")),
        )
    )
    if ev.exported_at is not None:
        reason = reason.when(day > pl.lit(latest)).then(
            pl.format(
                "Tanggal {} jatuh setelah tanggal ekspor berkas ({})",
                day.dt.strftime("%d-%m-%Y"),
                pl.lit(ev.exported_at.strftime("%d-%m-%Y")),
            )
        )
    else:
        reason = reason.when(day > pl.lit(latest)).then(
            pl.format("Tanggal {} tidak wajar (setelah hari ini)", day.dt.strftime("%d-%m-%Y"))
        )
    if ev.period is not None:
        a, b = ev.period
        reason = reason.when((day < pl.lit(a - SLACK)) | (day > pl.lit(b + SLACK))).then(
            pl.format(
                "Tanggal {} di luar periode berkas {} s.d. {} ({})",
                day.dt.strftime("%d-%m-%Y"),
                pl.lit(a.strftime("%d-%m-%Y")),
                pl.lit(b.strftime("%d-%m-%Y")),
                pl.lit(ev.period_source or "berkas"),
            )
        )
    out = df.select(reason.alias("r"))["r"]
    return out.is_not_null(), out
