"""Hand-kept OPD logbooks ("Rekap Postingan", xlsx or csv).

No public template exists (export-formats.md): title rows and a kop, merged header cells, one
sheet per month or per platform, headers in many spellings, a link column per platform in some
offices (one post per non-empty link), JUMLAH/TOTAL rows, spacer rows and a signature block at
the bottom. Anything that is clearly not a post row is dropped silently; a row that looks like a
post but has no readable date becomes a reject naming its Excel row. The header and sheet-name
words: etl.formats._logbook_headers.
"""

from __future__ import annotations

import polars as pl

from etl.formats._common import (
    Context,
    blank_to_null,
    col,
    make_rejects,
    metric_exprs,
    parse_dates,
    to_posts,
)
from etl.formats._logbook_headers import HEADERS as HEADERS
from etl.formats._logbook_headers import REQUIRED as REQUIRED
from etl.formats._logbook_headers import sheet_platform
from etl.formats.filldown import check_order, fill_down
from etl.post_values import (
    is_url_expr,
    platform_from_url_expr,
    platform_value_expr,
    post_format_expr,
    post_format_from_url_expr,
)
from etl.schema import PLATFORMS, ParsedTable, empty_rejects

NAME = "logbook"
PLATFORM = None

DISTINCTIVE: tuple[str, ...] = ()
VALUES: dict[str, str] = {}  # post format values: etl.post_values.POST_FORMAT_VALUES


# In per-platform link columns a cell counts as a post when it holds a URL or a tick ("✓",
# "v", "ada", "sudah"); dashes, counts (JUMLAH row) and signature text do not.
_TICK = r"(?i)^(✓|✔|☑|√|v|ada|sudah|ya|ok|posted|done|terposting|diunggah)$"
_TOTAL_ROW = r"^\s*(jumlah|total|sub ?total|grand total)\b"
_SIGNATURE = (
    r"\b(mengetahui|kepala dinas|kepala badan|kepala bagian|kepala kantor|kepala bidang|"
    r"sekretaris|camat\b|lurah\b|kepala desa|kades\b|sekcam\b|nip\.?\s*[:\d]|nip\b|pembina|penata|ttd|dibuat oleh|disetujui|diperiksa|"
    r"plt\.|plh\.)"
)


NATIVE_ORDER = "dmy"
NATIVE_REASON = "buku rekap OPD berbahasa Indonesia menulis hari/bulan/tahun"


def platform_expr(good: pl.DataFrame, sheet_plat: pl.Expr) -> pl.Expr:
    """__platform: the link column's platform, the link's host (it beats the Platform cell:
    "Instagram & Facebook" with two links), the Platform cell, then the sheet's name."""
    return pl.coalesce(
        pl.col("__link_platform"),
        platform_from_url_expr(pl.col("permalink")),
        platform_value_expr(col(good, "platform")),
        sheet_plat,
    ).alias("__platform")


def post_columns(good: pl.DataFrame) -> list[pl.Expr]:
    """The posts' values of a built frame (platform decided, dates read)."""
    fmt_raw = blank_to_null(col(good, "post_format_raw"))
    return [
        pl.col("__platform").alias("platform"),
        pl.lit(None, pl.String).alias("native_id"),
        blank_to_null(col(good, "account_handle")).alias("account_handle"),
        blank_to_null(col(good, "opd_hint")).alias("opd_hint"),
        fmt_raw.alias("post_format_raw"),
        # The format column when it says something known, else what the link tells.
        pl.coalesce(
            post_format_expr(fmt_raw), post_format_from_url_expr(pl.col("permalink"))
        ).alias("post_format"),
        blank_to_null(col(good, "logbook_label")).alias("logbook_label"),
        *metric_exprs(good),
    ]


def _first_url(e: pl.Expr) -> pl.Expr:
    s = e.str.strip_chars()
    found = s.str.extract(r"(?i)((?:https?://|www\.)\S+)", 1)
    return pl.coalesce(found, pl.when(is_url_expr(s)).then(s))


def _split_links(df: pl.DataFrame) -> pl.DataFrame:
    """One row per URL in the generic link column ("Instagram & Facebook" rows hold two)."""
    if "permalink" not in df.columns:
        return df.with_columns(pl.lit(None, pl.String).alias("permalink"))
    urls = pl.col("permalink").str.extract_all(r"(?i)(?:https?://|www\.)[^\s,;]+")
    return df.with_columns(
        pl.when(urls.list.len() > 1)
        .then(urls)
        .otherwise(pl.concat_list(_first_url(pl.col("permalink"))))
        .alias("permalink")
    ).explode("permalink")


def _link_cell(e: pl.Expr) -> pl.Expr:
    """The cell when it marks a post (URL or tick), else null."""
    s = e.str.strip_chars()
    return pl.when(is_url_expr(s) | s.str.contains(r"(?i)https?://") | s.str.contains(_TICK)).then(
        s
    )


def mark_rows(raw: pl.DataFrame, date_hdr: str, over: str | None = None) -> pl.DataFrame:
    """raw with __total / __sign (a totals or signature row) and __end (at or below one; per
    `over` group: a workbook's sheets built together), repeated header rows dropped."""
    text = pl.col("__rowtext") if "__rowtext" in raw.columns else pl.lit("")
    # A totals/signature row has no date and no link; a caption that merely mentions
    # "Kepala Dinas" on a dated row is still a post.
    plain = blank_to_null(col(raw, "published_at")).is_null() & ~text.str.contains(
        r"(?i)https?://|www\."
    )
    end = (pl.col("__total") | pl.col("__sign")).cum_max()
    df = raw.with_columns(
        (text.str.contains(_TOTAL_ROW) & ~text.str.contains(r"(?i)https?://|www\.")).alias(
            "__total"
        ),
        (text.str.contains(_SIGNATURE) & plain).alias("__sign"),
    ).with_columns((end if over is None else end.over(over)).alias("__end"))
    # Repeated header rows (a second month block under the first) are not posts.
    return df.filter(
        col(df, "published_at").str.to_lowercase().fill_null("") != date_hdr
        if date_hdr
        else pl.lit(True)
    )


def one_per_link(df: pl.DataFrame, order: list[str]) -> pl.DataFrame:
    """One row per non-empty link: per-platform columns first, then the generic link column;
    with link columns sorted by `order` then the column's place."""
    link_cols = [c for c in df.columns if c.startswith("link_")]
    parts = []
    for lc in link_cols:
        v = _link_cell(col(df, lc))
        parts.append(
            df.filter(v.is_not_null()).with_columns(
                _first_url(col(df, lc)).alias("permalink"),
                pl.lit(lc.removeprefix("link_")).alias("__link_platform"),
                pl.lit(link_cols.index(lc)).alias("__k"),
            )
        )
    if not link_cols:
        return _split_links(df).with_columns(pl.lit(None, pl.String).alias("__link_platform"))
    has_any = pl.any_horizontal(
        [_link_cell(col(df, lc)).is_not_null() for lc in link_cols]
    ).fill_null(False)
    rest = _split_links(df.filter(~has_any)).with_columns(
        pl.lit(None, pl.String).alias("__link_platform"),
        pl.lit(len(link_cols)).alias("__k"),
    )
    return pl.concat([*parts, rest], how="diagonal_relaxed").sort(*order, "__k")


def row_exprs(df: pl.DataFrame) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """(has_link, caption, date_raw) of a marked, one-per-link frame."""
    has_link = pl.col("permalink").is_not_null() | pl.col("__link_platform").is_not_null()
    return has_link, blank_to_null(col(df, "caption")), blank_to_null(col(df, "published_at"))


def keep_filters(df: pl.DataFrame) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """The rows kept, in three steps: totals and the signature block are not posts unless they
    carry a real URL; below JUMLAH / "Mengetahui" names and NIP lines in the caption column are
    not posts; spacer rows and pre-numbered empty template rows are not either."""
    has_link, caption, date_raw = row_exprs(df)
    return (
        pl.col("permalink").is_not_null() | ~(pl.col("__total") | pl.col("__sign")),
        has_link | date_raw.is_not_null() | ~pl.col("__end"),
        has_link | date_raw.is_not_null() | caption.is_not_null(),
    )


def skipped_line(where: str, n_totals: int, n_spacer: int) -> str:
    return (
        f"{where}: dilewati {n_totals} baris jumlah/tanda tangan (JUMLAH, TOTAL, "
        f"Mengetahui, NIP) dan {n_spacer} baris tanpa tanggal, link maupun isi."
    )


def build(raw: pl.DataFrame, ctx: Context) -> ParsedTable:
    date_hdr = (ctx.headers.get("published_at") or "").strip().lower()
    df = one_per_link(mark_rows(raw, date_hdr), ["__row"])
    has_link, caption, _date_raw = row_exprs(df)
    totals, below_end, spacer = keep_filters(df)
    n_before = df["__row"].n_unique()
    df = df.filter(totals)
    df = df.filter(below_end)
    n_totals = n_before - df["__row"].n_unique()
    df = df.filter(spacer)
    n_spacer = n_before - n_totals - df["__row"].n_unique()
    if n_totals or n_spacer:
        ctx.assume(skipped_line(ctx.where(), n_totals, n_spacer))
    df = fill_down(df, ctx, content=has_link | caption.is_not_null())

    good, rejects = parse_dates(
        df.with_columns(caption.alias("caption")),
        ctx,
        native=NATIVE_ORDER,
        native_reason=NATIVE_REASON,
        content=has_link | pl.col("caption").is_not_null(),
    )
    good, fill_rejects = check_order(good, ctx)
    rejects = pl.concat([rejects, fill_rejects])
    good = good.with_columns(platform_expr(good, pl.lit(sheet_platform(ctx.sheet), pl.String)))
    no_plat = good.filter(pl.col("__platform").is_null() | ~pl.col("__platform").is_in(PLATFORMS))
    plat_rejects = empty_rejects()
    if no_plat.height:
        plat_rejects = make_rejects(
            no_plat,
            ctx,
            "platform",
            pl.coalesce(col(no_plat, "platform"), pl.col("permalink")),
            pl.lit(
                "Platform tidak dapat ditentukan: kolom Platform kosong/tidak dikenal dan link "
                "bukan link Facebook/Instagram/TikTok/YouTube/X"
            ),
        )
        good = good.filter(
            pl.col("__platform").is_not_null() & pl.col("__platform").is_in(PLATFORMS)
        )
    out = good.with_columns(post_columns(good))
    posts = to_posts(out, ctx)
    # A row with two links and a bad date is one reject, not two.
    rejects = (
        pl.concat([rejects, plat_rejects])
        .unique(maintain_order=True)
        .sort("row_number", maintain_order=True)
    )
    plats = posts["platform"].drop_nulls().unique()
    return ParsedTable(
        format=NAME,
        posts=posts,
        rejects=rejects,
        sheet=ctx.sheet,
        platform=plats.item() if plats.len() == 1 else None,
        notes=ctx.notes,
    )
