"""The posts behind a number: a capped, sortable list and its full count."""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl

from warehouse.queries.filters import Filters
from warehouse.queries.run import _limit, _run


def _drill_params(
    f: Filters,
    content_types: tuple[str, ...],
    kinerja_only: bool,
    figure_centric: bool | None,
    campaign_id: int | None,
    search: str | None,
) -> dict[str, Any]:
    return {
        **f.params(),
        "content_types": list(content_types),
        "kinerja_only": bool(kinerja_only),
        "figure_centric": figure_centric,
        "campaign_id": None if campaign_id is None else int(campaign_id),
        "search": search or None,
    }


DRILL_SORTS = ("published_at", "engagement", "opd", "platform", "content_type", "reach")


def drilldown_posts(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    *,
    content_types: tuple[str, ...] = (),
    kinerja_only: bool = False,
    figure_centric: bool | None = None,
    campaign_id: int | None = None,
    search: str | None = None,
    sort_by: str = "published_at",
    descending: bool = True,
    limit: int = 500,
) -> pl.DataFrame:
    """The posts behind a number, at most `limit` rows (limit capped at 5,000).

    Columns: post_key, published_at, opd_id, opd, opd_kind, platform, account_handle, caption,
    post_format, content_type, content_source, content_reason, is_figure_centric, figure_reason,
    reactions, comments, shares, engagement, reach, permalink.
    search: case-insensitive substring of the caption (bound as a parameter).
    sort_by must be one of DRILL_SORTS.
    """
    if sort_by not in DRILL_SORTS:
        raise ValueError(f"Kolom urutan tidak dikenal: {sort_by!r}")
    params = {
        **_drill_params(f, content_types, kinerja_only, figure_centric, campaign_id, search),
        "sort_by": sort_by,
        "descending": descending,
        "limit": _limit(limit),
    }
    return _run(con, "q_drilldown_posts", params)


def drilldown_count(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    *,
    content_types: tuple[str, ...] = (),
    kinerja_only: bool = False,
    figure_centric: bool | None = None,
    campaign_id: int | None = None,
    search: str | None = None,
) -> int:
    """How many posts drilldown_posts would return without the limit."""
    params = _drill_params(f, content_types, kinerja_only, figure_centric, campaign_id, search)
    return int(_run(con, "q_drilldown_count", params)["n"][0])
