"""Counts as exports write them -> numbers: "1.234", "1,2 rb", "3 jt", "1.5K". Vectorized
polars expressions, no Python loop per row (performance-facts.md).
"""

from __future__ import annotations

import polars as pl

_SUFFIX = {"k": 1e3, "rb": 1e3, "ribu": 1e3, "m": 1e6, "jt": 1e6, "juta": 1e6, "b": 1e9}
# A whole count written with one kind of thousands mark ("7,815", "1.234.567"): the full rules
# below read it as the digits without the marks (each mark is followed by exactly three digits
# and there is no suffix). Checked on the stripped text; ASCII digits only.
GROUPED = r"^[0-9]{1,3}(?:,[0-9]{3})+$|^[0-9]{1,3}(?:\.[0-9]{3})+$"


def parse_number_series(s: pl.Series) -> pl.Series:
    """Series version of parse_number_expr, in materialized stages (see parse_datetime_series)."""
    s = s.cast(pl.String)
    # Fast path: exports mostly hold plain digits.
    if bool(s.str.contains(r"^\s*\d{1,15}\s*$").fill_null(True).all()):
        return s.str.strip_chars().cast(pl.Float64, strict=False)
    # Next most common (Meta's English UI): counts with thousands marks, beside plain ones.
    t = s.str.strip_chars()
    if bool((t.str.contains(r"^[0-9]{1,15}$") | t.str.contains(GROUPED)).fill_null(True).all()):
        return t.str.replace_all(r"[.,]", "").cast(pl.Float64, strict=False)
    return parse_number_rules(s)


def parse_number_rules(s: pl.Series) -> pl.Series:
    """parse_number_series without its fast paths: the rules of parse_number_expr, for every
    value (a String Series). The fast paths equal it (tests/etl_formats/test_fast_paths.py)."""
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


def _whole(v: pl.Expr) -> pl.Expr:
    return pl.when(v.is_finite() & (v >= 0) & (v < 9e18)).then(v.round(0)).cast(pl.Int64)


def parse_count_series(s: pl.Series) -> pl.Series:
    """parse_count_expr of a Series (same values, Int64), without a Python call from inside a
    polars expression: on a 50-row export that call cost about 0.6 ms a column, the parse
    itself 0.1 ms."""
    v = parse_number_series(s)
    return v.to_frame("v").select(_whole(pl.col("v"))).to_series().alias(s.name)


def parse_count_expr(expr: pl.Expr) -> pl.Expr:
    """Whole count (Int64) via parse_number_expr; negative or non-finite -> null."""
    return _whole(parse_number_expr(expr))
