"""Tren: posts, active OPDs, kinerja share and engagement over time, the year-ago comparison,
engagement per OPD and the top posts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import polars as pl

from warehouse import periods
from warehouse.analyst_settings import Settings
from warehouse.queries.filters import Filters, Grain, TrendBy
from warehouse.queries.options import date_bounds
from warehouse.queries.run import (
    _activity_params,
    _grain,
    _limit,
    _run,
    _settings,
    is_sharing,
    keep,
    once,
)


def trend(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    grain: Grain = "month",
    by: TrendBy = "none",
    settings: Settings | None = None,
) -> pl.DataFrame:
    """Posts, active OPDs, kinerja share and engagement over time, optionally per group.

    Columns: period_start (date), group (platform / opd_kind / opd name, "semua" when by="none"),
    posts, opds_posting (OPDs with >= 1 post), active_opds (OPDs meeting the minimum scaled to
    the grain, activity_minimum in views/030_scope_and_activity.sql), kinerja_posts, kinerja_share, engagement,
    engagement_per_post.
    by="opd" over many OPDs x months can exceed Altair's 5,000 rows: pass opd_ids.
    """
    s = _settings(con, settings)
    if by not in ("none", "platform", "opd_kind", "opd"):
        raise ValueError(f"Pengelompokan tidak dikenal: {by!r}")
    params = {
        **f.params(),
        "grain": _grain(grain),
        "by": by,
        **_activity_params(s),
    }
    if by != "none" or not is_sharing():
        return _run(con, "q_trend", params)
    # Inside a store (a page's rerun): the trend and the year-ago one, which Tren draws beside
    # it (trend_comparison), in one statement (q_trends.sql: the macro stack planned once).
    ago = f.shifted(*periods.year_ago_period(f.start, f.end))
    out: pl.DataFrame = once(
        ("trend", f, grain, s), lambda: _with_year_ago(con, f, ago, grain, s, params)
    )
    return out


def _with_year_ago(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    ago: Filters,
    grain: Grain,
    s: Settings,
    params: dict[str, Any],
) -> pl.DataFrame:
    """trend(f) and trend(ago) (by "none") from one q_trends.sql statement; ago's rows are
    kept in the store for its own call. Each period's rows are q_trend.sql's for it alone."""
    both = _run(
        con,
        "q_trends",
        {
            **params,
            "starts": [f.start, ago.start],
            "ends_excl": [f.end + dt.timedelta(days=1), ago.end + dt.timedelta(days=1)],
        },
    )
    mine, theirs = (both.filter(pl.col("i") == i).drop("i") for i in (1, 2))
    keep(("trend", ago, grain, s), theirs)
    return mine


def trend_comparison(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    grain: Grain = "month",
    settings: Settings | None = None,
) -> pl.DataFrame:
    """The trend of the period next to the same period one year earlier, aligned by position.

    Columns: period_index (0..), period_start, posts, kinerja_share, engagement,
    year_ago_start, year_ago_posts, year_ago_kinerja_share, year_ago_engagement (year-ago values
    are null for periods before the first post in the warehouse: no data, not zero).
    """
    y_start, y_end = periods.year_ago_period(f.start, f.end)
    now = trend(con, f, grain, "none", settings)
    ago = trend(con, f.shifted(y_start, y_end), grain, "none", settings)
    return aligned_trends(now, ago, date_bounds(con)[0], grain)


def aligned_trends(
    now: pl.DataFrame, ago: pl.DataFrame, first: dt.date | None, grain: Grain
) -> pl.DataFrame:
    """trend_comparison from the two trend frames already at hand (the UI's cached ones):
    now = trend of the period, ago = trend of periods.year_ago_period, both by "none";
    first = the first post date (date_bounds). Same columns."""
    now = now.with_row_index("period_index").select(
        pl.col("period_index").cast(pl.Int64),
        "period_start",
        "posts",
        "kinerja_share",
        "engagement",
    )
    ago = ago.with_row_index("period_index").select(
        pl.col("period_index").cast(pl.Int64),
        pl.col("period_start").alias("year_ago_start"),
        pl.col("posts").alias("year_ago_posts"),
        pl.col("kinerja_share").alias("year_ago_kinerja_share"),
        pl.col("engagement").alias("year_ago_engagement"),
    )
    # A year-ago period before the first post in the warehouse has no data, not zero posts:
    # null, so the chart leaves a gap instead of drawing a fall to 0.
    if first is not None:
        covered = pl.col("year_ago_start") >= _period_floor(first, grain)
        ago = ago.with_columns(
            pl.when(covered).then(pl.col(c)).otherwise(None).alias(c)
            for c in ("year_ago_posts", "year_ago_kinerja_share", "year_ago_engagement")
        )
    return now.join(ago, on="period_index", how="left").sort("period_index")


def _period_floor(day: dt.date, grain: Grain) -> dt.date:
    """Start of the day, ISO week or month holding `day`."""
    if grain == "day":
        return day
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def engagement_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Engagement (reactions + comments + shares) per OPD.

    Columns: opd_id, opd, opd_kind, posts, engagement, engagement_per_post, posts_with_reach,
    reach, engagement_per_reach (engagement / reach over posts where reach is known; null when
    no reach). Sorted by engagement descending.
    """
    return _run(con, "q_engagement_by_opd", f.params())


# How many posts post_top_month keeps per OPD, platform and month: the macro top_posts_kept()
# (warehouse/sql/views/145_top_posts.sql), the longest list read from it (tested equal).
TOP_POSTS_KEPT = 10


def top_posts(con: duckdb.DuckDBPyConnection, f: Filters, n: int = 10) -> pl.DataFrame:
    """The n posts with the highest engagement (ties: the newer first, then by post_key).

    Columns: post_key, published_at, opd, platform, caption, content_type, reactions, comments,
    shares, engagement, reach, engagement_per_reach, permalink.
    A period of whole months and n <= TOP_POSTS_KEPT is read from the posts kept per OPD,
    platform and month (q_top_posts_months.sql: the same posts), any other from every post of
    the period (q_top_posts.sql).
    """
    params = {**f.params(), "limit": _limit(n)}
    if params["limit"] <= TOP_POSTS_KEPT and periods.is_whole_months(f.start, f.end):
        return _run(con, "q_top_posts_months", params)
    return _run(con, "q_top_posts", params)
