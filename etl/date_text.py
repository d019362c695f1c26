"""Dates as exports and logbooks write them -> timestamps: Indonesian, English, Spanish,
Portuguese, Vietnamese and CJK month words, day-first or month-first numbers, Excel serials,
with or without a year or a time. Vectorized polars expressions, no Python loop per row
(performance-facts.md); month and day names from etl.date_words.
"""

from __future__ import annotations

import datetime as dt
import re

import polars as pl

from etl.date_fast import EXCEL_EPOCH, SERIAL_RANGE, fast_wall_times
from etl.date_words import DAY_NAMES, EN_MONTHS, MONTHS, VI_MONTHS
from warehouse.settings import LOCAL_TZ  # WIB: the zone every timestamp is stored in

__all__ = [
    "DAY_NAMES",  # re-exported: etl.normalize and older callers read the words from here
    "MONTHS",
    "parse_datetime_expr",
    "parse_datetime_series",
    "parse_time_of_day_expr",
    "parse_time_of_day_series",
]

_DAY_RE = r"^(?:" + "|".join(sorted((re.escape(d) for d in DAY_NAMES), key=len, reverse=True))
_DAY_RE += r")\b\.?,?\s*"

# Optional time part: "13:45", "13.45", "13:45:07", "1:05 PM", "+0000" offset, "WIB".
_TIME = (
    r"(?:[\s,t]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*(am|pm)?)?"
    r"\s*(?:(?:utc|gmt|z)?\s*([+-])(\d{2}):?(\d{2}))?\s*$"
)
_P_ISO = r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME
_P_NUM = r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME
_P_DMONY = r"^(\d{1,2})[-\s/.]*(\p{L}+)\.?[-\s/.,]*(\d{4}|\d{2})" + _TIME
_P_MONDY = r"^(\p{L}+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME
# Day and month without a year (TikTok Studio "October 3", "3 Oktober"): year from the export date.
_P_DMON_NY = r"^(\d{1,2})[-\s/.]*(\p{L}+)\.?" + _TIME
_P_MOND_NY = r"^(\p{L}+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?" + _TIME
_P_SERIAL = r"^(\d{5})(?:\.(\d+))?$"


def _clean_date_text(c: pl.Series) -> pl.Series:
    """Lower case, weekday and filler words removed, Vietnamese and CJK month words rewritten
    to English names (those passes only when some value has "tháng" or "月": each is a pass
    over the column for nothing otherwise), whitespace collapsed."""
    e = (
        c.str.normalize("NFKC")
        .str.to_lowercase()
        .str.strip_chars()
        .str.replace(_DAY_RE, "")
        .str.replace_all(r"\b(pukul|jam|wib|wita|wit)\b|\bat\b", " ")
        # "3 de octubre de 2026", "3 de outubro": the joining word is not a month.
        .str.replace_all(r"\b(de|del)\b", " ")
    )
    if e.str.contains("tháng", literal=True).any():
        for words, num in VI_MONTHS:
            e = e.str.replace_all(f"tháng {words}\\b", EN_MONTHS[num - 1])
        for i, name in enumerate(EN_MONTHS, start=1):
            e = e.str.replace_all(f"tháng 0?{i}\\b", name)
    if e.str.contains("月", literal=True).any():
        # "9月6日" / "2026年9月6日": month and day written with CJK counters.
        for i, name in enumerate(EN_MONTHS, start=1):
            e = e.str.replace(f"^(?:(\\d{{4}})年)?0?{i}月(\\d{{1,2}})日", f"$2 {name} $1")
    return e.str.replace_all(r"\s+", " ").str.strip_chars(" ,")


_TIME_PARTS = ("h", "mi", "s", "ap", "sg", "oh", "om")


def _parts(pattern: str, date_names: tuple[str, ...]) -> pl.Expr:
    """One pattern's groups renamed to the shared part names; null struct when no match.

    A pattern without a year group gets a null Y (the caller infers the year)."""
    g = pl.col("c").str.extract_groups(pattern)
    names = (*date_names, *_TIME_PARTS)
    fields = [g.struct.field(str(i + 1)).alias(n) for i, n in enumerate(names)]
    if "Y" not in date_names:
        fields.insert(0, pl.lit(None, pl.String).alias("Y"))
        fields = [fields[0], *fields[1:]]
    order = ("Y", "M", "D", *_TIME_PARTS)
    by_name = {f.meta.output_name(): f for f in fields}
    return pl.when(g.struct.field("1").is_not_null()).then(pl.struct([by_name[n] for n in order]))


def parse_datetime_series(
    s: pl.Series,
    *,
    order: str = "dmy",
    source_tz: str = LOCAL_TZ,
    ref_date: dt.date | None = None,
    with_flags: bool = False,
    fast: bool = True,
) -> pl.Series | pl.DataFrame:
    """Series version of parse_datetime_expr: Datetime('us'), naive WIB, named like s.

    ref_date: the export date; a day and month without a year ("October 3") takes its year, or
    the year before when that day would fall after it. Without ref_date such values are null.
    with_flags: return a frame (ts, no_year) instead, no_year marking values whose year was
    inferred. A four-digit year is taken as written (0001 stays 0001, then fails the range
    check); only a two-digit year means 20YY.
    Each distinct value is read once: the exact shapes of etl.date_fast first (fast=False
    skips them: the reference they are tested against), the general patterns for the rest.
    """
    text = s.cast(pl.String)
    distinct = text.drop_nulls().unique()
    quick = (
        fast_wall_times(distinct, order=order)
        if fast
        else pl.Series([None] * distinct.len(), dtype=pl.Datetime("us"))
    )
    known = pl.DataFrame({"c": distinct, "ts": quick}).with_columns(
        pl.lit(None, pl.Int64).alias("off"), pl.lit(False).alias("no_year")
    )
    rest = known.filter(pl.col("ts").is_null())
    if rest.height:
        known = pl.concat(
            [
                known.filter(pl.col("ts").is_not_null()),
                _general_wall(rest["c"], order, ref_date).with_columns(c=rest["c"]),
            ],
            how="diagonal_relaxed",
        )
    ts, off = pl.col("ts"), pl.col("off")
    # Explicit offset ("+0000", X classic): wall time at that offset -> UTC -> WIB.
    from_offset = (
        (ts - pl.duration(minutes=off.fill_null(0)))
        .dt.replace_time_zone("UTC")
        .dt.convert_time_zone(LOCAL_TZ)
        .dt.replace_time_zone(None)
    )
    if source_tz == LOCAL_TZ:
        no_offset = ts
    else:
        no_offset = (
            ts.dt.replace_time_zone(source_tz, ambiguous="earliest", non_existent="null")
            .dt.convert_time_zone(LOCAL_TZ)
            .dt.replace_time_zone(None)
        )
    known = known.select(
        "c",
        pl.when(off.is_not_null())
        .then(from_offset)
        .otherwise(no_offset)
        .cast(pl.Datetime("us"))
        .alias("ts"),
        pl.col("no_year").cast(pl.Boolean),
    )
    out = (
        pl.DataFrame({"c": text})
        .join(known, on="c", how="left", maintain_order="left")
        .select(ts.alias(s.name), pl.col("no_year").fill_null(False))
    )
    return out if with_flags else out.to_series()


def _general_wall(c: pl.Series, order: str, ref_date: dt.date | None) -> pl.DataFrame:
    """The general patterns: (ts wall time as written, off minutes east of UTC or null,
    no_year) per value of c.

    Staging keeps each regex pass single: one big nested expression made polars evaluate the
    same extract many times over (13 s for 100k rows instead of well under one).
    """
    num_names = ("M", "D", "Y") if order == "mdy" else ("D", "M", "Y")
    df = pl.DataFrame({"c": _clean_date_text(c)})
    df = df.with_columns(
        pl.coalesce(
            _parts(_P_ISO, ("Y", "M", "D")),
            _parts(_P_NUM, num_names),
            _parts(_P_DMONY, ("D", "M", "Y")),
            _parts(_P_MONDY, ("M", "D", "Y")),
            _parts(_P_DMON_NY, ("D", "M")),
            _parts(_P_MOND_NY, ("M", "D")),
        ).alias("p"),
        pl.col("c").str.extract_groups(_P_SERIAL).alias("ser"),
    ).unnest("p")
    i32 = pl.Int32
    two_digit = pl.col("Y").str.len_chars() <= 2
    df = df.with_columns(
        pl.coalesce(
            pl.col("M").cast(i32, strict=False),
            pl.col("M").replace_strict(MONTHS, default=None, return_dtype=i32),
        ).alias("M"),
        pl.when(two_digit)
        .then(pl.col("Y").cast(i32, strict=False) + 2000)
        .otherwise(pl.col("Y").cast(i32, strict=False))
        .alias("Y"),
        pl.col("Y").is_null().alias("no_year"),
        pl.col("D").cast(i32, strict=False).alias("D"),
        pl.col("h").cast(i32, strict=False).fill_null(0).alias("h"),
        pl.col("mi").cast(i32, strict=False).fill_null(0).alias("mi"),
        pl.col("s").cast(i32, strict=False).fill_null(0).alias("s"),
        (
            pl.col("oh").cast(pl.Int64, strict=False) * 60
            + pl.col("om").cast(pl.Int64, strict=False)
        ).alias("off"),
    ).with_columns(
        pl.when(pl.col("ap") == "pm")
        .then(pl.col("h") % 12 + 12)
        .when(pl.col("ap") == "am")
        .then(pl.col("h") % 12)
        .otherwise(pl.col("h"))
        .alias("h"),
        pl.when(pl.col("sg") == "-").then(-pl.col("off")).otherwise(pl.col("off")).alias("off"),
    )
    no_year = pl.col("no_year") & pl.col("M").is_not_null() & pl.col("D").is_not_null()
    if ref_date is not None:
        later = (pl.col("M") > ref_date.month) | (
            (pl.col("M") == ref_date.month) & (pl.col("D") > ref_date.day)
        )
        inferred = pl.when(later).then(ref_date.year - 1).otherwise(ref_date.year).cast(i32)
        df = df.with_columns(pl.when(no_year).then(inferred).otherwise(pl.col("Y")).alias("Y"))
    df = df.with_columns(no_year.fill_null(False).alias("no_year"))
    # Through strptime so impossible dates (31/02) become null instead of raising.
    text = pl.format(
        "{}-{}-{} {}:{}:{}",
        *[
            pl.col(c).cast(pl.String).str.zfill(w)
            for c, w in (("Y", 4), ("M", 2), ("D", 2), ("h", 2), ("mi", 2), ("s", 2))
        ],
    )
    days = pl.col("ser").struct.field("1").cast(pl.Int64, strict=False)
    frac = pl.concat_str(pl.lit("0."), pl.col("ser").struct.field("2").fill_null("0")).cast(
        pl.Float64, strict=False
    )
    serial = pl.when(days.is_between(*SERIAL_RANGE)).then(
        pl.lit(EXCEL_EPOCH) + pl.duration(days=days, seconds=(frac * 86400).round(0).cast(pl.Int64))
    )
    return df.select(
        pl.coalesce(
            text.str.strptime(pl.Datetime("us"), "%Y-%m-%d %H:%M:%S", strict=False),
            serial.cast(pl.Datetime("us")),
        ).alias("ts"),
        pl.col("off"),
        pl.col("no_year"),
    )


def parse_datetime_expr(
    expr: pl.Expr,
    *,
    order: str = "dmy",
    source_tz: str = LOCAL_TZ,
    ref_date: dt.date | None = None,
) -> pl.Expr:
    """Parse any supported date/time text into a naive WIB Datetime('us'); null when unreadable.

    Styles: Excel serial (45658, 45658.57), ISO (2025-02-03[ 13:45[:00]]), numeric D/M/Y or
    M/D/Y per `order` ('dmy' | 'mdy'), '1 Desember 2025', '3 Feb 2025', 'Senin, 01-12-2025',
    'Rabu, 3 Februari 2025 pukul 13.45', 'Oct 3, 2026', 'Tue, Jul 14, 2026', '1:05 PM',
    '2024-03-15 18:42 +0000' (an explicit offset wins over source_tz).
    Times without a zone are taken in source_tz and converted to WIB. Vectorized: the whole
    column goes through parse_datetime_series in one call (no per-row Python).
    """
    return expr.map_batches(
        lambda s: parse_datetime_series(s, order=order, source_tz=source_tz, ref_date=ref_date),
        return_dtype=pl.Datetime("us"),
    )


def parse_time_of_day_series(s: pl.Series) -> pl.Series:
    """Seconds since midnight (Int64, null when unreadable) from '13.45', '13:45:00',
    '1899-12-30 13:45:00', '0.5729' (Excel). In stages: as one expression polars evaluated the
    pattern once per use of the hour (5 ms for a 20-row column)."""
    df = pl.DataFrame({"c": s.cast(pl.String).str.strip_chars().str.to_lowercase()})
    df = df.with_columns(
        pl.col("c")
        .str.extract_groups(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm)?\s*(?:wib)?$")
        .alias("g"),
        pl.col("c").str.contains(r"^0?\.\d+$").alias("frac"),
    ).unnest("g")
    h, ampm = pl.col("1").cast(pl.Int64, strict=False), pl.col("4")
    h = pl.when(ampm == "pm").then(h % 12 + 12).when(ampm == "am").then(h % 12).otherwise(h)
    df = df.select(
        pl.coalesce(
            h * 3600
            + pl.col("2").cast(pl.Int64, strict=False) * 60
            + pl.col("3").cast(pl.Int64, strict=False).fill_null(0),
            pl.when(pl.col("frac")).then(
                (pl.col("c").cast(pl.Float64, strict=False) * 86400).round(0).cast(pl.Int64)
            ),
        ).alias("secs")
    )
    secs = pl.col("secs")
    return df.select(pl.when((secs >= 0) & (secs < 86400)).then(secs)).to_series().alias(s.name)


def parse_time_of_day_expr(expr: pl.Expr) -> pl.Expr:
    """Vectorized parse_time_of_day_series."""
    return expr.map_batches(parse_time_of_day_series, return_dtype=pl.Int64)
