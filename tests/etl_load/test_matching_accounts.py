"""etl.matching reads the handle in a permalink only where it can change the account a post
gets (no written handle, or one whose account has no OPD): the result equals reading every
permalink (the old code, kept here as the reference), with the column rules and the short
path of etl.links alike."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import etl.links as links_module
from etl.account_match import with_accounts as _with_accounts
from etl.links import link_handles
from etl.opd_names import handle_norm


def _with_accounts_old(posts: pl.DataFrame, acc_keys: pl.DataFrame) -> pl.DataFrame:
    """Step 1 of resolve_posts before: the permalink's handle of every distinct pair."""
    pairs = posts.select("platform", "account_handle", "permalink").unique()
    written = pairs.select("platform", "account_handle").unique()
    written = written.with_columns(
        _norm=pl.Series(
            [handle_norm(p, h) if h else None for p, h in written.iter_rows()], dtype=pl.String
        )
    )
    key_frame = (
        pairs.with_columns(_link_norm=link_handles(pairs["platform"], pairs["permalink"]))
        .join(written, on=["platform", "account_handle"], how="left", nulls_equal=True)
        .select(
            "platform",
            "account_handle",
            "permalink",
            pl.coalesce("_norm", "_link_norm").alias("handle_norm"),
            "_link_norm",
        )
    )
    df = posts.join(
        key_frame, on=["platform", "account_handle", "permalink"], how="left", nulls_equal=True
    )
    df = df.join(acc_keys, on=["platform", "handle_norm"], how="left")
    by_link = acc_keys.rename(
        {"handle_norm": "_link_norm", "account_id": "_l_acc", "acc_opd_id": "_l_opd"}
    )
    return (
        df.join(by_link, on=["platform", "_link_norm"], how="left")
        .with_columns(
            pl.coalesce("account_id", "_l_acc").alias("account_id"),
            pl.coalesce("acc_opd_id", "_l_opd").alias("acc_opd_id"),
        )
        .drop("_link_norm", "_l_acc", "_l_opd")
    )


PLATFORMS = ["instagram", "facebook", "tiktok", "youtube", "x"]
HANDLES = ["dinkes.kab", "diskominfo", "kec.sukamaju", "bpbd_kab", "humas"]
WRITTEN = [None, "", "@DinKes.Kab", " dinkes.kab ", "Diskominfo", "KEC.SUKAMAJU", "humas", "lain"]
HOSTS = {
    "instagram": "https://www.instagram.com/",
    "facebook": "https://www.facebook.com/",
    "tiktok": "https://www.tiktok.com/@",
    "youtube": "https://www.youtube.com/@",
    "x": "https://x.com/",
}
TAILS = ["", "/", "/p/C8xYz12/", "/reel/Ab1/", "/video/123", "/status/55", "?igsh=x"]


@st.composite
def _link(draw) -> str | None:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return None
    plat = draw(st.sampled_from(PLATFORMS))
    if kind == 1:  # a post link without a handle
        return HOSTS[plat].replace("@", "") + draw(
            st.sampled_from(["p/C8x/", "watch?v=a", "reel/B/"])
        )
    return (
        HOSTS[plat]
        + draw(st.sampled_from(HANDLES + ["P", "Lain.Akun"]))
        + draw(st.sampled_from(TAILS))
    )


_row = st.tuples(st.sampled_from(PLATFORMS), st.sampled_from(WRITTEN), _link())
_account = st.tuples(
    st.sampled_from(PLATFORMS), st.sampled_from(HANDLES), st.one_of(st.none(), st.integers(1, 4))
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_row, min_size=1, max_size=30), st.lists(_account, max_size=12))
def test_accounts_equal_reading_every_permalink(rows, accounts) -> None:
    posts = pl.DataFrame(
        {
            "platform": [r[0] for r in rows],
            "account_handle": [r[1] for r in rows],
            "permalink": [r[2] for r in rows],
            "source_row": list(range(len(rows))),
        },
        schema={"platform": pl.String, "account_handle": pl.String, "permalink": pl.String,
                "source_row": pl.Int64},
    )  # fmt: skip
    acc = pl.DataFrame(
        {
            "platform": [a[0] for a in accounts],
            "handle_norm": [a[1] for a in accounts],
            "account_id": list(range(1, len(accounts) + 1)),
            "acc_opd_id": [a[2] for a in accounts],
        },
        schema={"platform": pl.String, "handle_norm": pl.String, "account_id": pl.Int64,
                "acc_opd_id": pl.Int64},
    ).unique(subset=["platform", "handle_norm"], keep="first", maintain_order=True)  # fmt: skip
    small = links_module.SMALL
    try:
        for links_small in (small, 0):  # the scalar rules, then the column rules
            links_module.SMALL = links_small
            got = _with_accounts(posts, acc)
            want = _with_accounts_old(posts, acc)
            assert_frame_equal(got, want)  # same rows in the same order
    finally:
        links_module.SMALL = small


def test_a_written_handle_with_its_account_reads_no_permalink(monkeypatch) -> None:
    import etl.links

    def refuse(platforms, links):
        raise AssertionError(f"link handles read for {links.to_list()}")

    monkeypatch.setattr(etl.links, "link_handles", refuse)
    posts = pl.DataFrame(
        {
            "platform": ["instagram"] * 3,
            "account_handle": ["@DinKes.Kab"] * 3,
            "permalink": [f"https://www.instagram.com/p/C{i}/" for i in range(3)],
        }
    )
    acc = pl.DataFrame(
        {"platform": ["instagram"], "handle_norm": ["dinkes.kab"], "account_id": [7],
         "acc_opd_id": [2]}
    )  # fmt: skip
    out = _with_accounts(posts, acc)
    assert out["account_id"].to_list() == [7, 7, 7]
    assert out["handle_norm"].to_list() == ["dinkes.kab"] * 3


def test_a_written_account_without_opd_still_reads_the_permalink() -> None:
    # The written handle's account has no OPD: the account the link names gives it (as before).
    posts = pl.DataFrame(
        {
            "platform": ["instagram", "instagram"],
            "account_handle": ["@DinKes.Kab", "diskominfo"],
            "permalink": [
                "https://www.instagram.com/diskominfo/",
                "https://www.instagram.com/p/C1/",
            ],
        }
    )
    acc = pl.DataFrame(
        {"platform": ["instagram", "instagram"], "handle_norm": ["dinkes.kab", "diskominfo"],
         "account_id": [7, 8], "acc_opd_id": [None, 3]},
        schema={"platform": pl.String, "handle_norm": pl.String, "account_id": pl.Int64,
                "acc_opd_id": pl.Int64},
    )  # fmt: skip
    got = _with_accounts(posts, acc)
    assert_frame_equal(got, _with_accounts_old(posts, acc))
    assert got["account_id"].to_list() == [7, 8]
    assert got["acc_opd_id"].to_list() == [3, 3]
