"""Permalinks and account handles, one value at a time: the canonical form of a post's link
(the natural key of a post without a native id) and of an account's handle, and the platform a
link belongs to. The same rules a column at a time: etl.links.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

from etl.normalize import normalize_text

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
