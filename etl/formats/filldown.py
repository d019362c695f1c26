"""Logbook cells left for the reader to carry down: a date written only on the first post of a
day (a merge lost in CSV or Google Sheets), and `idem` / `"` / `ditto` ("same as above").

An explicit ditto mark is filled from the row above in any column it appears in. A blank date is
filled only where the evidence is clear: the row holds a post (link or caption), it follows a
dated row with no gap, and the dates the file does write never go backwards (checked after
parsing by `check_order`). Every fill is stated in the load report.
"""

from __future__ import annotations

import polars as pl

from etl.date_text import parse_datetime_series
from etl.formats._common import Context, blank_to_null, col, make_rejects

# "Same as above" marks: Indonesian offices write idem, sda (sama dengan atas), dto, or quotes.
DITTO = r'(?i)^\s*(?:idem|ditto|dto\.?|sda\.?|s\.d\.a\.?|"+|\'\'|〃|”|“|-do-|do\.?)\s*$'
FILLABLE = ("published_at", "time", "platform", "opd_hint", "account_handle",
             "post_format_raw", "logbook_label")  # fmt: skip


def fill_down(df: pl.DataFrame, ctx: Context, content: pl.Expr) -> pl.DataFrame:
    """Fill ditto marks (any fillable column) and blank dates of post rows from the row above,
    within a block of consecutive rows. Adds __date_filled (a blank date filled, to be
    confirmed by check_order)."""
    block = (pl.col("__row").diff().fill_null(1) > 1).cum_sum().alias("__block")
    df = df.with_columns(block, content.fill_null(False).alias("__has_content"))
    ditto_lines = []
    for fld in FILLABLE:
        if fld not in df.columns:
            continue
        mark = col(df, fld).str.contains(DITTO).fill_null(False)
        n = int(df.select(mark.sum()).item())
        if not n:
            continue
        rows = df.filter(mark)["__row"].unique().sort().to_list()
        df = df.with_columns(
            pl.when(mark).then(None).otherwise(pl.col(fld)).forward_fill().over("__block")
            .alias("__f"),
            mark.alias("__mark"),
        ).with_columns(
            pl.when(pl.col("__mark")).then(pl.col("__f")).otherwise(pl.col(fld)).alias(fld)
        ).drop("__f", "__mark")  # fmt: skip
        ditto_lines.append(
            f"{ctx.where()}, kolom '{ctx.headers.get(fld, fld)}': {n} sel bertanda 'idem'/'\"' "
            f"diisi dari baris di atasnya (baris {_rows(rows)})."
        )
    ctx.assumptions.extend(ditto_lines)
    if "published_at" not in df.columns:
        return df.with_columns(pl.lit(False).alias("__date_filled")).drop("__has_content")
    date = blank_to_null(col(df, "published_at"))
    blank = date.is_null() & pl.col("__has_content")
    if not df.select(blank.any()).item():  # no blank date to fill: no date parsing
        return df.with_columns(pl.lit(False).alias("__date_filled")).drop("__has_content")
    # Only a date that reads (in either order) is carried down: a blank under an unreadable
    # date stays a reject of its own.
    dates = df["published_at"]
    readable = (
        parse_datetime_series(dates, order="dmy").is_not_null()  # type: ignore[union-attr]
        | parse_datetime_series(dates, order="mdy").is_not_null()  # type: ignore[union-attr]
    )
    df = df.with_columns(readable.alias("__readable"))
    source = (
        pl.when(date.is_null())
        .then(None)
        .otherwise(pl.when(pl.col("__readable")).then(date).otherwise(pl.lit("\x00")))
    )
    carried = source.forward_fill().over("__block")
    carried = pl.when(carried == "\x00").then(None).otherwise(carried)
    return df.with_columns(
        pl.when(blank).then(carried).otherwise(pl.col("published_at")).alias("published_at"),
        (blank & carried.is_not_null()).alias("__date_filled"),
    ).drop("__has_content", "__readable")


def check_order(good: pl.DataFrame, ctx: Context) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Keep blank-date fills only when the dates written in the file never go backwards;
    otherwise those rows are rejects saying how to fix the file. Returns (good, rejects)."""
    filled = good.filter(pl.col("__date_filled"))
    if filled.height == 0:
        return good.drop("__date_filled", "__block"), make_rejects(
            filled, ctx, "published_at", pl.lit(None), pl.lit("")
        )
    written = good.filter(~pl.col("__date_filled")).sort("__row")
    ordered = bool(
        written.select((pl.col("published_at").dt.date().diff().dt.total_days() >= 0).all())
        .item()
    ) if written.height > 1 else True  # fmt: skip
    header = ctx.headers.get("published_at", "published_at")
    rows = filled["__row"].unique().sort().to_list()
    if ordered:
        ctx.assumptions.append(
            f"{ctx.where()}, kolom '{header}': {len(rows)} sel tanggal kosong diisi dari baris "
            f"di atasnya (baris {_rows(rows)}): tanggal hanya ditulis di baris pertama tiap hari "
            "(sel gabungan yang hilang saat disimpan sebagai CSV), dan tanggal yang tertulis "
            "berurutan."
        )
        return good.drop("__date_filled", "__block"), make_rejects(
            filled.head(0), ctx, "published_at", pl.lit(None), pl.lit("")
        )
    rejects = make_rejects(
        filled,
        ctx,
        "published_at",
        pl.lit(None, pl.String),
        pl.lit(
            "Tanggal kosong: sel tanggal tampaknya digabung (merge) atau hanya ditulis di baris "
            "pertama tiap hari, tetapi tanggal di berkas tidak berurutan sehingga tidak aman "
            "diisi otomatis. Isi tanggal di setiap baris (atau tulis 'idem'), lalu unggah lagi"
        ),
    )
    good = good.filter(~pl.col("__date_filled")).drop("__date_filled", "__block")
    return good, rejects


def _rows(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:10])
    return shown + (f" dan {len(rows) - 10} lainnya" if len(rows) > 10 else "")
