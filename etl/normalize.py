"""Text, handle, permalink, date and number normalization.

Scalar helpers (normalize_text, normalize_handle, normalize_permalink) are shared with the
loader and the classifier. The *_expr helpers are vectorized polars expressions used by the
format parsers: no Python loop per row, one pass over the column (performance-facts.md).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import polars as pl

from warehouse import vocabulary

LOCAL_TZ = "Asia/Jakarta"

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
# Dates
# ---------------------------------------------------------------------------------------------
# Beside the vocabulary's Indonesian and English names and abbreviations: old Indonesian
# spellings, other abbreviations, Spanish and Portuguese (the UI languages of OPD staff).
_OTHER_MONTH_NAMES = (
    ("enero", "ene", "janeiro"),
    ("pebruari", "peb", "febrero", "fevereiro", "fev"),
    ("marzo", "marco", "março"),
    ("abril", "abr"),
    ("mayo", "maio", "mai"),
    ("junio", "junho"),
    ("julio", "julho"),
    ("agt", "ags", "agst", "agus", "agosto", "ago"),
    ("sept", "septiembre", "setiembre", "setembro", "set"),
    ("octubre", "outubro", "out"),
    ("nopember", "nop", "noviembre", "novembro"),
    ("diciembre", "dic", "dezembro", "dez"),
)
MONTHS: dict[str, int] = {
    name.lower(): num
    for num, others in enumerate(_OTHER_MONTH_NAMES, start=1)
    for name in (
        vocabulary.MONTHS_ID[num - 1],
        vocabulary.MONTHS_EN[num - 1],
        vocabulary.MONTHS_SHORT_ID[num - 1],
        vocabulary.MONTHS_SHORT_EN[num - 1],
        *others,
    )
}
# Vietnamese "tháng Tám" (month eight) as TikTok writes it: rewritten to the English name.
_VI_MONTHS = (
    ("mười hai", 12), ("mười một", 11), ("mười", 10), ("một", 1), ("hai", 2), ("ba", 3),
    ("tư", 4), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7), ("tám", 8), ("chín", 9),
)  # fmt: skip
_EN_MONTHS = tuple(m.lower() for m in vocabulary.MONTHS_EN)

# Weekday names a date may open with ("Senin, 3 Maret 2026"): the vocabulary's, plus other
# spellings and abbreviations.
DAY_NAMES = tuple(
    dict.fromkeys(
        d.lower()
        for d in (
            *vocabulary.DAYS_ID,
            "jum'at",
            "ahad",
            *vocabulary.DAYS_EN,
            *vocabulary.DAYS_SHORT_EN,
            "tues",
            "thur",
            "thurs",
            *vocabulary.DAYS_SHORT_ID,
        )
    )
)
_DAY_RE = r"^(?:" + "|".join(sorted((re.escape(d) for d in DAY_NAMES), key=len, reverse=True))
_DAY_RE += r")\b\.?,?\s*"

# Optional time part: "13:45", "13.45", "13:45:07", "1:05 PM", "+0000" offset, "WIB".
_TIME = (
    r"(?:[\s,t]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*(am|pm)?)?"
    r"\s*(?:(?:utc|gmt|z)?\s*([+-])(\d{2}):?(\d{2}))?\s*$"
)
_P_ISO = r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME
_P_NUM = r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME
_P_DMONY = r"^(\d{1,2})[-\s/.]*(\p{L}+)\.?[-\s/.,]*(\d{4}|\d{2})" + _TIME
_P_MONDY = r"^(\p{L}+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME
# Day and month without a year (TikTok Studio "October 3", "3 Oktober"): year from the export date.
_P_DMON_NY = r"^(\d{1,2})[-\s/.]*(\p{L}+)\.?" + _TIME
_P_MOND_NY = r"^(\p{L}+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?" + _TIME
_P_SERIAL = r"^(\d{5})(?:\.(\d+))?$"
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def _clean_date_text(expr: pl.Expr) -> pl.Expr:
    e = (
        expr.str.normalize("NFKC")
        .str.to_lowercase()
        .str.strip_chars()
        .str.replace(_DAY_RE, "")
        .str.replace_all(r"\b(pukul|jam|wib|wita|wit)\b|\bat\b", " ")
        # "3 de octubre de 2026", "3 de outubro": the joining word is not a month.
        .str.replace_all(r"\b(de|del)\b", " ")
    )
    for words, num in _VI_MONTHS:
        e = e.str.replace_all(f"tháng {words}\\b", _EN_MONTHS[num - 1])
    for i, name in enumerate(_EN_MONTHS, start=1):
        e = e.str.replace_all(f"tháng 0?{i}\\b", name)
    # "9月6日" / "2026年9月6日": month and day written with CJK counters.
    for i, name in enumerate(_EN_MONTHS, start=1):
        e = e.str.replace(f"^(?:(\\d{{4}})年)?0?{i}月(\\d{{1,2}})日", f"$2 {name} $1")
    return e.str.replace_all(r"\s+", " ").str.strip_chars(" ,")


_TIME_PARTS = ("h", "mi", "s", "ap", "sg", "oh", "om")


def _parts(pattern: str, date_names: tuple[str, ...]) -> pl.Expr:
    """One pattern's groups renamed to the shared part names; null struct when no match.

    A pattern without a year group gets a null Y (the caller infers the year)."""
    g = pl.col("c").str.extract_groups(pattern)
    names = (*date_names, *_TIME_PARTS)
    fields = [g.struct.field(str(i + 1)).alias(n) for i, n in enumerate(names)]
    if "Y" not in date_names:
        fields.insert(0, pl.lit(None, pl.String).alias("Y"))
        fields = [fields[0], *fields[1:]]
    order = ("Y", "M", "D", *_TIME_PARTS)
    by_name = {f.meta.output_name(): f for f in fields}
    return pl.when(g.struct.field("1").is_not_null()).then(pl.struct([by_name[n] for n in order]))


def parse_datetime_series(
    s: pl.Series,
    *,
    order: str = "dmy",
    source_tz: str = LOCAL_TZ,
    ref_date: dt.date | None = None,
    with_flags: bool = False,
) -> pl.Series | pl.DataFrame:
    """Series version of parse_datetime_expr, computed in materialized stages.

    ref_date: the export date; a day and month without a year ("October 3") takes its year, or
    the year before when that day would fall after it. Without ref_date such values are null.
    with_flags: return a frame (ts, no_year) instead, no_year marking values whose year was
    inferred. A four-digit year is taken as written (0001 stays 0001, then fails the range
    check); only a two-digit year means 20YY.
    Staging keeps each regex pass single: one big nested expression made polars evaluate the
    same extract many times over (13 s for 100k rows instead of well under one).
    """
    num_names = ("M", "D", "Y") if order == "mdy" else ("D", "M", "Y")
    df = pl.DataFrame({"c": s.cast(pl.String)}).with_columns(_clean_date_text(pl.col("c")))
    df = df.with_columns(
        pl.coalesce(
            _parts(_P_ISO, ("Y", "M", "D")),
            _parts(_P_NUM, num_names),
            _parts(_P_DMONY, ("D", "M", "Y")),
            _parts(_P_MONDY, ("M", "D", "Y")),
            _parts(_P_DMON_NY, ("D", "M")),
            _parts(_P_MOND_NY, ("M", "D")),
        ).alias("p"),
        pl.col("c").str.extract_groups(_P_SERIAL).alias("ser"),
    ).unnest("p")
    i32 = pl.Int32
    two_digit = pl.col("Y").str.len_chars() <= 2
    df = df.with_columns(
        pl.coalesce(
            pl.col("M").cast(i32, strict=False),
            pl.col("M").replace_strict(MONTHS, default=None, return_dtype=i32),
        ).alias("M"),
        pl.when(two_digit)
        .then(pl.col("Y").cast(i32, strict=False) + 2000)
        .otherwise(pl.col("Y").cast(i32, strict=False))
        .alias("Y"),
        pl.col("Y").is_null().alias("no_year"),
        pl.col("D").cast(i32, strict=False).alias("D"),
        pl.col("h").cast(i32, strict=False).fill_null(0).alias("h"),
        pl.col("mi").cast(i32, strict=False).fill_null(0).alias("mi"),
        pl.col("s").cast(i32, strict=False).fill_null(0).alias("s"),
        (
            pl.col("oh").cast(pl.Int64, strict=False) * 60
            + pl.col("om").cast(pl.Int64, strict=False)
        ).alias("off"),
    ).with_columns(
        pl.when(pl.col("ap") == "pm")
        .then(pl.col("h") % 12 + 12)
        .when(pl.col("ap") == "am")
        .then(pl.col("h") % 12)
        .otherwise(pl.col("h"))
        .alias("h"),
        pl.when(pl.col("sg") == "-").then(-pl.col("off")).otherwise(pl.col("off")).alias("off"),
    )
    no_year = pl.col("no_year") & pl.col("M").is_not_null() & pl.col("D").is_not_null()
    if ref_date is not None:
        later = (pl.col("M") > ref_date.month) | (
            (pl.col("M") == ref_date.month) & (pl.col("D") > ref_date.day)
        )
        inferred = pl.when(later).then(ref_date.year - 1).otherwise(ref_date.year).cast(i32)
        df = df.with_columns(pl.when(no_year).then(inferred).otherwise(pl.col("Y")).alias("Y"))
    df = df.with_columns(no_year.fill_null(False).alias("no_year"))
    # Through strptime so impossible dates (31/02) become null instead of raising.
    text = pl.format(
        "{}-{}-{} {}:{}:{}",
        *[
            pl.col(c).cast(pl.String).str.zfill(w)
            for c, w in (("Y", 4), ("M", 2), ("D", 2), ("h", 2), ("mi", 2), ("s", 2))
        ],
    )
    days = pl.col("ser").struct.field("1").cast(pl.Int64, strict=False)
    frac = pl.concat_str(pl.lit("0."), pl.col("ser").struct.field("2").fill_null("0")).cast(
        pl.Float64, strict=False
    )
    serial = pl.when((days >= 20000) & (days <= 80000)).then(
        pl.lit(_EXCEL_EPOCH)
        + pl.duration(days=days, seconds=(frac * 86400).round(0).cast(pl.Int64))
    )
    df = df.select(
        pl.coalesce(
            text.str.strptime(pl.Datetime("us"), "%Y-%m-%d %H:%M:%S", strict=False),
            serial.cast(pl.Datetime("us")),
        ).alias("ts"),
        pl.col("off"),
        pl.col("no_year"),
    )
    ts, off = pl.col("ts"), pl.col("off")
    # Explicit offset ("+0000", X classic): wall time at that offset -> UTC -> WIB.
    from_offset = (
        (ts - pl.duration(minutes=off.fill_null(0)))
        .dt.replace_time_zone("UTC")
        .dt.convert_time_zone(LOCAL_TZ)
        .dt.replace_time_zone(None)
    )
    if source_tz == LOCAL_TZ:
        no_offset = ts
    else:
        no_offset = (
            ts.dt.replace_time_zone(source_tz, ambiguous="earliest", non_existent="null")
            .dt.convert_time_zone(LOCAL_TZ)
            .dt.replace_time_zone(None)
        )
    out = df.select(
        pl.when(off.is_not_null())
        .then(from_offset)
        .otherwise(no_offset)
        .cast(pl.Datetime("us"))
        .alias(s.name),
        pl.col("no_year"),
    )
    return out if with_flags else out.to_series()


def parse_datetime_expr(
    expr: pl.Expr,
    *,
    order: str = "dmy",
    source_tz: str = LOCAL_TZ,
    ref_date: dt.date | None = None,
) -> pl.Expr:
    """Parse any supported date/time text into a naive WIB Datetime('us'); null when unreadable.

    Styles: Excel serial (45658, 45658.57), ISO (2025-02-03[ 13:45[:00]]), numeric D/M/Y or
    M/D/Y per `order` ('dmy' | 'mdy'), '1 Desember 2025', '3 Feb 2025', 'Senin, 01-12-2025',
    'Rabu, 3 Februari 2025 pukul 13.45', 'Oct 3, 2026', 'Tue, Jul 14, 2026', '1:05 PM',
    '2024-03-15 18:42 +0000' (an explicit offset wins over source_tz).
    Times without a zone are taken in source_tz and converted to WIB. Vectorized: the whole
    column goes through parse_datetime_series in one call (no per-row Python).
    """
    return expr.map_batches(
        lambda s: parse_datetime_series(s, order=order, source_tz=source_tz, ref_date=ref_date),
        return_dtype=pl.Datetime("us"),
    )


def parse_time_of_day_expr(expr: pl.Expr) -> pl.Expr:
    """Seconds since midnight from '13.45', '13:45:00', '1899-12-30 13:45:00', '0.5729' (Excel)."""
    c = expr.str.strip_chars().str.to_lowercase()
    g = c.str.extract_groups(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm)?\s*(?:wib)?$")
    h = g.struct.field("1").cast(pl.Int64, strict=False)
    ampm = g.struct.field("4")
    h = pl.when(ampm == "pm").then(h % 12 + 12).when(ampm == "am").then(h % 12).otherwise(h)
    secs = (
        h * 3600
        + g.struct.field("2").cast(pl.Int64, strict=False) * 60
        + g.struct.field("3").cast(pl.Int64, strict=False).fill_null(0)
    )
    frac = pl.when(c.str.contains(r"^0?\.\d+$")).then(
        (c.cast(pl.Float64, strict=False) * 86400).round(0).cast(pl.Int64)
    )
    out = pl.coalesce(secs, frac)
    return pl.when((out >= 0) & (out < 86400)).then(out)


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------
_SUFFIX = {"k": 1e3, "rb": 1e3, "ribu": 1e3, "m": 1e6, "jt": 1e6, "juta": 1e6, "b": 1e9}


def parse_number_series(s: pl.Series) -> pl.Series:
    """Series version of parse_number_expr, in materialized stages (see parse_datetime_series)."""
    s = s.cast(pl.String)
    # Fast path: exports mostly hold plain digits.
    if bool(s.str.contains(r"^\s*\d{1,15}\s*$").fill_null(True).all()):
        return s.str.strip_chars().cast(pl.Float64, strict=False)
    df = pl.DataFrame({"s": s}).select(
        pl.col("s")
        .str.to_lowercase()
        .str.replace_all(r"[\s\u00a0\u202f']", "")
        .str.replace(r"^\+", "")
    )
    df = df.select(
        pl.col("s").str.ends_with("%").alias("pct"),
        pl.col("s").str.extract(r"\d(k|rb|ribu|m|jt|juta|b)$", 1).alias("suffix"),
        pl.col("s").str.replace(r"(%|k|rb|ribu|m|jt|juta|b)$", "").alias("core"),
    ).with_columns(
        pl.when(pl.col("core").str.contains(r"^-?[0-9][0-9.,]*$"))
        .then(pl.col("core"))
        .alias("core")
    )
    core = pl.col("core")
    df = df.with_columns(
        core.str.count_matches(r"\.").alias("n_dot"),
        core.str.count_matches(",").alias("n_com"),
        core.str.extract(r"([.,])[0-9]*$", 1).alias("last_sep"),
        core.str.extract(r"[.,]([0-9]*)$", 1).str.len_chars().alias("tail"),
    )
    scaled = pl.col("suffix").is_not_null() | pl.col("pct")
    n_dot, n_com = pl.col("n_dot"), pl.col("n_com")
    df = df.with_columns(
        pl.when((n_dot > 0) & (n_com > 0))
        .then(pl.col("last_sep"))
        .when((n_dot + n_com == 1) & (scaled | (pl.col("tail") != 3)))
        .then(pl.col("last_sep"))
        .alias("dec")
    )
    dec = pl.col("dec")
    plain = (
        pl.when(dec == ",")
        .then(core.str.replace_all(r"\.", "").str.replace(",", "."))
        .when(dec == ".")
        .then(core.str.replace_all(",", ""))
        .otherwise(core.str.replace_all(r"[.,]", ""))
    )
    mult = pl.col("suffix").replace_strict(_SUFFIX, default=1.0, return_dtype=pl.Float64)
    return df.select(plain.cast(pl.Float64, strict=False) * mult).to_series().alias(s.name)


def parse_number_expr(expr: pl.Expr) -> pl.Expr:
    """Float from '12,400', '2.300', '1.234.567', '1,234.5', '1.2K', '1,5 jt', '38%', '12 400'.

    Separators are decided per value: with both '.' and ',' the last is the decimal mark; a
    single mark followed by exactly three digits is a thousands separator (counts are whole
    numbers) unless a K/M suffix or a percent sign follows; repeated marks are thousands.
    '38%' -> 38.0. Empty, '-' and text -> null. Vectorized via parse_number_series.
    """
    return expr.map_batches(parse_number_series, return_dtype=pl.Float64)


def parse_count_expr(expr: pl.Expr) -> pl.Expr:
    """Whole count (Int64) via parse_number_expr; negative or non-finite -> null."""
    v = parse_number_expr(expr)
    return pl.when(v.is_finite() & (v >= 0) & (v < 9e18)).then(v.round(0)).cast(pl.Int64)


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
