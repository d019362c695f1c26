"""A logbook workbook's sheets built as one frame: the month sheets of one book share their
header, so their rows are marked, split per link, filtered, dated and given their platform in
one pass (about 80 small polars calls a book instead of a sheet: eleven sheets cost 11x that).

Only a plain book takes this path: every sheet a logbook with the same columns, no formula
without a value, no ditto mark or blank date to carry down, and no row that would become a
reject (a date unread, missing or out of range, a platform undecided, a metric that is not a
count). Anything else returns None, and the caller builds sheet by sheet
(etl.parse_table.build_table): the one definition of every reject, refusal and their order.
What is decided per sheet stays per sheet: the day/month order (etl.dates.decide_order when a
value does not settle it), the declared period, the end of the data (JUMLAH, signature), the
sheet's platform, and every line of the report naming the sheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from etl.date_text import parse_datetime_series
from etl.dates import EARLIEST, NUMERIC, ORDERS, SLACK, DateEvidence, decide_order, written_order
from etl.detect import Detection
from etl.formats import logbook as lb
from etl.formats._common import (
    Context,
    blank_to_null,
    col,
    no_year_line,
    order_line,
    read_dates,
    to_posts,
    zone_line,
)
from etl.formats._logbook_headers import sheet_platform
from etl.formats.filldown import DITTO, FILLABLE
from etl.readers import RawSheet
from etl.schema import PLATFORMS, FileRejected
from warehouse.settings import source_timezone


@dataclass
class SheetJob:
    """One sheet as detected: its grid and layout, header, and date evidence."""

    sheet: RawSheet
    det: Detection
    ev: DateEvidence


def build_rows(
    raw: pl.DataFrame, jobs: list[SheetJob], where: list[str]
) -> tuple[dict[str | None, pl.DataFrame], list[list[str]]] | None:
    """(posts by sheet name, None: an empty frame; each sheet's report lines) of raw (every
    sheet's rows, __s the sheet's index), or None when a sheet is not plain."""
    headers = jobs[0].det.headers
    header = headers.get("published_at", "published_at")
    df = lb.one_per_link(
        lb.mark_rows(raw, (headers.get("published_at") or "").strip().lower(), over="__s"),
        ["__s", "__row"],
    )
    if (
        "__k" in df.columns
        and df.select(pl.struct("__s", "__row", "__k").is_duplicated().any()).item()
    ):
        return None  # the per-sheet sort's order of equal keys is its own: not reproduced
    has_link, caption, date_raw = lb.row_exprs(df)
    totals, below_end, spacer = lb.keep_filters(df)
    kept = df.group_by("__s").agg(
        pl.col("__row").n_unique().alias("n0"),
        pl.col("__row").filter(totals & below_end).n_unique().alias("n1"),
        pl.col("__row").filter(totals & below_end & spacer).n_unique().alias("n2"),
    )
    df = df.filter(totals & below_end & spacer)
    content = (has_link | caption.is_not_null()).fill_null(False)
    ditto = [col(df, f).str.contains(DITTO).fill_null(False) for f in FILLABLE if f in df.columns]
    flags = df.select(
        pl.any_horizontal(pl.lit(False), *ditto).any().alias("ditto"),
        (date_raw.is_null() & content).any().alias("blank"),
    )
    if flags["ditto"][0] or flags["blank"][0]:
        return None  # carried down: filldown's own report lines and checks
    df = df.with_columns(caption.alias("caption"))
    values = df.select(blank_to_null(col(df, "published_at")).alias("v"))["v"]
    orders = _orders(df.select("__s", values), jobs, where, header)
    if orders is None:
        return None
    tz = source_timezone(lb.NAME)
    ctx = Context(file_name="", sheet=None, headers=headers, source_tz=tz)
    ref = jobs[0].ev.exported_at.date() if jobs[0].ev.exported_at is not None else None
    by_order: dict[str, pl.DataFrame] = {}
    for o in sorted({o for o, _ in orders}):
        read = parse_datetime_series(values, order=o, source_tz=tz, ref_date=ref, with_flags=True)
        assert isinstance(read, pl.DataFrame)
        by_order[o] = read
    order_of = pl.col("__s").replace_strict(
        {k: o for k, (o, _) in enumerate(orders)}, return_dtype=pl.String
    )
    parsed = (
        next(iter(by_order.values()))
        if len(by_order) == 1
        else pl.DataFrame({"o": df.select(order_of).to_series()}).select(
            _pick(by_order, values.name), _pick(by_order, "no_year")
        )
    )
    content = has_link | pl.col("caption").is_not_null()
    df = read_dates(df, parsed, values, content)
    if df.select(_bad_date(jobs).any()).item():
        return None
    plat = pl.col("__s").replace_strict(
        {k: sheet_platform(j.sheet.name) for k, j in enumerate(jobs)}, return_dtype=pl.String
    )
    good = df.with_columns(lb.platform_expr(df, plat))
    if good.select(
        (pl.col("__platform").is_null() | ~pl.col("__platform").is_in(PLATFORMS)).any()
    ).item():
        return None
    good = good.with_columns(lb.post_columns(good))
    sheet_name = pl.col("__s").replace_strict(
        {k: j.sheet.name for k, j in enumerate(jobs)}, return_dtype=pl.String
    )
    posts = to_posts(good, ctx, sheets=sheet_name)
    parts: dict[str | None, pl.DataFrame] = {
        key[0]: part
        for key, part in posts.partition_by(
            "source_sheet", as_dict=True, maintain_order=True
        ).items()
    }
    parts[None] = posts.head(0)
    stats = good.group_by("__s").agg(
        pl.col("__no_year").sum().alias("n_year"),
        pl.col("__date_raw").filter(pl.col("__no_year")).first().alias("example"),
        pl.len().alias("n"),
    )
    counts = {r["__s"]: r for r in kept.iter_rows(named=True)}
    dated = {r["__s"]: r for r in stats.iter_rows(named=True)}
    lines = []
    for k in range(len(jobs)):
        out: list[str] = []
        c = counts.get(k)
        if c is not None and c["n0"] - c["n2"]:
            out.append(lb.skipped_line(where[k], c["n0"] - c["n1"], c["n1"] - c["n2"]))
        reason = orders[k][1]
        if reason:
            out.append(order_line(where[k], header, reason))
        d = dated.get(k)
        if d is not None and d["n_year"] and ref is not None:
            out.append(no_year_line(where[k], header, d["n_year"], d["example"], ref))
        if d is not None and d["n"]:
            out.append(zone_line(where[k], tz))
        lines.append(out)
    return parts, lines


def _pick(by_order: dict[str, pl.DataFrame], name: str) -> pl.Expr:
    """The column `name` of the reading in each row's sheet's order (column o)."""
    out: pl.Expr = pl.lit(None)
    for o, frame in by_order.items():
        out = pl.when(pl.col("o") == o).then(pl.lit(frame.get_column(name))).otherwise(out)
    return out.alias(name)


def _orders(
    values: pl.DataFrame, jobs: list[SheetJob], where: list[str], header: str
) -> list[tuple[str, str | None]] | None:
    """Each sheet's (order, reason) as etl.dates.decide_order gives it: a numeric date whose
    first (or second) part is above 12 settles it at once; anything else asks decide_order on
    that sheet's values. None when it refuses (the book is then built sheet by sheet)."""
    v = pl.col("v").cast(pl.String).str.strip_chars()
    g = v.str.extract_groups(NUMERIC)
    a, b = (
        g.struct.field("1").cast(pl.Int32, strict=False),
        g.struct.field("2").cast(pl.Int32, strict=False),
    )
    part = v.is_not_null() & a.is_not_null() & b.is_not_null()
    first, second = part & (a > 12) & (b <= 12), part & (b > 12) & (a <= 12)
    per = dict(
        (r[0], r[1:])
        for r in values.group_by("__s")
        .agg(
            v.filter(first).first().alias("fb"),
            v.filter(second).first().alias("sb"),
            (part & (a != b)).any().alias("amb"),
        )
        .iter_rows()
    )
    out: list[tuple[str, str | None]] = []
    for k, job in enumerate(jobs):
        fb, sb, amb = per.get(k, (None, None, False))
        if job.ev.user_order not in ORDERS and (fb is None) != (sb is None):
            out.append(written_order("dmy" if fb is not None else "mdy", fb or sb))
        elif job.ev.user_order not in ORDERS and fb is None and not amb:
            out.append((lb.NATIVE_ORDER, None))
        else:
            sheet_values = values.filter(pl.col("__s") == k)["v"]
            try:
                out.append(
                    decide_order(
                        sheet_values, job.ev, native=lb.NATIVE_ORDER,
                        native_reason=lb.NATIVE_REASON, where=where[k], column=header,
                        source_tz=source_timezone(lb.NAME),
                    )
                )  # fmt: skip
            except FileRejected:
                return None
    return out


def _bad_date(jobs: list[SheetJob]) -> pl.Expr:
    """A row parse_dates would reject: a date unread, missing on a post, or out of range
    (etl.dates.check_range: before EARLIEST, after the export day or today, outside the
    sheet's declared period, each with SLACK)."""
    ev = jobs[0].ev
    day = pl.col("published_at").dt.date()
    latest = (ev.exported_at.date() if ev.exported_at else dt.date.today()) + SLACK
    lo = {k: j.ev.period[0] - SLACK for k, j in enumerate(jobs) if j.ev.period is not None}
    hi = {k: j.ev.period[1] + SLACK for k, j in enumerate(jobs) if j.ev.period is not None}
    s = pl.col("__s")
    period = (day < s.replace_strict(lo, default=None, return_dtype=pl.Date)) | (
        day > s.replace_strict(hi, default=None, return_dtype=pl.Date)
    )
    unread = pl.col("__date_raw").is_not_null() & pl.col("published_at").is_null()
    missing = pl.col("__date_raw").is_null() & pl.col("__content")
    out_of_range = (day < pl.lit(EARLIEST)) | (day > pl.lit(latest)) | period.fill_null(False)
    return unread | missing | out_of_range.fill_null(False)
