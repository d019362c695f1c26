"""Fast path of the date parser for the shapes exports and logbooks write most: the platforms'
exact formats (Meta `10/03/2026 14:30`, a reader's `2026-10-03 09:05:00`, also with a fraction of a second), a logbook's
`Rabu, 03-12-2025` and `3 Okt 2026`, and Excel serials.

Each distinct value gets a shape: lower case, ASCII digits -> 9, runs of ASCII letters -> a
(`Rabu, 03-12-2025` -> `a, 99-99-9999`). Only a shape listed here is parsed here, with the one
exact format it stands for, and a value is taken only when it is the canonical text of what
polars parses from it (parse, format back, compare): a value with another shape, non-ASCII
characters, a two-digit year, an unpadded number or an impossible date is left null for the
general patterns in etl.date_text. What is taken here equals the general path's reading, value
for value (tests/etl_formats/test_date_fast.py checks it on generated values of every shape).
The result is the wall-clock time as written, naive, before any zone conversion.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from etl.date_words import DAY_NAMES, MONTHS

# Excel's day 0 (1900 date system, with its phantom 29 February 1900).
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
# Serials read as dates: 20000 is 1954-10-03, 80000 is 2119-01-10 (etl.date_text's range).
SERIAL_RANGE = (20000, 80000)

_ISO = {
    "9999-99-99 99:99:99": "%Y-%m-%d %H:%M:%S",
    "9999-99-99 99:99": "%Y-%m-%d %H:%M",
    "9999-99-99": "%Y-%m-%d",
}

_ISO_FRACTION = "9999-99-99 99:99:99."


def _numeric(order: str) -> dict[str, str]:
    """Day-month-year shapes in the column's order (the general path reads month first only
    for 'mdy')."""
    first, second = ("%m", "%d") if order == "mdy" else ("%d", "%m")
    out = {}
    for sep in "/-.":
        date = f"{first}{sep}{second}{sep}%Y"
        shape = f"99{sep}99{sep}9999"
        out[shape] = date
        out[shape + " 99:99"] = date + " %H:%M"
        out[shape + " 99:99:99"] = date + " %H:%M:%S"
    return out


def _exact(text: pl.Expr, fmt: str) -> pl.Expr:
    """text parsed with fmt when text is exactly fmt's rendering of it, else null."""
    if "%H" in fmt:
        ts = text.str.strptime(pl.Datetime("us"), fmt, strict=False)
    else:
        ts = text.str.strptime(pl.Date, fmt, strict=False)
    return pl.when(ts.dt.strftime(fmt) == text).then(ts.cast(pl.Datetime("us")))


def fast_wall_times(values: pl.Series, *, order: str) -> pl.Series:
    """Datetime('us') per value for the shapes above, null for every other value.

    values: String series (distinct values are best; nulls allowed, returned null). order:
    'mdy' reads numeric dates month first, anything else day first (as etl.date_text does).
    """
    low = values.cast(pl.String).str.to_lowercase()
    df = pl.DataFrame({"c": low}).with_row_index("i")
    df = df.with_columns(
        pl.col("c").str.replace_all("[0-9]", "9").str.replace_all("[a-z]+", "a").alias("shape")
    )
    formats = {**_ISO, **_numeric(order)}
    parts = []
    for shape in df["shape"].unique().drop_nulls().to_list():
        grp = df.filter(pl.col("shape") == shape)
        c = pl.col("c")
        if shape in formats:
            ts = _exact(c, formats[shape])
        elif shape.startswith(_ISO_FRACTION) and set(shape[len(_ISO_FRACTION) :]) == {"9"}:
            # "2026-01-01 00:00:00.600" (a reader's rendering of a time with a fraction): the
            # general path drops the fraction.
            ts = _exact(c.str.slice(0, 19), _ISO["9999-99-99 99:99:99"])
        elif shape.startswith("a, ") and shape[3:] in formats:
            # "Rabu, 03-12-2025": a weekday name, then a date the general path reads alone.
            head = c.str.split_exact(", ", 1)
            ts = pl.when(head.struct.field("field_0").is_in(DAY_NAMES)).then(
                _exact(head.struct.field("field_1"), formats[shape[3:]])
            )
        elif shape in ("9 a 9999", "99 a 9999"):
            # "3 Okt 2026": the month by name.
            words = c.str.split_exact(" ", 2)
            month = words.struct.field("field_1").replace_strict(
                MONTHS, default=None, return_dtype=pl.Int32
            )
            iso = pl.format(
                "{}-{}-{}",
                words.struct.field("field_2"),
                month.cast(pl.String).str.zfill(2),
                words.struct.field("field_0").str.zfill(2),
            )
            ts = _exact(iso, "%Y-%m-%d")
        elif shape == "99999":
            days = c.cast(pl.Int64, strict=False)
            ts = pl.when(days.is_between(*SERIAL_RANGE)).then(
                (pl.lit(EXCEL_EPOCH) + pl.duration(days=days)).cast(pl.Datetime("us"))
            )
        else:
            continue
        parts.append(grp.select("i", ts.cast(pl.Datetime("us")).alias("ts")))
    if not parts:
        return pl.Series(values.name, [None] * values.len(), pl.Datetime("us"))
    got = pl.concat(parts)
    return (
        df.select("i")
        .join(got, on="i", how="left", maintain_order="left")
        .get_column("ts")
        .alias(values.name)
    )
