"""Text normalization: the one way captions, names and header cells are compared.

normalize_text (scalar) and normalize_text_expr (a polars expression, one pass over a column)
give the same text; header_key is the key a header cell is matched on. Links and handles are
in etl.permalinks, platform and post-format values in etl.post_values, dates in
etl.date_text, counts in etl.number_text.
"""

from __future__ import annotations

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


def header_key(s: str | None) -> str:
    """Key a header cell is matched on: NFKC, lower, punctuation -> space, collapsed."""
    t = normalize_text(s) or ""
    t = re.sub(r"[^0-9a-z]+", " ", t)
    return t.strip()
