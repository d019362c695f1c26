"""etl.links reads permalinks and the handles in them a column at a time: element for element
equal to the scalar rules (normalize_permalink as etl.keys reads it, matching.handle_norm).
Every check runs the column path (SMALL = 0) and the path a short column takes."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import etl.links as links_module
from etl.links import link_handles, permalinks
from etl.opd_names import handle_norm
from etl.permalinks import normalize_permalink

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "exports"
PLATFORMS = ["facebook", "instagram", "tiktok", "youtube", "x", "website", "", None]
SCHEMES = ["https://", "http://", "HTTPS://", "Http://", "ftp://", "", " https://", "https:/"]
HOSTS = [
    "www.facebook.com", "m.facebook.com", "web.facebook.com", "fb.com", "fb.watch",
    "www.instagram.com", "instagram.com", "instagr.am", "www.www.instagram.com",
    "www.tiktok.com", "vt.tiktok.com", "youtu.be", "www.youtube.com", "m.youtube.com",
    "twitter.com", "x.com", "sukamajukab.go.id", "WWW.Instagram.COM", "a.b", "...", "m.x.com",
    "www.youtube.com:443", "[::1]", "inst agram.com", "xn--dnkes-5qa.id",
]  # fmt: skip
SEGMENTS = [
    "p", "reel", "reels", "watch", "shorts", "live", "channel", "c", "user", "pages", "people",
    "profile.php", "status", "video", "@Dinkes.Kab", "@@dua", "@", "dinkes.kab", "DisKominfo",
    "61583240308569", "C8xYz12AbCd", "story.php", "i", "intent", "%40enc", "a:b", "tilde~",
    "spasi di", "é", "ｆｕｌｌ", "x?y", "x#y", "",
]  # fmt: skip
TAILS = ["", "/", "//", "?utm_source=ig", "?v=abc&t=1", "?id=123", "#frag", "/?igsh=x", " ", "\n"]

segment = st.one_of(st.sampled_from(SEGMENTS), st.text(max_size=8))
url = st.one_of(
    st.builds(
        lambda s, h, segs, t: s + h + "".join("/" + x for x in segs) + t,
        st.sampled_from(SCHEMES),
        st.sampled_from(HOSTS),
        st.lists(segment, max_size=4),
        st.sampled_from(TAILS),
    ),
    st.text(max_size=30),
    st.none(),
)


def _permalink(u: str | None) -> str | None:
    """What etl.keys read per row before (blank -> null)."""
    if u is None or not u.strip():
        return None
    return normalize_permalink(u) or None


def _check(platforms: list[str | None], links: list[str | None]) -> None:
    s = pl.Series(links, dtype=pl.String)
    want_links = [_permalink(u) for u in links]
    want = [handle_norm(p, u) if u else None for p, u in zip(platforms, links, strict=True)]
    kept = links_module.SMALL
    for small in (0, len(links)):
        links_module.SMALL = small
        try:
            assert permalinks(s).to_list() == want_links
            got = link_handles(pl.Series(platforms, dtype=pl.String), s).to_list()
        finally:
            links_module.SMALL = kept
        assert got == want


def test_a_short_column_takes_the_scalar_rules(monkeypatch) -> None:
    """An export's links (up to SMALL) skip the expressions, whose fixed cost is most of it."""

    def refuse(_links):
        raise AssertionError("column path")

    monkeypatch.setattr(links_module, "_split", refuse)
    urls = ["https://www.instagram.com/p/C8xYz12AbCd/", "https://m.facebook.com/dinkes/posts/1"]
    links = pl.Series(urls * 200 + [None])
    platforms = pl.Series(["instagram", "facebook"] * 200 + ["x"])
    assert permalinks(links).to_list()[:2] == [
        "https://www.instagram.com/p/C8xYz12AbCd",
        "https://www.facebook.com/dinkes/posts/1",
    ]
    assert link_handles(platforms, links).to_list()[:3] == [None, "dinkes", None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PLATFORMS), url), max_size=25))
def test_column_rules_equal_scalar_rules(pairs) -> None:
    _check([p for p, _ in pairs], [u for _, u in pairs])


def test_every_sample_permalink_reads_alike() -> None:
    links: list[str] = []
    for f in sorted(SAMPLE.rglob("*.csv")):
        text = f.read_text(encoding="utf-8-sig", errors="replace")
        links += [w.strip('",') for w in text.split() if "://" in w]
    assert len(links) > 1000
    for platform in ("facebook", "instagram", "x", "youtube", "tiktok", ""):
        _check([platform] * len(links), links)
