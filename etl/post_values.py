"""Platform and post-format values as exports and logbooks write them (English and Indonesian
UI words, abbreviations, links) mapped to the canonical codes (etl.schema.PLATFORMS,
POST_FORMATS), as vectorized polars expressions: no Python call per row.
"""

from __future__ import annotations

import polars as pl

from etl.normalize import normalize_text_expr
from etl.permalinks import _PLATFORM_HOSTS

PLATFORM_VALUES: dict[str, str] = {
    "facebook": "facebook",
    "fb": "facebook",
    "face book": "facebook",
    "fanpage": "facebook",
    "instagram": "instagram",
    "ig": "instagram",
    "insta": "instagram",
    "tiktok": "tiktok",
    "tik tok": "tiktok",
    "tt": "tiktok",
    "youtube": "youtube",
    "you tube": "youtube",
    "yt": "youtube",
    "twitter": "x",
    "x": "x",
    "x twitter": "x",
    "twitter x": "x",
    "tw": "x",
}

POST_FORMAT_VALUES: dict[str, str] = {
    # Meta Facebook (English + Indonesian UI)
    "photos": "foto",
    "photo": "foto",
    "foto": "foto",
    "gambar": "foto",
    "image": "foto",
    "poster": "foto",
    "flyer": "foto",
    "infografis": "foto",
    "videos": "video",
    "video": "video",
    "reels": "reels",
    "reel": "reels",
    "links": "tautan",
    "link": "tautan",
    "tautan": "tautan",
    "text": "teks",
    "teks": "teks",
    "status": "teks",
    "carousel": "carousel",
    "album": "carousel",
    "slide": "carousel",
    "live": "live",
    "siaran langsung": "live",
    "video langsung": "live",
    "story": "story",
    "stories": "story",
    "cerita": "story",
    # Meta Instagram
    "ig image": "foto",
    "ig carousel": "carousel",
    "ig reel": "reels",
    "ig video": "video",
    "ig story": "story",
    "ig live": "live",
    # Swedish/Indonesian UI plurals seen in localized exports
    "foton": "foto",
    "postingan foto": "foto",
    "postingan video": "video",
    "short": "reels",  # the issue groups reels and shorts: one short vertical video format
    "shorts": "reels",
}


def platform_value_expr(expr: pl.Expr) -> pl.Expr:
    """'FB' / 'Instagram' / 'Tik Tok' / 'Twitter' -> canonical platform, else null."""
    k = normalize_text_expr(expr).str.replace_all(r"[^0-9a-z]+", " ").str.strip_chars()
    return k.replace_strict(PLATFORM_VALUES, default=None, return_dtype=pl.String)


def post_format_expr(expr: pl.Expr) -> pl.Expr:
    """'Photos' / 'IG reel' / 'Foto' -> one of POST_FORMATS, else null."""
    k = normalize_text_expr(expr).str.replace_all(r"[^0-9a-z]+", " ").str.strip_chars()
    return k.replace_strict(POST_FORMAT_VALUES, default=None, return_dtype=pl.String)


# A post's link tells its format on most platforms (logbooks without a format column). Checked
# in order; a link that does not tell (facebook.com/<page>/posts/<id>, share/p/, x.com) -> null.
_H = r"(?:^|//|\.)"
_FORMAT_FROM_URL: tuple[tuple[str, str], ...] = (
    (_H + r"instagram\.com/(?:[^/?#]+/)?reels?/", "reels"),
    (_H + r"instagram\.com/(?:[^/?#]+/)?tv/", "video"),
    (_H + r"instagram\.com/stories/", "story"),
    (_H + r"instagram\.com/(?:[^/?#]+/)?p/", "foto"),
    (_H + r"youtube\.com/shorts/", "reels"),
    (_H + r"youtube\.com/live/", "live"),
    (_H + r"(?:youtube\.com/(?:watch|embed/|v/)|youtu\.be/)", "video"),
    (_H + r"tiktok\.com/@[^/?#]+/photo/", "foto"),
    (_H + r"tiktok\.com/(?:@[^/?#]+/video/|t/|v/)|(?:^|//)v[mt]\.tiktok\.com/", "video"),
    (_H + r"facebook\.com/(?:[^/?#]+/)?reels?/", "reels"),
    (_H + r"(?:facebook\.com/(?:[^/?#]+/)?videos?/|facebook\.com/watch|fb\.watch/)", "video"),
    (_H + r"facebook\.com/(?:photo|[^/?#]+/photos/)", "foto"),
)


def post_format_from_url_expr(expr: pl.Expr) -> pl.Expr:
    """'instagram.com/reel/..' -> reels, '/p/' -> foto, TikTok video -> video, YouTube Shorts ->
    reels, YouTube -> video, Facebook reel/video/photo links; else null."""
    url = expr.str.strip_chars().str.to_lowercase()
    out = pl.lit(None, pl.String)
    for pattern, fmt in reversed(_FORMAT_FROM_URL):
        out = pl.when(url.str.contains(pattern)).then(pl.lit(fmt)).otherwise(out)
    return out


_HOST_RE = r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^/@]*@)?([^/:?#]+)"


def platform_from_url_expr(expr: pl.Expr) -> pl.Expr:
    """Vectorized platform_from_url."""
    host = (
        expr.str.strip_chars()
        .str.to_lowercase()
        .str.extract(_HOST_RE, 1)
        .str.replace(r"^(?:(?:www|m|web|mobile|mbasic|touch|vt|vm)\.)+", "")
    )
    return host.replace_strict(_PLATFORM_HOSTS, default=None, return_dtype=pl.String)


def is_url_expr(expr: pl.Expr) -> pl.Expr:
    """True for 'https://..', 'www.x.com/..', 'instagram.com/p/..' (no spaces)."""
    s = expr.str.strip_chars()
    return s.str.contains(r"(?i)^(https?://|www\.)\S+$") | s.str.contains(
        r"(?i)^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|id|be|am|watch|co|net|org)(/\S*)?$"
    )
