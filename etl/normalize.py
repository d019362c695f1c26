"""Text normalization: the one way captions, names and header cells are compared.

normalize_text (scalar) and normalize_text_expr (a polars expression, one pass over a column)
give the same text; header_key is the key a header cell is matched on. Links and handles are
in etl.permalinks, platform and post-format values in etl.post_values, dates in
etl.date_text, counts in etl.number_text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import polars as pl

_WS = re.compile(r"\s+")


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


def nfkc_series(s: pl.Series) -> pl.Series:
    """s.str.normalize("NFKC"), value for value (String, nulls kept), normalizing only the
    values holding a non-ASCII character: NFKC leaves ASCII text as it is, and the pass costs
    about 7 us a caption (0.7 CPU-s per 100,000), most of a load's captions being ASCII."""
    s = s.cast(pl.String)
    wide = (s.str.len_bytes() != s.str.len_chars()).fill_null(False)
    if not wide.any():
        return s
    if wide.all():
        return s.str.normalize("NFKC")
    idx = wide.arg_true()
    return s.scatter(idx, s.gather(idx).str.normalize("NFKC"))


def caption_norm(captions: pl.Series) -> pl.Series:
    """posts.caption_norm of raw captions (String, nulls kept): NFKC, lower case (DuckDB has
    only NFC)."""
    return nfkc_series(captions).str.to_lowercase()


_NOT_KEY = re.compile(r"[^0-9a-z]+")


def header_key(s: str | None) -> str:
    """Key a header cell is matched on: NFKC, lower, punctuation -> space, collapsed."""
    # Detection keys every cell of the top rows once per candidate format, and a parse worker
    # reads file after file with the same headers: a short text's key is computed once (a
    # long cell is not kept: a hostile file's megabyte cells would stay in the worker).
    if isinstance(s, str) and len(s) <= 120:
        return _short_key(s)
    return _key(s)


@functools.lru_cache(maxsize=1 << 14)
def _short_key(s: str) -> str:
    return _key(s)


def _key(s: str | None) -> str:
    t = normalize_text(s) or ""
    return _NOT_KEY.sub(" ", t).strip()
