"""Meta Business Suite, Facebook Page posts ("Content" export CSV).

Quirks (export-formats.md): caption in Title OR Description depending on the post type (take
the longer); "Publish time" MM/DD/YYYY HH:MM in every UI language; Date = "Lifetime"; 32-34
columns varying by month, older exports say Impressions instead of Views; an Excel re-save
turns Post ID into "1.22158E+17" (recover it from Permalink).
"""

from __future__ import annotations

import polars as pl

from etl.formats._common import Context, col, metric_exprs, parse_dates, single_value, to_posts
from etl.post_values import post_format_expr
from etl.schema import ParsedTable

NAME = "meta_facebook"
PLATFORM = "facebook"

# One table: field -> header aliases (English UI, Indonesian UI, Swedish seen in the wild).
# Spanish and Portuguese UI headers follow the Indonesian ones.
HEADERS: dict[str, tuple[str, ...]] = {
    "native_id": ("Post ID", "ID Postingan", "ID Posting", "ID Kiriman", "Publicerings-id",
                  "Identificador de la publicación", "Identificação da publicação"),
    "page_id": ("Page ID", "ID Halaman", "Sid-id", "Identificador de la página",
                "Identificação da Página"),
    "page_name": ("Page name", "Nama Halaman", "Nama halaman", "Sidnamn",
                  "Nombre de la página", "Nome da Página"),
    "title": ("Title", "Judul", "Titel", "Título"),
    "description": ("Description", "Deskripsi", "Keterangan", "Beskrivning", "Descripción",
                    "Descrição"),
    "published_at": ("Publish time", "Waktu publikasi", "Waktu dipublikasikan",
                     "Waktu penerbitan", "Waktu terbit", "Publiceringstid",
                     "Hora de publicación", "Horário de publicação"),
    "permalink": ("Permalink", "Tautan permanen", "Permalänk", "Enlace permanente",
                  "Link permanente"),
    "post_format_raw": ("Post type", "Jenis postingan", "Tipe postingan", "Inläggstyp",
                        "Tipo de publicación", "Tipo de publicação"),
    "date_scope": ("Date", "Tanggal", "Datum", "Fecha", "Data"),
    "views": ("Views", "Impressions", "Tayangan", "Impresi", "Visningar", "Visualizaciones",
              "Impresiones", "Visualizações", "Impressões"),
    "reach": ("Reach", "Jangkauan", "Räckvidd", "Alcance"),
    "reactions": ("Reactions", "Reaksi", "Reaktioner", "Reacciones", "Reações"),
    "comments": ("Comments", "Komentar", "Kommentarer", "Comentarios", "Comentários"),
    "shares": ("Shares", "Bagikan", "Dibagikan", "Berbagi", "Delningar", "Veces compartido",
               "Veces que se ha compartido", "Veces que se compartió", "Compartidos",
               "Compartilhamentos"),
}  # fmt: skip
# The Page columns are not required: a trimmed export loads when the uploader names the OPD.
REQUIRED: tuple[tuple[str, ...], ...] = (("published_at",), ("permalink",))
DISTINCTIVE = ("page_id", "page_name", "title")
# Named in a refusal when the file has none of them and no OPD was given.
ACCOUNT_FIELDS = ("page_id", "page_name")

# Post type values, English + Indonesian + Swedish UI.
VALUES: dict[str, str] = {
    "fotos": "foto",
    "vídeos": "video",
    "reel": "reels",
    "enlaces": "tautan",
    "texto": "teks",
    "en vivo": "live",
    "ao vivo": "live",
    "siaran langsung": "live",
    "photos": "foto",
    "foto": "foto",
    "foton": "foto",
    "videos": "video",
    "video": "video",
    "videor": "video",
    "reels": "reels",
    "links": "tautan",
    "tautan": "tautan",
    "länkar": "tautan",
    "text": "teks",
    "teks": "teks",
    "status": "teks",
    "live": "live",
    "album": "carousel",
}


def recover_post_id(native: pl.Expr, permalink: pl.Expr) -> pl.Expr:
    """Keep a clean numeric id; else take it from the permalink; else null (never '1.2E+17')."""
    clean = pl.when(native.str.contains(r"^\d+(_\d+)?$")).then(native)
    path = permalink.str.replace(r"[?#].*$", "")
    from_link = pl.coalesce(
        permalink.str.extract(r"[?&]story_fbid=(\d+)", 1),
        permalink.str.extract(r"[?&]fbid=(\d+)", 1),
        permalink.str.extract(r"[?&]v=(\d+)", 1),
        path.str.extract(r"/(\d{6,})/?$", 1),
    )
    return pl.coalesce(clean, from_link)


def post_format(raw_expr: pl.Expr) -> pl.Expr:
    k = raw_expr.str.to_lowercase().str.strip_chars()
    return pl.coalesce(
        k.replace_strict(VALUES, default=None, return_dtype=pl.String), post_format_expr(raw_expr)
    )


def build(raw: pl.DataFrame, ctx: Context) -> ParsedTable:
    title, desc = col(raw, "title"), col(raw, "description")
    caption = (
        pl.when(desc.str.len_chars().fill_null(0) >= title.str.len_chars().fill_null(0))
        .then(desc)
        .otherwise(title)
    )
    permalink = col(raw, "permalink")
    pre = raw.with_columns(
        caption.alias("caption"),
        permalink.alias("permalink"),
    )
    good, rejects = parse_dates(
        pre,
        ctx,
        native="mdy",
        native_reason="Meta Business Suite menulis waktu publikasi MM/DD/YYYY di semua bahasa, "
        "dan berkas ini masih berbentuk ekspor aslinya (pemisah ',')",
        content=pl.col("permalink").is_not_null() | pl.col("caption").is_not_null(),
    )
    page_id = col(good, "page_id")
    page_id = pl.when(page_id.str.contains(r"^\d+$")).then(page_id)
    out = good.with_columns(
        pl.lit(PLATFORM).alias("platform"),
        recover_post_id(col(good, "native_id"), pl.col("permalink")).alias("native_id"),
        pl.coalesce(col(good, "page_name"), page_id).alias("account_handle"),
        col(good, "post_format_raw").alias("post_format_raw"),
        post_format(col(good, "post_format_raw")).alias("post_format"),
        *metric_exprs(good),
    )
    posts = to_posts(out, ctx)
    if "date_scope" in good.columns:
        scopes = good["date_scope"].drop_nulls().unique().to_list()
        odd = [
            s for s in scopes if s.strip().lower() not in ("lifetime", "seumur hidup", "livstid")
        ]
        if odd:
            ctx.notes.append(
                f"{ctx.where()}: kolom Date berisi {odd[:3]}, bukan 'Lifetime': angka mungkin "
                "bukan total seumur hidup postingan."
            )
    return ParsedTable(
        format=NAME,
        posts=posts,
        rejects=rejects,
        sheet=ctx.sheet,
        platform=PLATFORM,
        account_handle=single_value(posts["account_handle"]),
        notes=ctx.notes,
    )
