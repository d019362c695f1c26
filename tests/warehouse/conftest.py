"""A small warehouse whose every number can be computed by hand (issue #4 metrics tests).

Period under test: January 2026 (previous: December 2025, year ago: January 2025).
OPDs (expected_to_post unless said):
  1 Dinas Kesehatan (dinas): operator trained; facebook #1 and instagram #2
  2 Dinas Pendidikan (dinas): operator NOT trained; facebook #3
  3 Badan Keuangan (badan): NO operator; instagram #4 (+ logbook rows without an account)
  4 Kecamatan Kota (kecamatan): operator, training unknown; NO account (logbook rows only)
  5 Desa Sukamaju (desa): operator trained; tiktok #5 that never posted
  6 Sekretariat DPRD (sekretariat): NOT expected to post; facebook #6
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from warehouse.db import connect

D = dt.datetime

OPDS = [
    # opd_id, name, short, kind, operator_name, operator_trained, expected_to_post
    (1, "Dinas Kesehatan", "Dinkes", "dinas", "Ani", True, True),
    (2, "Dinas Pendidikan", "Disdik", "dinas", "Budi", False, True),
    (3, "Badan Keuangan", "BKD", "badan", None, None, True),
    (4, "Kecamatan Kota", "Kec. Kota", "kecamatan", "Citra", None, True),
    (5, "Desa Sukamaju", "Sukamaju", "desa", "  ", True, True),
    (6, "Sekretariat DPRD", "Setwan", "sekretariat", "Eko", True, False),
]
# Desa Sukamaju's operator name is blank: counts as "no operator".

ACCOUNTS = [
    # account_id, opd_id, platform, handle
    (1, 1, "facebook", "dinkes"),
    (2, 1, "instagram", "dinkes.ig"),
    (3, 2, "facebook", "disdik"),
    (4, 3, "instagram", "bkd"),
    (5, 5, "tiktok", "sukamaju"),
    (6, 6, "facebook", "setwan"),
]

# post rows: opd_id, account_id, platform, published_at, content_type, figure, reactions,
# comments, shares, reach
POSTS = [
    # --- January 2026 -------------------------------------------------------------------
    # Dinkes facebook: 5 posts (weeks of 29 Dec, 5 Jan, 12 Jan, 19 Jan) -> active
    (1, 1, "facebook", D(2026, 1, 2, 8), "kegiatan", False, 10, 2, 1, 100),
    (1, 1, "facebook", D(2026, 1, 5, 9), "layanan", False, 20, 0, 0, 200),
    (1, 1, "facebook", D(2026, 1, 9, 10), "ucapan", False, 5, 1, 0, None),
    (1, 1, "facebook", D(2026, 1, 16, 11), "informasi", False, 8, 0, 2, 80),
    (1, 1, "facebook", D(2026, 1, 23, 12), "capaian", False, 30, 5, 5, 400),
    # Dinkes instagram: 2 posts (week of 29 Dec, week of 26 Jan)
    (1, 2, "instagram", D(2026, 1, 3, 8), "ucapan", False, 40, 0, 0, None),
    (1, 2, "instagram", D(2026, 1, 30, 20), "kegiatan", True, 12, 3, 0, None),
    # Disdik facebook: 3 posts, the last on 8 January -> below minimum, not dormant on 31 Jan
    (2, 3, "facebook", D(2026, 1, 6, 8), "ucapan", False, 1, 0, 0, None),
    (2, 3, "facebook", D(2026, 1, 7, 8), "ucapan", True, 2, 0, 0, None),
    (2, 3, "facebook", D(2026, 1, 8, 8), "kegiatan", True, 3, 0, 0, None),
    # BKD: 2 on its instagram account + 2 logbook rows not matched to an account -> max 2/account
    (3, 4, "instagram", D(2026, 1, 10, 8), "informasi", False, 0, 0, 0, None),
    (3, 4, "instagram", D(2026, 1, 20, 8), "lainnya", False, 0, 0, 0, None),
    (3, None, "instagram", D(2026, 1, 11, 8), "kegiatan", False, 0, 0, 0, None),
    (3, None, "instagram", D(2026, 1, 12, 8), None, False, 0, 0, 0, None),
    # Kecamatan Kota: no account, 4 logbook facebook rows -> active through the platform bucket
    (4, None, "facebook", D(2026, 1, 1, 7), "kegiatan", False, None, None, None, None),
    (4, None, "facebook", D(2026, 1, 14, 7), "kegiatan", False, None, None, None, None),
    (4, None, "facebook", D(2026, 1, 15, 7), "klarifikasi", False, None, None, None, None),
    (4, None, "facebook", D(2026, 1, 31, 23, 59), "ucapan", False, None, None, None, None),
    # Setwan (not expected to post): 1 post
    (6, 6, "facebook", D(2026, 1, 19, 8), "kegiatan", False, 7, 0, 0, None),
    # --- December 2025 (previous period) -------------------------------------------------
    (1, 1, "facebook", D(2025, 12, 1, 8), "kegiatan", False, 1, 0, 0, None),
    (1, 1, "facebook", D(2025, 12, 8, 8), "kegiatan", False, 1, 0, 0, None),
    (1, 1, "facebook", D(2025, 12, 15, 8), "ucapan", False, 1, 0, 0, None),
    (1, 1, "facebook", D(2025, 12, 22, 8), "ucapan", False, 1, 0, 0, None),
    (2, 3, "facebook", D(2025, 12, 2, 8), "ucapan", False, 1, 0, 0, None),
    (2, 3, "facebook", D(2025, 12, 3, 8), "ucapan", False, 1, 0, 0, None),
    (2, 3, "facebook", D(2025, 12, 4, 8), "ucapan", False, 1, 0, 0, None),
    (3, 4, "instagram", D(2025, 12, 5, 8), "kegiatan", False, 1, 0, 0, None),
    # --- January 2025 (year ago) -----------------------------------------------------------
    (1, 1, "facebook", D(2025, 1, 10, 8), "kegiatan", False, 100, 0, 0, None),
    # --- February 2026 (after the period: must not count anywhere for January) -------------
    (1, 1, "facebook", D(2026, 2, 1, 0, 0), "ucapan", False, 1000, 0, 0, None),
]

JAN = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


def build_warehouse(posts: list[tuple] | None = None):
    """The warehouse above; `posts` replaces POSTS (same tuple shape) for property tests."""
    posts = POSTS if posts is None else posts
    con = connect(":memory:")
    con.register("opd_df", pl.DataFrame(
        OPDS,
        schema=["opd_id", "name", "short_name", "kind", "operator_name", "operator_trained",
                "expected_to_post"],
        orient="row",
    ))  # fmt: skip
    con.execute(
        "INSERT INTO opd (opd_id, name, short_name, kind, operator_name, operator_trained,"
        " expected_to_post) SELECT * FROM opd_df"
    )
    acc_df = pl.DataFrame(
        ACCOUNTS, schema=["account_id", "opd_id", "platform", "handle"], orient="row"
    )
    con.register("acc_df", acc_df)
    con.execute(
        "INSERT INTO account (account_id, opd_id, platform, handle, handle_norm)"
        " SELECT account_id, opd_id, platform, handle, handle FROM acc_df"
    )
    con.execute(
        "INSERT INTO loads (load_id, file_name, sha256, format, platform, rows_read, n_new, status)"
        " VALUES (1, 'rekap.xlsx', 'abc', 'logbook', NULL, 30, 30, 'loaded')"
    )
    con.register("posts_df", pl.DataFrame(
        [(f"p{i:03d}", *row) for i, row in enumerate(posts)],
        schema={"post_key": pl.String, "opd_id": pl.Int32, "account_id": pl.Int32,
                "platform": pl.String, "published_at": pl.Datetime("us"),
                "content_type": pl.String, "is_figure_centric": pl.Boolean,
                "reactions": pl.Int64, "comments": pl.Int64, "shares": pl.Int64,
                "reach": pl.Int64},
        orient="row",
    ))  # fmt: skip
    con.execute(
        "INSERT INTO posts (post_key, opd_id, account_id, platform, published_at, caption,"
        " content_type, content_source, content_reason, is_figure_centric, reactions, comments,"
        " shares, reach, permalink, load_id, first_load_id, observed_at)"
        " SELECT post_key, opd_id, account_id, platform, published_at,"
        " 'Postingan ' || post_key, content_type, 'rule', 'aturan uji', is_figure_centric,"
        " reactions, comments, shares, reach, 'https://example.test/' || post_key, 1, 1,"
        " published_at FROM posts_df"
    )
    # One live observation per post, so the loader's checks hold on this warehouse too.
    con.execute(
        "INSERT INTO post_observation (load_id, post_key, opd_id, account_id, platform,"
        " published_at, reactions, comments, shares, reach, observed_at)"
        " SELECT load_id, post_key, opd_id, account_id, platform, published_at, reactions,"
        " comments, shares, reach, observed_at FROM posts"
    )
    for name in ("opd_df", "acc_df", "posts_df"):
        con.unregister(name)
    return con


@pytest.fixture()
def wh():
    con = build_warehouse()
    yield con
    con.close()
