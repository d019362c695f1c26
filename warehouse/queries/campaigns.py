"""Kampanye: the campaigns and each OPD's participation."""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse.queries.filters import Filters
from warehouse.queries.run import _run


def campaigns(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Columns: campaign_id, name, description, start_date, end_date, hashtags, keywords,
    posts, opds_participating."""
    return _run(con, "q_campaigns", {})


def campaign_participation(
    con: duckdb.DuckDBPyConnection, f: Filters, campaign_id: int
) -> pl.DataFrame:
    """Every expected-to-post OPD (filters applied) and its posts for one campaign.

    Columns: opd_id, opd, opd_kind, campaign_posts, first_post_at, last_post_at,
    participated (bool). Non-participants first, then by campaign_posts descending.
    """
    return _run(con, "q_campaign_participation", {**f.params(), "campaign_id": int(campaign_id)})


def campaign_summary(con: duckdb.DuckDBPyConnection, f: Filters, campaign_id: int) -> pl.DataFrame:
    """Participation rate per OPD kind.

    Columns: opd_kind, expected_opds, participating_opds, participation_rate, campaign_posts.
    """
    return _run(con, "q_campaign_summary", {**f.params(), "campaign_id": int(campaign_id)})
