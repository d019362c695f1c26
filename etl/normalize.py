"""Text, handle, permalink and platform/post-format value normalization.

Dates live in etl.date_text and counts in etl.number_text; their names are re-exported here
for the modules that import them from this one. Scalar helpers (normalize_text,
normalize_handle, normalize_permalink) are shared with the loader and the classifier. The
*_expr helpers are vectorized polars expressions used by the format parsers: no Python loop
per row, one pass over the column (performance-facts.md).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import polars as pl

from etl.date_text import (
    DAY_NAMES,
    MONTHS,
    parse_datetime_expr,
    parse_datetime_series,
    parse_time_of_day_expr,
)
from etl.number_text import parse_count_expr, parse_number_expr, parse_number_series
from warehouse.settings import LOCAL_TZ

__all__ = [
    "DAY_NAMES",
    "LOCAL_TZ",
    "MONTHS",
    "PLATFORM_VALUES",
    "POST_FORMAT_VALUES",
    "header_key",
    "is_url_expr",
    "normalize_handle",
    "normalize_permalink",
    "normalize_text",
    "normalize_text_expr",
    "parse_count_expr",
    "parse_datetime_expr",
    "parse_datetime_series",
    "parse_number_expr",
    "parse_number_series",
    "parse_time_of_day_expr",
    "platform_from_url",
    "platform_from_url_expr",
    "post_format_expr",
    "post_format_from_url_expr",
]

_WS = re.compile(r"\s+")


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------
def normalize_text(s: str | None) -> str | None:
    """NFKC (Unicode bold/italic letters -> plain), lower case, collapsed whitespace."""
    if s is None:
        return None
    return _WS.sub(" ", unicodedata.normalize("NFKC", str(s))).strip().lower()


def normalize_text_expr(expr: pl.Expr) -> pl.Expr:
    """Vectorized normalize_text."""
    return (
        expr.str.normalize("NFKC").str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()
    )


def header_key(s: str | None) -> str:
    """Key a header cell is matched on: NFKC, lower, punctuation -> space, collapsed."""
    t = normalize_text(s) or ""
    t = re.sub(r"[^0-9a-z]+", " ", t)
    return t.strip()


# ---------------------------------------------------------------------------------------------
# Permalinks and handles
# ---------------------------------------------------------------------------------------------
# Canonical host per platform: exports and logbooks write m./web./mobile./www. variants.
_CANON_HOST = {
    "facebook.com": "www.facebook.com",
    "fb.com": "www.facebook.com",
    "fb.watch": "fb.watch",
    "instagram.com": "www.instagram.com",
    "instagr.am": "www.instagram.com",
    "tiktok.com": "www.tiktok.com",
    "youtube.com": "www.youtube.com",
    "twitter.com": "x.com",
    "x.com": "x.com",
}
# Query parameters that identify the post itself (everything else is tracking noise).
_KEEP_QUERY = ("v", "story_fbid", "fbid", "id")
_HOST_PREFIXES = ("www.", "m.", "web.", "mobile.", "mbasic.", "touch.", "vt.", "vm.")


def _bare_host(host: str) -> str:
    host = host.lower().strip(".")
    if ":" in host:
        host = host.split(":", 1)[0]
    changed = True
    while changed:
        changed = False
        for p in _HOST_PREFIXES:
            if host.startswith(p) and host.count(".") >= 2:
                host = host[len(p) :]
                changed = True
    return host


def normalize_permalink(url: str | None) -> str | None:
    """Canonical post URL: https, lower canonical host, no tracking query/fragment/trailing '/'.

    youtu.be/<id> and youtube shorts keep their id; a YouTube watch URL keeps its v=.
    """
    if url is None:
        return None
    u = str(url).strip()
    if not u:
        return None
    if "://" not in u:
        if not re.match(r"^[\w.-]+\.[a-z]{2,}(/|$)", u, re.I):
            return None
        u = "https://" + u
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if not parts.netloc:
        return None
    bare = _bare_host(parts.netloc)
    path = parts.path.rstrip("/")
    if bare == "youtu.be" and path:
        return f"https://www.youtube.com/watch?v={path.strip('/').split('/')[0]}"
    host = _CANON_HOST.get(bare, bare)
    query = ""
    if parts.query:
        q = parse_qs(parts.query)
        kept = [f"{k}={q[k][0]}" for k in _KEEP_QUERY if k in q]
        query = "&".join(kept)
    out = f"https://{host}{path}"
    if query:
        out += ("?" if path else "/?") + query
    return out


_PLATFORM_HOSTS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.watch": "facebook",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "tiktok.com": "tiktok",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "twitter.com": "x",
    "x.com": "x",
}

_IG_RESERVED = {"p", "reel", "reels", "tv", "stories", "explore", "accounts", "share"}
_X_RESERVED = {"i", "intent", "home", "search", "hashtag", "share"}
_FB_RESERVED = {
    "watch",
    "share",
    "photo",
    "photo.php",
    "story.php",
    "permalink.php",
    "groups",
    "reel",
    "reels",
    "videos",
    "photos",
    "events",
    "hashtag",
    "media",
    "stories",
}


def platform_from_url(url: str | None) -> str | None:
    """facebook/instagram/tiktok/youtube/x from a link's host, else None."""
    if not url:
        return None
    u = url.strip()
    if "://" not in u:
        u = "https://" + u
    try:
        host = _bare_host(urlsplit(u).netloc)
    except ValueError:
        return None
    return _PLATFORM_HOSTS.get(host)


def normalize_handle(platform: str, s: str | None) -> str | None:
    """Account key: '@Dinkes.Kab', 'https://www.instagram.com/dinkes.kab/' -> 'dinkes.kab'.

    Accepts a profile URL, a post URL (tiktok.com/@h/video/.., x.com/h/status/..,
    youtube.com/@h or /channel/<id>), an @handle, or a Facebook page name.
    """
    if s is None:
        return None
    raw = unicodedata.normalize("NFKC", str(s)).strip()
    if not raw:
        return None
    looks_url = "://" in raw or re.match(
        r"^(www\.|m\.|web\.)?(facebook|fb|instagram|tiktok|youtube|twitter|x)\.com/", raw, re.I
    )
    if looks_url:
        u = raw if "://" in raw else "https://" + raw
        try:
            parts = urlsplit(u)
        except ValueError:
            return None
        segs = [p for p in parts.path.split("/") if p]
        plat = platform or _PLATFORM_HOSTS.get(_bare_host(parts.netloc), "")
        handle: str | None = None
        if plat == "tiktok" or plat == "youtube":
            at = [p for p in segs if p.startswith("@")]
            if at:
                handle = at[0][1:]
            elif plat == "youtube" and len(segs) >= 2 and segs[0] in ("channel", "c", "user"):
                handle = segs[1]
            elif segs and plat == "youtube" and segs[0] not in ("watch", "shorts", "live"):
                handle = segs[0]
        elif plat == "facebook":
            q = parse_qs(parts.query)
            if segs and segs[0] == "profile.php" and "id" in q:
                handle = q["id"][0]
            elif len(segs) >= 2 and segs[0] in ("pages", "people"):
                handle = segs[1]
            elif segs and segs[0] not in _FB_RESERVED:
                handle = segs[0]
        elif plat == "instagram":
            if segs and segs[0] not in _IG_RESERVED:
                handle = segs[0]
        elif plat == "x":
            if segs and segs[0] not in _X_RESERVED:
                handle = segs[0]
        elif segs:
            handle = segs[0]
        if handle is None:
            return None
        raw = handle
    raw = raw.lstrip("@").strip()
    return normalize_text(raw) or None


# ---------------------------------------------------------------------------------------------
# Platforms and post formats (value aliases: English + Indonesian UI)
# ---------------------------------------------------------------------------------------------
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
