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


def build(raw: pl.DataFrame, ctx: Context) -> ParsedTable:
    link_cols = [c for c in raw.columns if c.startswith("link_")]
    text = pl.col("__rowtext") if "__rowtext" in raw.columns else pl.lit("")
    date_hdr = (ctx.headers.get("published_at") or "").strip().lower()
    # A totals/signature row has no date and no link; a caption that merely mentions
    # "Kepala Dinas" on a dated row is still a post.
    plain = blank_to_null(col(raw, "published_at")).is_null() & ~text.str.contains(
        r"(?i)https?://|www\."
    )
    df = raw.with_columns(
        (text.str.contains(_TOTAL_ROW) & ~text.str.contains(r"(?i)https?://|www\.")).alias(
            "__total"
        ),
        (text.str.contains(_SIGNATURE) & plain).alias("__sign"),
    ).with_columns(
        (pl.col("__total") | pl.col("__sign")).cum_max().alias("__end"),
    )
    # Repeated header rows (a second month block under the first) are not posts.
    df = df.filter(
        col(df, "published_at").str.to_lowercase().fill_null("") != date_hdr
        if date_hdr
        else pl.lit(True)
    )

    # One post per non-empty link: per-platform columns first, then the generic link column.
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
    if link_cols:
        has_any = pl.any_horizontal(
            [_link_cell(col(df, lc)).is_not_null() for lc in link_cols]
        ).fill_null(False)
        rest = _split_links(df.filter(~has_any)).with_columns(
            pl.lit(None, pl.String).alias("__link_platform"),
            pl.lit(len(link_cols)).alias("__k"),
        )
        df = pl.concat([*parts, rest], how="diagonal_relaxed").sort("__row", "__k")
    else:
        df = _split_links(df).with_columns(pl.lit(None, pl.String).alias("__link_platform"))

    has_link = pl.col("permalink").is_not_null() | pl.col("__link_platform").is_not_null()
    caption = blank_to_null(col(df, "caption"))
    date_raw = blank_to_null(col(df, "published_at"))
    # Totals and the signature block are not posts unless they carry a real URL.
    n_before = df["__row"].n_unique()
    df = df.filter(pl.col("permalink").is_not_null() | ~(pl.col("__total") | pl.col("__sign")))
    # Below JUMLAH / "Mengetahui": names and NIP lines in the caption column are not posts.
    df = df.filter(has_link | date_raw.is_not_null() | ~pl.col("__end"))
    n_totals = n_before - df["__row"].n_unique()
    # Spacer rows and pre-numbered empty template rows.
    df = df.filter(has_link | date_raw.is_not_null() | caption.is_not_null())
    n_spacer = n_before - n_totals - df["__row"].n_unique()
    if n_totals or n_spacer:
        ctx.assume(
            f"{ctx.where()}: dilewati {n_totals} baris jumlah/tanda tangan (JUMLAH, TOTAL, "
            f"Mengetahui, NIP) dan {n_spacer} baris tanpa tanggal, link maupun isi."
        )
    df = fill_down(df, ctx, content=has_link | caption.is_not_null())

    good, rejects = parse_dates(
        df.with_columns(caption.alias("caption")),
        ctx,
        native="dmy",
        native_reason="buku rekap OPD berbahasa Indonesia menulis hari/bulan/tahun",
        content=has_link | pl.col("caption").is_not_null(),
    )
    good, fill_rejects = check_order(good, ctx)
    rejects = pl.concat([rejects, fill_rejects])
    plat = pl.coalesce(
        pl.col("__link_platform"),
        # The link's host beats the Platform cell ("Instagram & Facebook" with two links).
        platform_from_url_expr(pl.col("permalink")),
        platform_value_expr(col(good, "platform")),
        pl.lit(sheet_platform(ctx.sheet), pl.String),
    )
    good = good.with_columns(plat.alias("__platform"))
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
    fmt_raw = blank_to_null(col(good, "post_format_raw"))
    out = good.with_columns(
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
    )
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
