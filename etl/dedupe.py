"""Duplicates inside one file: which row of a repeated post is kept, by a stated rule.

Inside one export there is no "newer export", so position decides nothing. Rule (what other
importers do, export-formats.md): keep the row with the most metric cells filled, then the
highest metric total (lifetime counts only grow; a row of placeholder `1`s is never the real
one), then the first row in the file. Every resolved duplicate is stated in the load report.
"""

from __future__ import annotations

import polars as pl

from etl.columns import METRICS


def resolve_in_file(df: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """One row per post_key (df: keyed posts with source_sheet, source_row, METRICS).

    Returns (kept rows in file order, one Bahasa Indonesia line per duplicate group).
    """
    if not df.get_column("post_key").is_duplicated().any():  # most files: nothing to rank
        return df, []
    ranked = df.with_row_index("_pos").with_columns(
        _filled=pl.sum_horizontal([pl.col(m).is_not_null().cast(pl.Int32) for m in METRICS]),
        _total=pl.sum_horizontal([pl.col(m).fill_null(0) for m in METRICS]),
    )
    counts = ranked.group_by("post_key").len()
    dup_keys = counts.filter(pl.col("len") > 1).get_column("post_key")
    best = ranked.sort(["_filled", "_total", "_pos"], descending=[True, True, False]).unique(
        subset="post_key", keep="first"
    )
    kept = best.sort("_pos")
    lines = []
    groups = (
        ranked.filter(pl.col("post_key").is_in(dup_keys.implode()))
        .join(kept.select("post_key", _win=pl.col("_pos")), on="post_key")
        .sort("_pos")
        .group_by("post_key", maintain_order=True)
        .agg("source_sheet", "source_row", "_pos", "_win")
    )
    for key, sheets, rows, pos, win in groups.iter_rows():
        where = [_row_label(s, r) for s, r in zip(sheets, rows, strict=True)]
        winner = where[pos.index(win[0])]
        others = [w for w, p in zip(where, pos, strict=True) if p != win[0]]
        lines.append(
            f"Duplikat dalam berkas: {', '.join(where)} adalah postingan yang sama ({key}); "
            f"dipakai {winner} (metrik paling lengkap, lalu paling tinggi), "
            f"{', '.join(others)} diabaikan."
        )
    return kept.drop("_pos", "_filled", "_total"), lines


def _row_label(sheet: str | None, row: int | None) -> str:
    return (f"lembar '{sheet}' " if sheet else "") + f"baris {row}"
