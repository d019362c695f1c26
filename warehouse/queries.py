"""One typed function per dashboard report query (issue #4).

Every function takes a DuckDB connection (the UI passes its cached handle; each query runs on its
own cursor via warehouse.db.query) and returns a polars DataFrame with English snake_case columns;
the UI translates labels. Results are aggregated in SQL to what a chart shows (Altair refuses more
than 5,000 rows). Values are bound as $parameters; a sort column comes from a whitelist.

Conventions shared by all functions:
- `Filters.start` and `Filters.end` are inclusive dates; an empty tuple means "all".
- Shares and rates are fractions 0..1 (format with reports.idfmt.format_percent); index scores
  are 0..100. Dates are `date`, timestamps naive WIB `datetime`.
- "Kinerja" = content_type in kegiatan, layanan, informasi, capaian, klarifikasi
  (warehouse.metrics.KINERJA_TYPES).
- Settings (activity threshold, index weights, grade thresholds) come from
  warehouse.metrics.get_settings(con) unless a `Settings` is passed explicitly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import duckdb
import polars as pl

from warehouse import metrics
from warehouse.db import query as run_named
from warehouse.db import run_sql
from warehouse.metrics import Settings

Grain = Literal["day", "week", "month"]
TrendBy = Literal["none", "platform", "opd_kind", "opd"]


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects. Hashable, so the UI can use it as a cache key."""

    start: dt.date
    end: dt.date
    platforms: tuple[str, ...] = ()
    opd_kinds: tuple[str, ...] = ()
    opd_ids: tuple[int, ...] = ()

    def params(self) -> dict[str, Any]:
        """The $parameters every q_*.sql file binds (end is exclusive in SQL: end + 1 day)."""
        return {
            "start": self.start,
            "end_excl": self.end + dt.timedelta(days=1),
            "platforms": list(self.platforms),
            "opd_kinds": list(self.opd_kinds),
            "opd_ids": [int(i) for i in self.opd_ids],
        }

    def shifted(self, start: dt.date, end: dt.date) -> Filters:
        """The same filters over another period (for comparisons)."""
        return Filters(start, end, self.platforms, self.opd_kinds, self.opd_ids)


def _settings(con: duckdb.DuckDBPyConnection, settings: Settings | None) -> Settings:
    return settings if settings is not None else metrics.get_settings(con)


# --------------------------------------------------------------------------- filter options


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """Cache key for the UI: the newest load id (0 when nothing is loaded)."""
    raise NotImplementedError


def filter_options(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """OPD list for the sidebar.

    Columns: opd_id, opd, opd_short, opd_kind, parent_opd_id, expected_to_post (bool),
    n_accounts. Sorted by opd_kind, opd.
    """
    raise NotImplementedError


def platforms(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Platforms that have an account or a post, sorted (facebook, instagram, ...)."""
    raise NotImplementedError


def opd_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    """OPD kinds present in the opd table, sorted."""
    raise NotImplementedError


def date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[dt.date | None, dt.date | None]:
    """(first, last) publication date in posts; (None, None) when empty."""
    raise NotImplementedError


# --------------------------------------------------------------------------- Ringkasan


def kpi_summary(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """KPI tiles with period comparison: one row per KPI key in metrics.KPIS.

    Columns: key, label (Indonesian, from metrics), format ("persen"/"angka"/"hari"),
    value, previous_value, change_previous (value - previous_value; for "persen" KPIs a
    difference in fraction points), year_ago_value, change_year_ago, previous_start,
    previous_end, year_ago_start, year_ago_end.
    Previous period = metrics.previous_period(start, end) (the month before for a calendar month,
    else the same number of days before); year ago = the same dates one year earlier.
    KPI keys: activity_rate, active_opds, expected_opds, posts, kinerja_share, ucapan_share,
    figure_share, engagement, engagement_per_post, opds_without_operator.
    """
    raise NotImplementedError


def activity_trend(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    by_kind: bool = False,
) -> pl.DataFrame:
    """Activity rate per calendar month (each month judged with the monthly minimum).

    Columns: month (date, first of month), opd_kind ("semua" when by_kind is False),
    active_opds, expected_opds, activity_rate (0..1; null when expected_opds = 0), posts.
    """
    raise NotImplementedError


def activity_by_kind(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """Activity rate over the whole period, per OPD kind.

    Columns: opd_kind, expected_opds, active_opds, activity_rate (0..1), required_posts
    (minimum posts on one account in this period, see metrics.required_posts).
    """
    raise NotImplementedError


def content_mix(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Content mix over the period.

    Columns: content_type ("belum_dilabeli" when unlabelled), is_kinerja (bool), posts,
    share (0..1 of all posts). Sorted by posts descending.
    """
    raise NotImplementedError


def top_bottom_opds(
    con: duckdb.DuckDBPyConnection, f: Filters, n: int = 5, settings: Settings | None = None
) -> pl.DataFrame:
    """The n best and n worst OPDs by Indeks Medsos (expected-to-post OPDs only).

    Columns: position ("atas" / "bawah"), rank, opd_id, opd, opd_kind, index_score, grade, posts.
    """
    raise NotImplementedError


# --------------------------------------------------------------------------- Keaktifan OPD


def opd_index(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    expected_only: bool = True,
) -> pl.DataFrame:
    """Indeks Medsos OPD (0..100) with every component, sorted by rank.

    Columns: rank, opd_id, opd, opd_short, opd_kind, expected_to_post, posts,
    max_account_posts (posts on the busiest account), required_posts, is_active (bool),
    target_posts, weeks_with_post, weeks_in_period, kinerja_posts, kinerja_share,
    platforms_posted, platforms_total, engagement, engagement_per_post,
    score_frequency, score_consistency, score_kinerja, score_platform, score_engagement
    (each 0..100), w_frequency, w_consistency, w_kinerja, w_platform, w_engagement (weights as
    set), index_score (0..100, weighted mean of scores), grade (Sangat Baik/Baik/Cukup/Kurang).
    How each score is made: metrics.INDEX_COMPONENTS.
    """
    raise NotImplementedError


def opd_month_heatmap(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """OPD x month grid (every OPD and month of the period, zero-filled).

    Columns: opd_id, opd, opd_short, opd_kind, month (date), posts, max_account_posts,
    required_posts (monthly minimum), is_active (bool).
    400 OPDs x 12 months = 4,800 rows: narrow the filters for longer periods.
    """
    raise NotImplementedError


def inactive_opds(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """Expected-to-post OPDs that are NOT active in the period, with the reason.

    Columns: opd_id, opd, opd_kind, reason_code, reason (Indonesian, main reason),
    all_reasons (Indonesian, "; "-joined), n_accounts, has_operator (bool),
    operator_trained (bool or null = unknown), posts, max_account_posts, required_posts,
    last_post_at (timestamp or null), days_since_last_post (int or null = never).
    reason_code in order of priority: no_account, no_operator, untrained_operator, dormant
    (no post for at least settings.dormant_days before as_of), below_minimum.
    as_of defaults to min(f.end, today).
    """
    raise NotImplementedError


def account_dormancy(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """Every account (including accounts with no post ever), days since its last post.

    Columns: account_id, opd_id, opd, opd_kind, platform, handle, url, posts_in_period,
    last_post_at (null = never), days_since_last_post (null = never), status
    ("aktif" / "dorman" / "belum_pernah"). Sorted by days_since_last_post descending, nulls first.
    Only posts published before as_of + 1 day count (as_of defaults to min(f.end, today)).
    """
    raise NotImplementedError


def opd_daily_counts(con: duckdb.DuckDBPyConnection, f: Filters, opd_id: int) -> pl.DataFrame:
    """Daily posts of one OPD for a calendar heatmap (every day of the period, zero-filled).

    Columns: day (date), weekday (0 = Senin .. 6 = Minggu), week_start (date, Monday),
    posts, kinerja_posts.
    """
    raise NotImplementedError


# --------------------------------------------------------------------------- Jenis Konten

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
    raise NotImplementedError


def content_mix_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Long format for a stacked bar per OPD.

    Columns: opd_id, opd, opd_short, opd_kind, content_type, posts, share (within the OPD).
    """
    raise NotImplementedError


def content_mix_over_time(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> pl.DataFrame:
    """Columns: period_start (date), content_type, posts, share (within the period)."""
    raise NotImplementedError


def figure_share_trend(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> pl.DataFrame:
    """Columns: period_start, posts, figure_posts, figure_share, ucapan_share, kinerja_share."""
    raise NotImplementedError


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
    """
    raise NotImplementedError


# --------------------------------------------------------------------------- Tren


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
    the grain, metrics.grain_required_posts), kinerja_posts, kinerja_share, engagement,
    engagement_per_post.
    by="opd" over many OPDs x months can exceed Altair's 5,000 rows: pass opd_ids.
    """
    raise NotImplementedError


def trend_comparison(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    grain: Grain = "month",
    settings: Settings | None = None,
) -> pl.DataFrame:
    """The trend of the period next to the same period one year earlier, aligned by position.

    Columns: period_index (0..), period_start, posts, kinerja_share, engagement,
    year_ago_start, year_ago_posts, year_ago_kinerja_share, year_ago_engagement.
    """
    raise NotImplementedError


def engagement_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Engagement (reactions + comments + shares) per OPD.

    Columns: opd_id, opd, opd_kind, posts, engagement, engagement_per_post, posts_with_reach,
    reach, engagement_per_reach (engagement / reach over posts where reach is known; null when
    no reach). Sorted by engagement descending.
    """
    raise NotImplementedError


def top_posts(con: duckdb.DuckDBPyConnection, f: Filters, n: int = 10) -> pl.DataFrame:
    """The n posts with the highest engagement.

    Columns: post_key, published_at, opd, platform, caption, content_type, reactions, comments,
    shares, engagement, reach, engagement_per_reach, permalink.
    """
    raise NotImplementedError


# --------------------------------------------------------------------------- Kampanye


def campaigns(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Columns: campaign_id, name, description, start_date, end_date, hashtags, keywords,
    posts, opds_participating."""
    raise NotImplementedError


def campaign_participation(
    con: duckdb.DuckDBPyConnection, f: Filters, campaign_id: int
) -> pl.DataFrame:
    """Every expected-to-post OPD (filters applied) and its posts for one campaign.

    Columns: opd_id, opd, opd_kind, campaign_posts, first_post_at, last_post_at,
    participated (bool). Non-participants first, then by campaign_posts descending.
    """
    raise NotImplementedError


def campaign_summary(con: duckdb.DuckDBPyConnection, f: Filters, campaign_id: int) -> pl.DataFrame:
    """Participation rate per OPD kind.

    Columns: opd_kind, expected_opds, participating_opds, participation_rate, campaign_posts.
    """
    raise NotImplementedError


# --------------------------------------------------------------------------- Unggah Data


def load_history(con: duckdb.DuckDBPyConnection, limit: int = 200) -> pl.DataFrame:
    """Newest loads first.

    Columns: load_id, loaded_at, file_name, format, platform, opd, period_start, period_end,
    rows_read, n_new, n_updated, n_duplicate, n_rejected, status, loaded_by, message.
    """
    raise NotImplementedError


# --------------------------------------------------------------------------- drill-down

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
    raise NotImplementedError


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
    raise NotImplementedError


__all__ = [
    "Filters",
    "run_named",
    "run_sql",
]
