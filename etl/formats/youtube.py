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

# One table per language column: English, Indonesian, Spanish, Portuguese UI. In the Indonesian
# UI "Tayangan" is impressions, not views ("Penayangan"), so it is deliberately absent.
HEADERS: dict[str, tuple[str, ...]] = {
    "native_id": ("Content", "Konten", "Video", "Contenido", "Conteúdo"),
    "caption": ("Video title", "Judul video", "Título del video", "Título do vídeo"),
    "published_at": (
        "Video publish time",
        "Waktu publikasi video",
        "Waktu publikasi",
        "Hora de publicación del video",
        "Fecha de publicación del video",
        "Horário de publicação do vídeo",
        "Data de publicação do vídeo",
    ),
    "views": ("Views", "Penayangan", "Kali ditonton", "Vistas", "Visualizaciones",
              "Visualizações"),
    "reactions": ("Likes", "Suka", "Like", "Me gusta", "Marcações Gostei", "Gostei"),
    "comments": ("Comments added", "Komentar yang ditambahkan", "Komentar ditambahkan",
                 "Comentarios añadidos", "Comentários adicionados"),
    "shares": ("Shares", "Dibagikan", "Berbagi", "Veces compartido", "Compartidos",
               "Compartilhamentos"),
}  # fmt: skip
REQUIRED: tuple[tuple[str, ...], ...] = (("native_id",), ("published_at",))
DISTINCTIVE = ("native_id", "published_at")
VALUES: dict[str, str] = {}
# The totals row's label in each UI language.
TOTAL_WORDS = ("total", "jumlah", "totales", "totais")


def build(raw: pl.DataFrame, ctx: Context) -> ParsedTable:
    # The "Total" row sums every video; a re-export may also add an empty trailing row.
    vid = col(raw, "native_id")
    total = vid.str.to_lowercase().is_in(TOTAL_WORDS).fill_null(False)
    n_total = int(raw.select(total.sum()).item())
    if n_total:
        ctx.assume(f"{ctx.where()}: {n_total} baris 'Total' (jumlah semua video) dilewati.")
    raw = raw.filter(vid.is_not_null() & ~total)
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
