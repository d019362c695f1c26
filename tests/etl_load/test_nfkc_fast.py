"""NFKC only where it can change a value: etl.normalize.nfkc_series equals polars' NFKC over
every value, and the post keys and posts.caption_norm built with it equal the old ones (the
old expressions kept here)."""

from __future__ import annotations

import datetime as dt
import hashlib

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.keys import add_post_keys
from etl.normalize import caption_norm, nfkc_series

# ASCII, lookalikes NFKC folds (fullwidth, math bold, ligatures, superscripts), combining
# marks, emoji, invisible characters.
_ALPHABET = st.sampled_from(list("aB1 #\n\t.-") + list("ＡＢ１𝐁𝐨𝐥𝐝ﬁ²é́ñ🎉\u200b\u00a0ß"))
text_st = st.one_of(st.none(), st.text(_ALPHABET, max_size=12), st.text(max_size=8))


@settings(max_examples=300, deadline=None)
@given(values=st.lists(text_st, max_size=12))
def test_nfkc_series_equals_nfkc_of_every_value(values):
    s = pl.Series(values, dtype=pl.String)
    assert nfkc_series(s).equals(s.str.normalize("NFKC"))


def _sha1(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def _old_hashes(df: pl.DataFrame) -> pl.Series:
    """The content hash of the old add_post_keys: every caption normalized."""
    caption_nfkc = pl.col("caption").fill_null("").str.normalize("NFKC").str.strip_chars()
    hash_input = pl.concat_str(
        [
            pl.col("opd_id").cast(pl.String),
            pl.col("platform"),
            pl.col("published_at").dt.strftime("%Y-%m-%d %H:%M"),
            caption_nfkc,
        ],
        separator="|",
    )
    return (
        df.select(hash_input)
        .to_series()
        .map_elements(_sha1, return_dtype=pl.String, skip_nulls=True)
    )


row_st = st.tuples(
    st.one_of(st.none(), st.just(""), st.just(" 17901 "), st.just("17902")),  # native id
    st.one_of(st.none(), st.just("https://www.instagram.com/p/ABC1/")),  # permalink
    text_st,  # caption
    st.one_of(st.none(), st.integers(1, 3)),  # opd_id
    st.one_of(st.none(), st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31))),
)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(row_st, max_size=10))
def test_post_keys_equal_the_old_keys(rows):
    df = pl.DataFrame(
        rows,
        schema={
            "native_id": pl.String,
            "permalink": pl.String,
            "caption": pl.String,
            "opd_id": pl.Int64,
            "published_at": pl.Datetime("us"),
        },  # fmt: skip
        orient="row",
    ).with_columns(platform=pl.lit("instagram"))
    got = add_post_keys(df)
    native = pl.col("native_id").cast(pl.String).str.strip_chars()
    old = (
        got.with_columns(_h=_old_hashes(df))
        .select(
            pl.coalesce(
                pl.when(native.is_not_null() & (native != "")).then(
                    pl.col("platform") + pl.lit(":") + native
                ),
                "url_key",
                pl.col("platform") + pl.lit(":h:") + pl.col("_h"),
            )
        )
        .to_series()
    )
    assert got["post_key"].equals(old.alias("post_key"))


@settings(max_examples=200, deadline=None)
@given(captions=st.lists(text_st, max_size=10))
def test_caption_norm_equals_nfkc_lower_of_every_caption(captions):
    s = pl.Series(captions, dtype=pl.String)
    assert caption_norm(s).equals(s.str.normalize("NFKC").str.to_lowercase())
