"""post_format where the export has no format column: logbooks (from the link) and X."""

from __future__ import annotations

import polars as pl
import pytest

from etl.parse import parse_file
from etl.post_values import post_format_from_url_expr
from etl.schema import POST_FORMATS


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("https://www.instagram.com/reel/C9xYz12/", "reels"),
        ("https://instagram.com/reels/C9xYz12", "reels"),
        ("instagram.com/p/DLH1", "foto"),
        ("https://www.instagram.com/dinkes.sukamaju/p/DNDL_hIiLv-/?igsh=abc", "foto"),
        ("https://www.instagram.com/tv/B1/", "video"),
        ("https://www.instagram.com/stories/dinkes.sukamaju/3456/", "story"),
        ("https://www.tiktok.com/@kec.sukaresmi/video/7400000000000000009", "video"),
        ("https://vt.tiktok.com/ZS2abc/", "video"),
        ("https://www.tiktok.com/@dlh.sukamaju/photo/7400000000000000001", "foto"),
        ("https://youtube.com/shorts/AbC123xyz", "reels"),
        ("https://www.youtube.com/watch?v=AbC123xyz", "video"),
        ("https://youtu.be/AbC123xyz", "video"),
        ("https://www.youtube.com/live/AbC123xyz", "live"),
        ("https://www.facebook.com/reel/1000038409420848/", "reels"),
        ("https://www.facebook.com/61563054450503/videos/1100045216660563/", "video"),
        ("https://fb.watch/abc/", "video"),
        ("https://www.facebook.com/photo/?fbid=123", "foto"),
        ("https://www.facebook.com/61628989253362/posts/122103026418000287", None),
        ("https://www.facebook.com/share/p/0s5SV7xCwLwqO9A0/", None),
        ("https://x.com/diskominfo_skmj/status/1812000000000000001", None),
        ("https://notinstagram.com/p/x", None),
        (None, None),
    ],
)
def test_post_format_from_url(url, want):
    got = pl.select(post_format_from_url_expr(pl.lit(url, pl.String))).item()
    assert got == want
    assert got is None or got in POST_FORMATS


def _logbook(tmp_path, rows: list[str], header: str) -> pl.DataFrame:
    text = "REKAP POSTINGAN MEDIA SOSIAL DESA MEKARSARI\n" + header + "\n" + "\n".join(rows)
    path = tmp_path / "rekap.csv"
    path.write_text(text + "\n", encoding="utf-8")
    (table,) = parse_file(path)
    assert table.format == "logbook"
    return table.posts.select("source_row", "post_format_raw", "post_format")


def test_logbook_format_column_first_then_the_link(tmp_path):
    posts = _logbook(
        tmp_path,
        [
            "1;01/12/2025;https://www.instagram.com/reel/R1/;Senam pagi;Foto",  # column wins
            "2;02/12/2025;https://www.instagram.com/reel/R2/;Posyandu;Konten",  # unknown -> link
            "3;03/12/2025;https://youtube.com/shorts/S3;Jalan sehat;",  # empty -> link
            "4;04/12/2025;https://www.facebook.com/1/posts/4;Rapat;",  # link tells nothing
        ],
        "No;Tanggal;Link;Keterangan;Bentuk",
    )
    assert posts.rows() == [
        (3, "Foto", "foto"),
        (4, "Konten", "reels"),
        (5, None, "reels"),
        (6, None, None),
    ]


def test_logbook_without_format_column_uses_the_link(tmp_path):
    posts = _logbook(
        tmp_path,
        [
            "1;01/12/2025;https://www.tiktok.com/@desa/video/1;Senam pagi",
            "2;02/12/2025;https://www.instagram.com/p/P2/;Posyandu",
        ],
        "No;Tanggal;Link;Keterangan",
    )
    assert posts.rows() == [(3, None, "video"), (4, None, "foto")]


X_HEADER = (
    "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,"
    "replies,likes,user profile clicks,url clicks,hashtag clicks,detail expands,permalink clicks,"
    "app opens,app installs,follows,email tweet,dial phone,media views,media engagements"
)


def test_x_format_from_media_views_then_links_else_teks(tmp_path):
    def row(i: int, text: str, media: str) -> str:
        link = f"https://twitter.com/prokopim_skmj/status/17688100000000000{i:02d}"
        return (
            f'17688100000000000{i:02d},{link},"{text}",2025-12-01 01:30 +0000,10,1,0.1,0,0,1,'
            f"0,0,0,0,0,0,0,0,0,0,{media},0"
        )

    lines = [
        X_HEADER,
        row(1, "Apel pagi https://t.co/AbCd", "120"),  # media (the t.co is the photo)
        row(2, "Baca selengkapnya: https://sukamajukab.go.id/berita/1", "0"),
        row(3, "Selamat pagi Sukamaju", "0"),
        row(4, "Selamat siang", ""),
    ]
    path = tmp_path / "tweet_activity_metrics_prokopim_skmj_20251201_20251231_en.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (table,) = parse_file(path)
    assert table.posts["post_format"].to_list() == ["foto", "tautan", "teks", "teks"]


@pytest.mark.parametrize(
    ("value", "want"),
    [("Shorts", "reels"), ("IG reel", "reels"), ("Foto", "foto"), ("IG carousel", "carousel"),
     ("Siaran langsung", "live"), ("Cerita", "story"), ("apa saja", None)],
)  # fmt: skip
def test_post_format_values_from_a_column(value, want):
    from etl.post_values import post_format_expr

    got = pl.DataFrame({"v": [value]}).select(post_format_expr(pl.col("v"))).item()
    assert got == want
