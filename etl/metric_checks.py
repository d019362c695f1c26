"""Metric cells that are not a count: a row holding one is a reject with its reason, never a
silently emptied or rounded value (-5, NaN, inf, 1.5, text).

A count is a whole number >= 0, written plainly or with thousands separators, or abbreviated
with a K/M/rb/jt suffix (TikTok's 1.2K, rounded by the platform itself). An empty cell and the
dash offices write for "none" stay empty (unknown), not zero.
"""

from __future__ import annotations

import polars as pl

from etl.columns import METRICS
from etl.number_text import GROUPED, parse_number_series
from etl.schema import REJECT_SCHEMA

_EMPTY = r"(?i)^\s*(?:-+|–|—|n/?a|null|none|\.)?\s*$"
_SCALED = r"(?i)\d\s*(?:k|rb|ribu|m|jt|juta|b|%)\s*$"


def metric_problems(raw: pl.DataFrame, headers: dict[str, str], sheet: str | None) -> pl.DataFrame:
    """REJECT_SCHEMA rows (one per source row, first bad metric) for raw's metric columns;
    raw holds String columns per field and __row."""
    out = []
    for m in METRICS:
        if m not in raw.columns:
            continue
        text = raw.get_column(m).cast(pl.String).str.strip_chars()
        # Plain counts, counts with thousands marks and empty cells give no reason below: a
        # column of only those (most exports) needs no number parsing.
        plain = (
            text.str.contains(r"^\d{1,15}$")
            | text.str.contains(GROUPED)
            | text.str.contains(_EMPTY)
        )
        if bool(plain.fill_null(True).all()):
            continue
        value = parse_number_series(text)
        frame = pl.DataFrame({"__row": raw["__row"], "t": text, "v": value})
        empty = pl.col("t").is_null() | pl.col("t").str.contains(_EMPTY)
        scaled = pl.col("t").str.contains(_SCALED)
        v = pl.col("v")
        reason = (
            pl.when(empty)
            .then(None)
            .when(v.is_null() | ~v.is_finite())
            .then(pl.lit("bukan angka"))
            .when(v < 0)
            .then(pl.lit("angka negatif"))
            .when(~scaled & (v != v.round(0)))
            .then(pl.lit("angka pecahan, padahal jumlah selalu bilangan bulat"))
        )
        bad = frame.with_columns(reason.alias("r")).filter(pl.col("r").is_not_null())
        if bad.height:
            out.append(
                bad.select(
                    pl.lit(sheet, pl.String).alias("sheet"),
                    pl.col("__row").cast(pl.Int64).alias("row_number"),
                    pl.lit(headers.get(m, m)).alias("column_name"),
                    pl.col("t").alias("value"),
                    pl.format("Nilai metrik tidak sah ({}): '{}'", pl.col("r"), pl.col("t")).alias(
                        "reason"
                    ),
                )
            )
    if not out:
        return pl.DataFrame(schema=REJECT_SCHEMA)
    return (
        pl.concat(out)
        .cast(REJECT_SCHEMA)  # type: ignore[arg-type]
        .unique(subset="row_number", keep="first", maintain_order=True)
    )
