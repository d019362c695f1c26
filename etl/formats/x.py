"""X (Twitter): classic tweet_activity_metrics CSV and the 2024+ account_analytics_content CSV.

Classic "time" is "2024-03-15 18:42 +0000" (UTC: 23:00 on the 30th is next month in WIB); the
handle comes from the permalink (or the file name tweet_activity_metrics_<handle>_...).
2024+ "Date" is "Tue, Jul 14, 2026" (a day, no time).
"""

from __future__ import annotations

import re

import polars as pl

from etl.formats._common import Context, col, metric_exprs, parse_dates, single_value, to_posts
from etl.number_text import parse_count_expr
from etl.schema import ParsedTable

NAME = "x"
PLATFORM = "x"

HEADERS: dict[str, tuple[str, ...]] = {
    "native_id": ("Tweet id", "Post id", "ID Postingan"),
    "permalink": ("Tweet permalink", "Post Link", "Tautan postingan"),
    "caption": ("Tweet text", "Post text", "Teks postingan"),
    "published_at": ("time", "Date", "Tanggal"),
    "views": ("impressions", "Impresi"),
    "reactions": ("likes", "Suka"),
    "comments": ("replies", "Balasan"),
    "shares": ("retweets", "Reposts", "Repost"),
    "saves": ("Bookmarks", "Markah"),
    "media_views": ("media views", "Tayangan media"),
}
REQUIRED: tuple[tuple[str, ...], ...] = (("published_at",), ("permalink",), ("caption",))
DISTINCTIVE = ("permalink", "caption")
VALUES: dict[str, str] = {}


def handle_from_file_name(file_name: str) -> str | None:
    """tweet_activity_metrics_<handle>_<yyyymmdd>_<yyyymmdd>_<lang>.csv -> handle."""
    m = re.search(r"tweet_activity_metrics_(.+?)_\d{8}_\d{8}", file_name)
    return m.group(1) if m else None


def x_post_format(raw: pl.DataFrame) -> pl.Expr:
    """X exports have no format column: media views mean the post carried media (the export
    cannot tell a photo from a video; photos are what offices post: 'foto'), else a link in the
    text makes it 'tautan', else 'teks'. The 2024+ export has no media column: tautan or teks."""
    media = parse_count_expr(col(raw, "media_views")) if "media_views" in raw.columns else None
    link = col(raw, "caption").str.contains(r"(?i)https?://|\bwww\.|\bt\.co/").fill_null(False)
    fmt = pl.when(link).then(pl.lit("tautan")).otherwise(pl.lit("teks"))
    if media is not None:
        fmt = pl.when(media.fill_null(0) > 0).then(pl.lit("foto")).otherwise(fmt)
    return fmt


def build(raw: pl.DataFrame, ctx: Context) -> ParsedTable:
    file_handle = ctx.file_handle or handle_from_file_name(ctx.file_name)
    pre = raw.with_columns(
        col(raw, "permalink").alias("permalink"), col(raw, "caption").alias("caption")
    )
    good, rejects = parse_dates(
        pre,
        ctx,
        native="mdy",
        native_reason="X (Twitter) menulis tanggal dalam bahasa Inggris AS (bulan/hari)",
        content=pl.col("permalink").is_not_null() | pl.col("caption").is_not_null(),
    )
    link = pl.col("permalink")
    native = col(good, "native_id")
    status = r"(?:twitter|x)\.com/([^/?#]+)/status(?:es)?/(\d+)"
    out = good.with_columns(
        pl.lit(PLATFORM).alias("platform"),
        # Excel turns ids into 1.7688E+18: the status id in the link is the truth.
        pl.coalesce(
            link.str.extract(status, 2), pl.when(native.str.contains(r"^\d+$")).then(native)
        ).alias("native_id"),
        pl.coalesce(link.str.extract(status, 1), pl.lit(file_handle, pl.String)).alias(
            "account_handle"
        ),
        *metric_exprs(good),
        x_post_format(good).alias("post_format"),
    )
    posts = to_posts(out, ctx)
    return ParsedTable(
        format=NAME,
        posts=posts,
        rejects=rejects,
        sheet=ctx.sheet,
        platform=PLATFORM,
        account_handle=file_handle or single_value(posts["account_handle"]),
        notes=ctx.notes,
    )
