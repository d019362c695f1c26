"""prepare's early returns (a file without in-file duplicates, a file whose every row has a
date and a known platform) give what the full steps give: the old code is kept here."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.columns import METRICS
from etl.dedupe import _row_label, resolve_in_file
from etl.prepare import _invalid_rows
from etl.schema import PLATFORMS, REJECT_SCHEMA
from tests.factory import posts_frame


def old_resolve_in_file(df: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    ranked = df.with_row_index("_pos").with_columns(
        _filled=pl.sum_horizontal([pl.col(m).is_not_null().cast(pl.Int32) for m in METRICS]),
        _total=pl.sum_horizontal([pl.col(m).fill_null(0) for m in METRICS]),
    )
    counts = ranked.group_by("post_key").len()
    dup_keys = counts.filter(pl.col("len") > 1).get_column("post_key")
    if dup_keys.len() == 0:
        return df, []
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


def old_invalid_rows(df: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    no_date = pl.col("published_at").is_null()
    bad_platform = pl.col("platform").is_null() | ~pl.col("platform").is_in(list(PLATFORMS))
    bad = df.filter(no_date | bad_platform)
    rej = bad.select(
        sheet=pl.col("source_sheet"),
        row_number=pl.col("source_row"),
        column_name=pl.when(no_date).then(pl.lit("Tanggal")).otherwise(pl.lit("Platform")),
        value=pl.when(no_date).then(pl.lit(None, pl.String)).otherwise(pl.col("platform")),
        reason=pl.when(no_date)
        .then(pl.lit("Tanggal unggah kosong atau tidak terbaca"))
        .otherwise(pl.lit("Platform tidak dikenal")),
    )
    return df.filter(~(no_date | bad_platform)), rej


_rows = st.lists(
    st.fixed_dictionaries(
        {
            "post_key": st.sampled_from(["instagram:1", "instagram:2", "facebook:3", "x:4"]),
            "platform": st.sampled_from(["instagram", "facebook", "myspace", None]),
            "day": st.one_of(st.none(), st.integers(1, 28)),
            "views": st.one_of(st.none(), st.integers(0, 50)),
            "reach": st.one_of(st.none(), st.integers(0, 50)),
            "source_sheet": st.sampled_from([None, "Oktober"]),
        }
    ),
    max_size=8,
)


def _frame(rows: list[dict]) -> pl.DataFrame:
    posts = posts_frame(
        [
            {
                "platform": r["platform"],
                "published_at": None if r["day"] is None else dt.datetime(2026, 10, r["day"]),
                "views": r["views"],
                "reach": r["reach"],
                "source_sheet": r["source_sheet"],
            }
            for r in rows
        ]
    )
    return posts.with_columns(post_key=pl.Series([r["post_key"] for r in rows], dtype=pl.String))


@settings(max_examples=150, deadline=None)
@given(rows=_rows)
def test_in_file_duplicates_equal_the_full_ranking(rows):
    df = _frame(rows)
    kept, lines = resolve_in_file(df)
    old_kept, old_lines = old_resolve_in_file(df)
    assert kept.equals(old_kept) and kept.columns == old_kept.columns
    assert lines == old_lines


@settings(max_examples=150, deadline=None)
@given(rows=_rows)
def test_rows_the_loader_cannot_store_equal_the_full_split(rows):
    df = _frame(rows)
    good, rej = _invalid_rows(df)
    old_good, old_rej = old_invalid_rows(df)
    assert good.equals(old_good)
    schema = pl.Schema(REJECT_SCHEMA)  # what prepare makes of it
    assert rej.cast(schema).equals(old_rej.cast(schema))
