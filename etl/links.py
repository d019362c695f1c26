"""Permalinks and the handles inside them, a column at a time (no Python call per row).

The rules are etl.normalize's scalar normalize_permalink and normalize_handle (through
etl.opd_names.handle_norm); these functions give the same value for every element. A link in
the plain shape exports write (``http(s)://host/path`` in ASCII letters, digits and path
punctuation, no query, no fragment, no surrounding space) is taken apart with polars
expressions; the host is looked up once per distinct host with the scalar helpers; every other
value (queries, spaces, non-ASCII, no scheme) goes through the scalar function itself, so an
odd link is never read differently. Equality with the scalar functions: tests/etl_load/
test_links.py (hypothesis).

A column of at most SMALL values (an export of a month: about 50) goes through the scalar
functions themselves: the expressions cost about 4 ms a call whatever the length, the scalar
rules a few microseconds a value.
"""

from __future__ import annotations

import polars as pl

from etl.permalinks import (
    _CANON_HOST,
    _FB_RESERVED,
    _IG_RESERVED,
    _PLATFORM_HOSTS,
    _X_RESERVED,
    _bare_host,
    normalize_permalink,
)

# scheme, host (no port, no user), path (possibly empty); nothing urlsplit would strip or split.
_PLAIN = r"^(?i:https?)://([A-Za-z0-9.-]+)((?:/[A-Za-z0-9._~%@:+,;=!$&'()*-]*)*)$"
SMALL = 500  # values; up to this many, the scalar rules are the faster way
_SCHEMA = {"host": pl.String, "bare": pl.String, "canon": pl.String, "host_platform": pl.String}


def _hosts(hosts: pl.Series) -> pl.DataFrame:
    """Distinct hosts -> bare host, canonical host and platform (the scalar helpers)."""
    rows = []
    for h in hosts.drop_nulls().unique().to_list():
        bare = _bare_host(h)
        rows.append((h, bare, _CANON_HOST.get(bare, bare), _PLATFORM_HOSTS.get(bare, "")))
    return pl.DataFrame(rows, schema=_SCHEMA, orient="row")


def _split(links: pl.Series) -> pl.DataFrame:
    """link, host, path (null host: not the plain shape), with the host looked up."""
    df = pl.DataFrame({"link": links.cast(pl.String)}).with_columns(
        host=pl.col("link").str.extract(_PLAIN, 1),
        path=pl.col("link").str.extract(_PLAIN, 2),
    )
    return df.join(_hosts(df["host"]), on="host", how="left", maintain_order="left")


def _scalar(values: pl.Series, fn: object) -> pl.Series:
    return values.map_elements(fn, return_dtype=pl.String, skip_nulls=True)  # type: ignore[arg-type]


def permalinks(links: pl.Series) -> pl.Series:
    """normalize_permalink of every element, as etl.keys reads it (blank -> null). String."""
    if links.len() <= SMALL:
        values = links.cast(pl.String).to_list()
        read = [None if u is None else _blank_or_permalink(u) for u in values]
        return pl.Series("permalink", read, dtype=pl.String)
    df = _split(links)
    path = pl.col("path").str.strip_chars_end("/")
    fast = (
        pl.when(pl.col("host").is_null())
        .then(None)
        .when((pl.col("bare") == "youtu.be") & (path != ""))
        .then(
            "https://www.youtube.com/watch?v="
            + path.str.strip_chars("/").str.split("/").list.first()
        )
        .otherwise("https://" + pl.col("canon") + path)
    )
    df = df.with_columns(fast=fast)
    slow = df.filter(pl.col("host").is_null() & pl.col("link").is_not_null())["link"].unique()
    slow_map = pl.DataFrame(
        {"link": slow, "slow": _scalar(slow, _blank_or_permalink)},
        schema={"link": pl.String, "slow": pl.String},
    )
    out = df.join(slow_map, on="link", how="left", maintain_order="left", nulls_equal=False)
    return out.select(pl.coalesce("fast", "slow").alias("permalink"))["permalink"]


def _blank_or_permalink(url: str) -> str | None:
    if not url.strip():
        return None
    return normalize_permalink(url) or None


def link_handles(platforms: pl.Series, links: pl.Series) -> pl.Series:
    """etl.opd_names.handle_norm(platform, link) of every pair: the account handle a post's
    link names (or null). platforms and links of equal length. String."""
    from etl.opd_names import handle_norm

    if links.len() <= SMALL:
        pairs = zip(
            platforms.cast(pl.String).to_list(), links.cast(pl.String).to_list(), strict=True
        )
        return pl.Series("h", [handle_norm(p, u) for p, u in pairs], dtype=pl.String)
    df = _split(links).with_columns(platform=platforms.cast(pl.String))
    segs = pl.col("path").str.split("/").list.eval(pl.element().filter(pl.element() != ""))
    first, second, n = (
        segs.list.get(0, null_on_oob=True),
        segs.list.get(1, null_on_oob=True),
        segs.list.len(),
    )
    plat = pl.col("platform")
    at = segs.list.eval(pl.element().filter(pl.element().str.starts_with("@"))).list.first()
    handle = (
        pl.when(plat.is_in(["tiktok", "youtube"]) & at.is_not_null())
        .then(at)
        .when((plat == "youtube") & (n >= 2) & first.is_in(["channel", "c", "user"]))
        .then(second)
        .when((plat == "youtube") & (n >= 1) & ~first.is_in(["watch", "shorts", "live"]))
        .then(first)
        .when(plat.is_in(["tiktok", "youtube"]))
        .then(None)
        .when((plat == "facebook") & (n >= 2) & first.is_in(["pages", "people"]))
        .then(second)
        .when((plat == "facebook") & (n >= 1) & ~first.is_in(sorted(_FB_RESERVED)))
        .then(first)
        .when(plat == "facebook")
        .then(None)
        .when((plat == "instagram") & (n >= 1) & ~first.is_in(sorted(_IG_RESERVED)))
        .then(first)
        .when(plat == "instagram")
        .then(None)
        .when((plat == "x") & (n >= 1) & ~first.is_in(sorted(_X_RESERVED)))
        .then(first)
        .when(plat == "x")
        .then(None)
        .otherwise(first)
    )
    # ASCII without spaces: the scalar NFKC / whitespace / lower steps are just lower case.
    norm = handle.str.strip_chars_start("@").str.to_lowercase()
    # Fast only where the platform is given (an empty one is read from the host, below).
    is_fast = pl.col("host").is_not_null() & plat.is_not_null() & (plat != "")
    df = df.with_columns(
        fast=pl.when(is_fast).then(pl.when(norm != "").then(norm)), is_fast=is_fast
    )
    slow = (
        df.filter(~pl.col("is_fast") & pl.col("link").is_not_null())
        .select("platform", "link")
        .unique()
    )
    slow = slow.with_columns(
        slow=pl.Series([handle_norm(p, u) for p, u in slow.iter_rows()], dtype=pl.String)
    )
    out = df.join(slow, on=["platform", "link"], how="left", maintain_order="left",
                  nulls_equal=True)  # fmt: skip
    return out.select(
        pl.when(pl.col("is_fast")).then(pl.col("fast")).otherwise(pl.col("slow")).alias("h")
    )["h"]
