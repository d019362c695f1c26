"""Shared pieces of the format parsers: context, column access, date rejects, final shape.

Every format module has the same shape (one alias table, one build function):
    NAME, PLATFORM, HEADERS (field -> header aliases), REQUIRED (groups of any-of fields),
    DISTINCTIVE (fields that tell this format apart), VALUES (post type value aliases),
    build(raw, ctx) -> ParsedTable.
`raw` has one String column per mapped field plus `__row` (the row number seen in Excel).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from etl.normalize import parse_count_expr, parse_datetime_expr, parse_time_of_day_expr
from etl.schema import POST_SCHEMA, REJECT_SCHEMA

METRIC_FIELDS = ("views", "reach", "reactions", "comments", "shares", "saves")


@dataclass
class Context:
    file_name: str
    sheet: str | None
    headers: dict[str, str]  # field -> header text as found in the file
    source_tz: str
    file_handle: str | None = None  # handle known from the file/ZIP name
    notes: list[str] = field(default_factory=list)

    def where(self) -> str:
        s = f"Berkas '{self.file_name}'"
        return s + (f", sheet '{self.sheet}'" if self.sheet else "")


def col(raw: pl.DataFrame, name: str) -> pl.Expr:
    """The column when the file has it, else a typed null (optional columns vary by month)."""
    if name in raw.columns:
        return pl.col(name).str.strip_chars()
    return pl.lit(None, pl.String)


def blank_to_null(e: pl.Expr) -> pl.Expr:
    return pl.when(e.str.strip_chars().str.len_chars() > 0).then(e)


def metric_exprs(raw: pl.DataFrame) -> list[pl.Expr]:
    # Absent metric columns stay a typed null (a UDF over a literal would not broadcast).
    return [
        parse_count_expr(col(raw, m)).alias(m)
        if m in raw.columns
        else pl.lit(None, pl.Int64).alias(m)
        for m in METRIC_FIELDS
    ]


def parse_dates(
    raw: pl.DataFrame,
    ctx: Context,
    *,
    order: str,
    content: pl.Expr,
    date_field: str = "published_at",
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Add `published_at` (WIB); split off rows with an unreadable or missing date as rejects.

    `content` marks rows that are clearly posts (a link or caption): an empty date there is a
    reject; an empty date on a row without content is just not a post row and is dropped.
    An optional `time` field (logbook "Jam") is added to a date that has no time of its own.
    """
    raw_date = blank_to_null(col(raw, date_field))
    ts = parse_datetime_expr(raw_date, order=order, source_tz=ctx.source_tz)
    if "time" in raw.columns:
        secs = parse_time_of_day_expr(blank_to_null(col(raw, "time")))
        midnight = ts == ts.dt.truncate("1d")
        ts = (
            pl.when(midnight & secs.is_not_null())
            .then(ts + pl.duration(seconds=secs))
            .otherwise(ts)
        )
    df = raw.with_columns(
        ts.alias("published_at"),
        raw_date.alias("__date_raw"),
        content.fill_null(False).alias("__content"),
    )
    bad = df.filter(
        (pl.col("__date_raw").is_not_null() & pl.col("published_at").is_null())
        | (pl.col("__date_raw").is_null() & pl.col("__content"))
    )
    header = ctx.headers.get(date_field, date_field)
    rejects = bad.select(
        pl.lit(ctx.sheet, pl.String).alias("sheet"),
        pl.col("__row").cast(pl.Int64).alias("row_number"),
        pl.lit(header, pl.String).alias("column_name"),
        pl.col("__date_raw").alias("value"),
        pl.when(pl.col("__date_raw").is_null())
        .then(pl.lit("Tanggal kosong pada baris yang berisi link/isi postingan"))
        .otherwise(pl.format("Tanggal tidak dapat dibaca: '{}'", pl.col("__date_raw")))
        .alias("reason"),
    )
    good = df.filter(pl.col("published_at").is_not_null()).drop("__date_raw", "__content")
    return good, rejects.cast(REJECT_SCHEMA)  # type: ignore[arg-type]


def make_rejects(
    df: pl.DataFrame, ctx: Context, field_name: str, value: pl.Expr, reason: pl.Expr
) -> pl.DataFrame:
    """Rejects frame for rows of df (which carries __row)."""
    return df.select(
        pl.lit(ctx.sheet, pl.String).alias("sheet"),
        pl.col("__row").cast(pl.Int64).alias("row_number"),
        pl.lit(ctx.headers.get(field_name, field_name), pl.String).alias("column_name"),
        value.cast(pl.String).alias("value"),
        reason.cast(pl.String).alias("reason"),
    ).cast(REJECT_SCHEMA)  # type: ignore[arg-type]


def to_posts(df: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """Exactly POST_SCHEMA, in order; absent columns null."""
    exprs = []
    for name, dtype in POST_SCHEMA.items():
        if name == "source_sheet":
            exprs.append(pl.lit(ctx.sheet, pl.String).alias(name))
        elif name == "source_row":
            exprs.append(pl.col("__row").cast(pl.Int64).alias(name))
        elif name in df.columns:
            exprs.append(pl.col(name).cast(dtype).alias(name))
        else:
            exprs.append(pl.lit(None, dtype).alias(name))
    return df.select(exprs)


def single_value(s: pl.Series) -> str | None:
    """The one non-null value of a column, else None (file-level handle)."""
    vals = s.drop_nulls().unique()
    return vals.item() if vals.len() == 1 else None
