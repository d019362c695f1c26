"""Shared pieces of the format parsers: context, column access, date rejects, final shape.

Every format module has the same shape (one alias table, one build function):
    NAME, PLATFORM, HEADERS (field -> header aliases), REQUIRED (groups of any-of fields),
    DISTINCTIVE (fields that tell this format apart), VALUES (post type value aliases),
    build(raw, ctx) -> ParsedTable.
`raw` has one String column per mapped field plus `__row` (the row number seen in Excel).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from etl.date_text import parse_datetime_series, parse_time_of_day_series
from etl.dates import DateEvidence, check_range, decide_order, fmt_date
from etl.number_text import parse_count_series
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
    evidence: DateEvidence = field(default_factory=DateEvidence)
    assumptions: list[str] = field(default_factory=list)  # for the load report, Indonesian
    today: dt.date = field(default_factory=dt.date.today)

    def assume(self, text: str) -> None:
        if text not in self.assumptions:
            self.assumptions.append(text)

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
    """The counts of raw's metric columns (etl.number_text.parse_count_expr of the stripped
    text), parsed now as Series: expressions for raw.with_columns. Absent ones: a typed null."""
    return [
        pl.lit(parse_count_series(raw.get_column(m).str.strip_chars())).alias(m)
        if m in raw.columns
        else pl.lit(None, pl.Int64).alias(m)
        for m in METRIC_FIELDS
    ]


def parse_dates(
    raw: pl.DataFrame,
    ctx: Context,
    *,
    native: str | None,
    native_reason: str | None = None,
    content: pl.Expr,
    date_field: str = "published_at",
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Add `published_at` (WIB); split off rows with an unreadable, missing or implausible date.

    The day/month order comes from etl.dates.decide_order (native: the order the platform itself
    writes, with native_reason; None when it has none). A day and month without a year take the
    year of the export date. Dates before 2004, after the export (or today), or outside the
    file's declared period are rejects with their reason. Every such decision goes to
    ctx.assumptions. `content` marks rows that are clearly posts (a link or caption): an empty
    date there is a reject; an empty date on a row without content is dropped. An optional
    `time` field (logbook "Jam") is added to a date that has no time of its own.
    Raises FileRejected when the day/month order cannot be decided.
    """
    header = ctx.headers.get(date_field, date_field)
    ev = ctx.evidence
    values = raw.select(blank_to_null(col(raw, date_field)).alias("v"))["v"]
    order, reason = decide_order(
        values, ev, native=native, native_reason=native_reason, where=ctx.where(),
        column=header, source_tz=ctx.source_tz,
    )  # fmt: skip
    if reason:
        ctx.assume(order_line(ctx.where(), header, reason))
    ref = ev.exported_at.date() if ev.exported_at is not None else None
    parsed = parse_datetime_series(
        values, order=order, source_tz=ctx.source_tz, ref_date=ref, with_flags=True
    )
    assert isinstance(parsed, pl.DataFrame)
    df = read_dates(raw, parsed, values, content)
    bad_range, range_reason = check_range(df, ev, today=ctx.today)
    df = df.with_columns(range_reason.alias("__range"))
    unread = pl.col("__date_raw").is_not_null() & pl.col("published_at").is_null()
    missing = pl.col("__date_raw").is_null() & pl.col("__content")
    no_year_unknown = unread & pl.col("__date_raw").str.contains(r"^\D*\d{1,2}\D*$")
    bad = df.filter(unread | missing | pl.col("__range").is_not_null())
    rejects = bad.select(
        pl.lit(ctx.sheet, pl.String).alias("sheet"),
        pl.col("__row").cast(pl.Int64).alias("row_number"),
        pl.lit(header, pl.String).alias("column_name"),
        pl.col("__date_raw").alias("value"),
        pl.when(pl.col("__date_raw").is_null())
        .then(pl.lit("Tanggal kosong pada baris yang berisi link/isi postingan"))
        .when(pl.col("__range").is_not_null())
        .then(pl.col("__range"))
        .when(no_year_unknown)
        .then(
            pl.format(
                "Tanggal '{}' tanpa tahun, dan tanggal ekspor berkas tidak diketahui untuk "
                "menentukan tahunnya",
                pl.col("__date_raw"),
            )
        )
        .otherwise(pl.format("Tanggal tidak dapat dibaca: '{}'", pl.col("__date_raw")))
        .alias("reason"),
    )
    good = df.filter(pl.col("published_at").is_not_null() & pl.col("__range").is_null())
    n_year = int(good["__no_year"].sum())
    if n_year and ref is not None:
        example = good.filter(pl.col("__no_year"))["__date_raw"][0]
        ctx.assume(no_year_line(ctx.where(), header, n_year, example, ref))
    if good.height:
        ctx.assume(zone_line(ctx.where(), ctx.source_tz))
    good = good.drop("__date_raw", "__content", "__ts", "__no_year", "__range")
    return good, rejects.cast(REJECT_SCHEMA)  # type: ignore[arg-type]


def read_dates(
    raw: pl.DataFrame, parsed: pl.DataFrame, values: pl.Series, content: pl.Expr
) -> pl.DataFrame:
    """raw with published_at (parse_datetime_series' frame `parsed`, plus the `time` field when
    the date has no time of its own), __ts, __no_year, __date_raw (values) and __content."""
    ts = pl.col("__ts")
    df = raw.with_columns(
        parsed.get_column(values.name).alias("__ts"),
        parsed.get_column("no_year").alias("__no_year"),
        values.alias("__date_raw"),
        content.fill_null(False).alias("__content"),
    )
    if "time" in raw.columns:
        secs = pl.col("__secs")
        times = raw.select(blank_to_null(col(raw, "time"))).to_series()
        df = df.with_columns(parse_time_of_day_series(times).alias("__secs"))
        midnight = ts == ts.dt.truncate("1d")
        df = df.with_columns(
            pl.when(midnight & secs.is_not_null())
            .then(ts + pl.duration(seconds=secs))
            .otherwise(ts)
            .alias("__ts")
        ).drop("__secs")
    return df.with_columns(pl.col("__ts").alias("published_at"))


def order_line(where: str, header: str, reason: str) -> str:
    return f"{where}, kolom '{header}': {reason}."


def no_year_line(where: str, header: str, n: int, example: str, ref: dt.date) -> str:
    return (
        f"{where}, kolom '{header}': {n} tanggal tanpa tahun (mis. '{example}'); tahunnya "
        f"diambil dari tanggal ekspor {fmt_date(ref)} (tanggal setelah tanggal ekspor = tahun "
        "sebelumnya)."
    )


def zone_line(where: str, source_tz: str) -> str:
    return f"{where}: waktu dibaca dalam zona {source_tz} dan disimpan dalam WIB (Asia/Jakarta)."


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


def to_posts(df: pl.DataFrame, ctx: Context, *, sheets: pl.Expr | None = None) -> pl.DataFrame:
    """Exactly POST_SCHEMA, in order; absent columns null. source_sheet: ctx.sheet, or the
    expression `sheets` (a workbook's sheets built together)."""
    exprs = []
    for name, dtype in POST_SCHEMA.items():
        if name == "source_sheet":
            exprs.append((pl.lit(ctx.sheet, pl.String) if sheets is None else sheets).alias(name))
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
