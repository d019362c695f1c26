"""Meta Business Suite, Instagram posts (CSV).

Quirks: "Account username" is the handle; Post type IG image / IG carousel / IG reel; quoted
thousands "12,400"; some exports lack Data comment and Date; a ';' variant with dd/mm dates and
"2.300" thousands (separators and date order decided per file).
"""

from __future__ import annotations

import polars as pl

from etl.formats._common import (
    Context,
    blank_to_null,
    col,
    metric_exprs,
    parse_dates,
    single_value,
    to_posts,
)
from etl.post_values import post_format_expr
from etl.schema import ParsedTable

NAME = "meta_instagram"
PLATFORM = "instagram"

# English, Indonesian, Spanish, Portuguese UI headers.
HEADERS: dict[str, tuple[str, ...]] = {
    "native_id": ("Post ID", "ID Postingan", "ID Posting", "ID da publicação",
                  "Identificação da publicação", "Identificador de la publicación"),
    "account_id": ("Account ID", "ID Akun", "ID da conta", "Identificação da conta",
                   "Identificador de la cuenta"),
    "account_handle": ("Account username", "Nama pengguna akun", "Nama pengguna",
                       "Username akun", "Nome de usuário da conta",
                       "Nombre de usuario de la cuenta"),
    "account_name": ("Account name", "Nama akun", "Nome da conta", "Nombre de la cuenta"),
    "caption": ("Description", "Deskripsi", "Keterangan", "Descrição", "Descripción"),
    "published_at": ("Publish time", "Waktu publikasi", "Waktu dipublikasikan",
                     "Waktu penerbitan", "Horário de publicação", "Hora de publicación"),
    "permalink": ("Permalink", "Tautan permanen", "Link permanente", "Enlace permanente"),
    "post_format_raw": ("Post type", "Jenis postingan", "Tipe postingan", "Tipo de publicação",
                        "Tipo de publicación"),
    "date_scope": ("Date", "Tanggal", "Data", "Fecha"),
    "views": ("Views", "Impressions", "Tayangan", "Impresi", "Visualizações",
              "Visualizaciones", "Impressões", "Impresiones"),
    "reach": ("Reach", "Jangkauan", "Alcance"),
    "reactions": ("Likes", "Suka", "Jumlah suka", "Curtidas", "Me gusta"),
    "comments": ("Comments", "Komentar", "Comentários", "Comentarios"),
    "shares": ("Shares", "Bagikan", "Dibagikan", "Compartilhamentos", "Veces compartido",
               "Veces que se ha compartido", "Veces que se compartió", "Compartidos"),
    "saves": ("Saves", "Simpan", "Disimpan", "Salvamentos", "Guardados"),
}  # fmt: skip
# The account columns are not required: a trimmed export loads when the uploader names the OPD.
REQUIRED: tuple[tuple[str, ...], ...] = (("published_at",), ("permalink",))
DISTINCTIVE = ("account_handle", "account_id", "saves")
ACCOUNT_FIELDS = ("account_handle", "account_id")

VALUES: dict[str, str] = {
    "imagem do ig": "foto",
    "reel do ig": "reels",
    "carrossel do ig": "carousel",
    "vídeo do ig": "video",
    "story do ig": "story",
    "imagen de ig": "foto",
    "reel de ig": "reels",
    "carrusel de ig": "carousel",
    "video de ig": "video",
    "historia de ig": "story",
    "foto ig": "foto",
    "video ig": "video",
    "korsel ig": "carousel",
    "cerita ig": "story",
    "ig image": "foto",
    "ig carousel": "carousel",
    "ig reel": "reels",
    "ig video": "video",
    "ig story": "story",
    "ig live": "live",
    "gambar ig": "foto",
    "reel ig": "reels",
    "carousel ig": "carousel",
}


def build(raw: pl.DataFrame, ctx: Context) -> ParsedTable:
    good, rejects = parse_dates(
        raw.with_columns(
            col(raw, "permalink").alias("permalink"), col(raw, "caption").alias("caption")
        ),
        ctx,
        native="mdy",
        native_reason="Meta Business Suite menulis waktu publikasi MM/DD/YYYY di semua bahasa, "
        "dan berkas ini masih berbentuk ekspor aslinya (pemisah ',')",
        content=pl.col("permalink").is_not_null() | pl.col("caption").is_not_null(),
    )
    fmt_raw = col(good, "post_format_raw")
    account_id = col(good, "account_id")
    by_name = good.select(
        blank_to_null(col(good, "account_handle")).is_null()
        & blank_to_null(col(good, "account_name")).is_not_null()
    ).to_series()
    if by_name.any():
        ctx.notes.append(
            f"Kolom '{HEADERS['account_handle'][0]}' kosong pada {int(by_name.sum())} baris: "
            f"akunnya dibaca dari kolom '{HEADERS['account_name'][0]}' (nama akun)."
        )
    out = good.with_columns(
        pl.lit(PLATFORM).alias("platform"),
        pl.when(col(good, "native_id").str.contains(r"^\d+(_\d+)?$"))
        .then(col(good, "native_id"))
        .alias("native_id"),
        # Without a username, the account's display name places the post as a Facebook Page's
        # name does (etl.page_place: a name with a space is matched as a name, never a handle);
        # before the numeric Account ID, which every real export carries and no master list
        # holds (it is read only when the name is blank too).
        pl.coalesce(
            blank_to_null(col(good, "account_handle")),
            blank_to_null(col(good, "account_name")),
            pl.when(account_id.str.contains(r"^\d+$")).then(account_id),
        ).alias("account_handle"),
        fmt_raw.alias("post_format_raw"),
        pl.coalesce(
            fmt_raw.str.to_lowercase().replace_strict(VALUES, default=None, return_dtype=pl.String),
            post_format_expr(fmt_raw),
        ).alias("post_format"),
        *metric_exprs(good),
    )
    posts = to_posts(out, ctx)
    return ParsedTable(
        format=NAME,
        posts=posts,
        rejects=rejects,
        sheet=ctx.sheet,
        platform=PLATFORM,
        account_handle=single_value(posts["account_handle"]),
        notes=ctx.notes,
    )
