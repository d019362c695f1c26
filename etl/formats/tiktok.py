"""TikTok Studio "Content" export (xlsx or csv, alone or inside Content_<handle>.zip).

Values like "1.2K", "18,400", "38%"; the handle is only in tiktok.com/@<handle>/video/<id>
links and in the ZIP name.
"""

from __future__ import annotations

import polars as pl

from etl.formats._common import Context, col, metric_exprs, parse_dates, single_value, to_posts
from etl.schema import ParsedTable

NAME = "tiktok"
PLATFORM = "tiktok"

# English, Indonesian, then Spanish and Portuguese UI headers.
HEADERS: dict[str, tuple[str, ...]] = {
    # "Post time" wins; "Time" only stands in when a variant lacks it.
    "published_at": ("Post time", "Waktu posting", "Waktu unggah", "Hora de publicación",
                     "Horário da publicação", "Time", "Waktu"),
    "caption": ("Video title", "Judul video", "Video description", "Deskripsi video",
                "Título del video", "Título do vídeo"),
    "permalink": ("Video link", "Tautan video", "Link video", "Enlace del video",
                  "Link do vídeo"),
    "reactions": ("Total likes", "Total suka", "Likes", "Suka", "Total de me gusta",
                  "Total de curtidas"),
    "comments": ("Total comments", "Total komentar", "Comments", "Komentar",
                 "Total de comentarios", "Total de comentários"),
    "shares": ("Total shares", "Total dibagikan", "Total bagikan", "Shares",
               "Total de veces compartido", "Total de compartilhamentos"),
    "views": ("Total views", "Total penayangan", "Total tayangan", "Video views",
              "Penayangan video", "Total de visualizaciones", "Total de visualizações"),
    "saves": ("Add to favorites", "Tambahkan ke favorit", "Favorit", "Total favorites",
              "Añadir a favoritos", "Adicionar aos favoritos"),
}  # fmt: skip
REQUIRED: tuple[tuple[str, ...], ...] = (("published_at",), ("permalink",))
DISTINCTIVE = ("permalink", "reactions", "views")
VALUES: dict[str, str] = {}


def build(raw: pl.DataFrame, ctx: Context) -> ParsedTable:
    pre = raw.with_columns(
        col(raw, "permalink").alias("permalink"), col(raw, "caption").alias("caption")
    )
    good, rejects = parse_dates(
        pre,
        ctx,
        native=None,
        content=pl.col("permalink").is_not_null() | pl.col("caption").is_not_null(),
    )
    link = pl.col("permalink")
    out = good.with_columns(
        pl.lit(PLATFORM).alias("platform"),
        link.str.extract(r"/video/(\d+)", 1).alias("native_id"),
        pl.coalesce(
            link.str.extract(r"tiktok\.com/@([^/?#]+)", 1), pl.lit(ctx.file_handle, pl.String)
        ).alias("account_handle"),
        pl.when(link.str.contains("/photo/"))
        .then(pl.lit("foto"))
        .otherwise(pl.lit("video"))
        .alias("post_format"),
        *metric_exprs(good),
    )
    posts = to_posts(out, ctx)
    return ParsedTable(
        format=NAME,
        posts=posts,
        rejects=rejects,
        sheet=ctx.sheet,
        platform=PLATFORM,
        account_handle=ctx.file_handle or single_value(posts["account_handle"]),
        notes=ctx.notes,
    )
