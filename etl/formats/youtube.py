"""YouTube Studio "Table data.csv" (Content tab, Advanced mode; also inside the Studio ZIP).

Row 2 is "Total", not a video. "Content" is the video id. The channel is not named in the file:
account_handle stays None (the uploader says which OPD).
"""

from __future__ import annotations

import polars as pl

from etl.formats._common import Context, col, metric_exprs, parse_dates, to_posts
from etl.schema import ParsedTable

NAME = "youtube"
PLATFORM = "youtube"

HEADERS: dict[str, tuple[str, ...]] = {
    "native_id": ("Content", "Konten", "Video"),
    "caption": ("Video title", "Judul video"),
    "published_at": ("Video publish time", "Waktu publikasi video", "Waktu publikasi"),
    "views": ("Views", "Penayangan", "Tayangan", "Kali ditonton"),
    "reactions": ("Likes", "Suka", "Like"),
    "comments": ("Comments added", "Komentar yang ditambahkan", "Komentar ditambahkan"),
    "shares": ("Shares", "Dibagikan", "Berbagi"),
}
REQUIRED: tuple[tuple[str, ...], ...] = (("native_id",), ("published_at",))
DISTINCTIVE = ("native_id", "published_at")
VALUES: dict[str, str] = {}


def build(raw: pl.DataFrame, ctx: Context) -> ParsedTable:
    # The "Total" row sums every video; a re-export may also add an empty trailing row.
    vid = col(raw, "native_id")
    raw = raw.filter(vid.is_not_null() & (vid.str.to_lowercase() != "total"))
    good, rejects = parse_dates(
        raw.with_columns(col(raw, "caption").alias("caption")),
        ctx,
        native=None,
        content=pl.lit(True),
    )
    vid = col(good, "native_id")
    out = good.with_columns(
        pl.lit(PLATFORM).alias("platform"),
        vid.alias("native_id"),
        pl.format("https://www.youtube.com/watch?v={}", vid).alias("permalink"),
        pl.lit(None, pl.String).alias("account_handle"),
        pl.lit("video").alias("post_format"),
        *metric_exprs(good),
    )
    return ParsedTable(
        format=NAME,
        posts=to_posts(out, ctx),
        rejects=rejects,
        sheet=ctx.sheet,
        platform=PLATFORM,
        account_handle=None,
        notes=ctx.notes,
    )
