"""Jenis Konten: the content mix and the post-format mix (overall, per OPD, over time), shares
per OPD, example posts with their reasons, and the OPDs' logbook labels against the labels in use."""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl

from warehouse import periods
from warehouse.queries import run as runner
from warehouse.queries.filters import Filters, Grain
from warehouse.queries.run import _grain, _limit, _plain_numbers, _run, once

FIGURES = (
    "share_by_opd", "mix_by_opd", "mix_over_time", "figure_trend", "format_by_opd",
    "format_over_time",
)  # fmt: skip


def content_figures(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> dict[str, pl.DataFrame]:
    """Jenis Konten's six count figures of f, read in one statement (q_content_figures.sql: the
    count macros planned once, not once per figure), as {name: frame} for the names in FIGURES;
    the frames are those the functions below return (columns, types, order). Computed once per
    (f, grain) inside a sharing block (warehouse.queries.run.once): a page's six calls pay for one
    statement. Raises ValueError on an unknown grain."""
    params = {**f.params(), "grain": _grain(grain)}
    return once(("content_figures", f, grain), lambda: _figures(con, params))  # type: ignore[no-any-return]


def _figures(con: duckdb.DuckDBPyConnection, params: dict[str, Any]) -> dict[str, pl.DataFrame]:
    row = runner._fetch_arrow(con, "q_content_figures", params)
    out = {}
    for name in FIGURES:
        # One row; the figure's rows are the list's structs (an empty list or NULL: no rows).
        structs = row.column(name).combine_chunks().flatten()
        series = pl.from_arrow(structs, rechunk=False)
        assert isinstance(series, pl.Series)
        out[name] = _plain_numbers(series.struct.unnest())
    return out


def content_mix(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Content mix over the period.

    Columns: content_type ("belum_dilabeli" when unlabelled), is_kinerja (bool), posts,
    share (0..1 of all posts). Sorted by posts descending. A period of whole calendar months
    reads only the months kept per OPD (q_content_mix_months.sql: the rows content_counts
    reads then, without binding the posts' views); any other period q_content_mix.sql.
    """
    name = "q_content_mix_months" if periods.is_whole_months(f.start, f.end) else "q_content_mix"
    return _run(con, name, f.params())


SHARE_SORTS = ("ucapan_share", "kinerja_share", "figure_share", "posts", "opd")


def content_share_by_opd(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    sort_by: str = "ucapan_share",
    descending: bool = True,
) -> pl.DataFrame:
    """Per OPD (with at least one post): ucapan / kinerja / figure-centric shares.

    Columns: opd_id, opd, opd_short, opd_kind, posts, ucapan_posts, ucapan_share,
    kinerja_posts, kinerja_share, figure_posts, figure_share.
    sort_by must be one of SHARE_SORTS (ValueError otherwise).
    """
    if sort_by not in SHARE_SORTS:
        raise ValueError(f"Kolom urutan tidak dikenal: {sort_by!r}")
    df = content_figures(con, f)["share_by_opd"]
    return df.sort([sort_by, "opd"], descending=[descending, False], nulls_last=True)


def content_mix_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Long format for a stacked bar per OPD.

    Columns: opd_id, opd, opd_short, opd_kind, content_type, posts, share (within the OPD).
    """
    return content_figures(con, f)["mix_by_opd"]


def content_mix_over_time(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> pl.DataFrame:
    """Columns: period_start (date), content_type, posts, share (within the period)."""
    return content_figures(con, f, grain)["mix_over_time"]


def figure_share_trend(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> pl.DataFrame:
    """Columns: period_start, posts, figure_posts, figure_share, ucapan_share, kinerja_share."""
    return content_figures(con, f, grain)["figure_trend"]


def example_posts(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    content_type: str | None = None,
    figure_centric: bool | None = None,
    limit: int = 20,
) -> pl.DataFrame:
    """Example posts for a label with the reason the label was given (newest first).

    Columns: post_key, published_at, opd, platform, caption, content_type, content_source,
    content_reason, is_figure_centric, figure_reason, engagement, permalink.
    Read from the day the per-month newest posts say the `limit` newest are all published
    (q_example_posts_bound.sql), not from the period's first day: the same posts, fewer read.
    """
    params = {
        **f.params(),
        "content_type": content_type,
        "figure_centric": figure_centric,
        "limit": _limit(limit),
    }
    if params["limit"] > 0:
        newest_from = _run(con, "q_example_posts_bound", params)["newest_from"][0]
        if newest_from is not None and newest_from > params["start"]:
            params["start"] = newest_from
    return _run(con, "q_example_posts", params)


def label_agreement(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Per OPD: the OPD's own logbook label against the label in use.

    Columns: opd_id, opd, labelled_posts, agreeing_posts, disagreeing_posts, agreement_share.
    Only OPDs with logbook labels in the period; lowest agreement first.
    """
    return _run(con, "q_label_agreement", f.params())


def label_disagreements(
    con: duckdb.DuckDBPyConnection, f: Filters, limit: int = 200
) -> pl.DataFrame:
    """Posts whose logbook label differs from the label in use, newest first.

    Columns: post_key, published_at, opd, platform, caption, logbook_label,
    logbook_content_type, content_type, content_source, content_reason, permalink.
    """
    return _run(con, "q_label_disagreements", {**f.params(), "limit": _limit(limit)})


def format_mix_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Posts per OPD and post format over the period (OPDs with a post only).

    Columns: opd_id, opd, opd_short, opd_kind, post_format (foto, video, reels, carousel, teks,
    tautan, live, story, or "tidak_tercatat" when the source did not say), posts, from_logbook
    (of them, loaded from OPD logbooks), share (0..1
    of the OPD's posts), opd_posts (the OPD's posts in the period). Sorted by opd_posts
    descending, then OPD. Format codes: etl.schema.POST_FORMATS.
    """
    return content_figures(con, f)["format_by_opd"]


def format_mix_over_time(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> pl.DataFrame:
    """Posts per period bucket and post format.

    Columns: period_start (date: first day of the day/week/month), post_format (as in
    format_mix_by_opd), posts, from_logbook (of them, from logbooks), share (0..1 of the
    bucket's posts).
    """
    return content_figures(con, f, grain)["format_over_time"]
