"""Keaktifan OPD: the activity rate, the Indeks Medsos, the OPD x month heatmap, the not-active
OPDs with their reasons, account dormancy, one OPD's calendar and the kecamatan roll-up."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl

from warehouse import vocabulary
from warehouse.analyst_settings import Settings
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import (
    JUDGED_MONTHS,
    calendar_months,
    judged_tables,
    month_judgement,
)
from warehouse.queries.run import (
    _activity_params,
    _as_of,
    _run,
    _settings,
    inactive_params,
    index_params,
)


def activity_trend(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    by_kind: bool = False,
) -> pl.DataFrame:
    """Activity rate per calendar month (each month judged with the monthly minimum; a month
    the chosen period or the data end cuts with its share of it: bucket_minimum).

    Columns: month (date, first of month), opd_kind ("semua" when by_kind is False),
    active_opds, expected_opds, judged_opds (expected OPDs active or with all their data for
    the month received), no_data_opds (the others: not judged), activity_rate (active /
    judged, 0..1; null when no OPD's data for the month arrived), posts. The months are
    judged once per rerun and shared with the month grid (judgement.month_judgement).
    """
    s = _settings(con, settings)
    params = {
        **f.params(),
        **_activity_params(s),
        "by_kind": by_kind,
        "judged_months": JUDGED_MONTHS,
    }
    return _run(con, "q_activity_trend", params, {JUDGED_MONTHS: month_judgement(con, f, s)})


def activity_by_kind(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """Activity rate over the whole period, per OPD kind.

    Columns: opd_kind, expected_opds, judged_opds, active_opds, activity_rate (active /
    judged, 0..1; null when no OPD of the kind has its data), required_posts
    (minimum posts on one account in this period, activity_minimum in
    views/030_scope_and_activity.sql).
    """
    s = _settings(con, settings)
    names, tables = judged_tables(con, f, s)
    return _run(con, "q_activity_by_kind", {**f.params(), **_activity_params(s), **names}, tables)


def opd_index(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    expected_only: bool = True,
) -> pl.DataFrame:
    """Indeks Medsos OPD (0..100) with every component, sorted by rank.

    Columns: rank, opd_id, opd, opd_short, opd_kind, expected_to_post, posts,
    max_account_posts (posts on the busiest account), counted_posts (what the
    activity rule compared, Settings.activity_rule), required_posts, is_active (bool),
    activity_status (active | inactive | no_data), data_complete (bool: every account's data for
    the period arrived), data_state (complete | partial | missing), judgement (active |
    inactive | partly_received | not_received: what a list says of it, opd_judgement),
    target_posts, weeks_with_post, weeks_in_period, kinerja_posts,
    kinerja_share, platforms_posted, platforms_total, engagement, engagement_per_post,
    interaction_posts (posts whose export carries interaction counts; 0 = no engagement score),
    score_frequency, score_consistency, score_kinerja, score_platform, score_engagement
    (each 0..100), w_frequency, w_consistency, w_kinerja, w_platform, w_engagement (weights as
    set), index_score (0..100, weighted mean of scores; null for no_data: no index without
    data), grade (Sangat Baik/Baik/Cukup/Kurang; null for no_data), activity_rule (the
    setting in force: 'account' | 'opd_total'). rank null for no_data. How each score is
    made: metrics.INDEX_COMPONENTS.
    """
    s = _settings(con, settings)
    names, tables = judged_tables(con, f, s)
    params = {**index_params(f, s, expected_only=expected_only), **names}
    # Whole calendar months: the same index read from the tables kept per month.
    name = "q_opd_index_months" if calendar_months(f.start, f.end) else "q_opd_index"
    df = _run(con, name, params, tables)
    return df.with_columns(pl.lit(s.activity_rule, dtype=pl.String).alias("activity_rule"))


def opd_month_heatmap(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """OPD x month grid (every OPD and month of the period, zero-filled).

    Columns: opd_id, opd, opd_short, opd_kind, month (date), posts, max_account_posts, counted_posts,
    required_posts (monthly minimum; its share of the month's days in a month the chosen
    period or the data end cuts: bucket_minimum), is_active (bool),
    activity_status (active | inactive | no_data), no_data (bool: the month's data has not all
    arrived and the OPD is not active: not judged), data_state (complete | partial | missing),
    partial_data (bool: not judged and part of the month's data arrived), judged_through (date:
    the period's last day judged, the data end when it cuts). Months after the data end are
    not listed. 400 OPDs x 12 months =
    4,800 rows: narrow the filters for longer periods.
    """
    s = _settings(con, settings)
    # The months' judgement, judged with the period's (judgement.month_judgement).
    params = {**f.params(), **_activity_params(s), "judged_months": JUDGED_MONTHS}
    return _run(con, "q_opd_month_heatmap", params, {JUDGED_MONTHS: month_judgement(con, f, s)})


def inactive_opds(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """Expected-to-post OPDs that are NOT active in the period, with the reason.

    Columns: opd_id, opd, opd_kind, reason_code, reason (Indonesian, main reason),
    all_reasons (Indonesian, "; "-joined), n_accounts, has_operator (bool),
    operator_trained (bool or null = unknown), posts, max_account_posts, counted_posts (what
    the activity rule compared: max_account_posts or posts, by activity_rule), required_posts,
    activity_rule (the setting in force: 'account' | 'opd_total'),
    last_post_at (timestamp or null), days_since_last_post (int or null = never),
    busiest_platform, busiest_account (the account with most posts in the period, null when
    none posted; the activity rule judges this one), busiest_posts (= max_account_posts),
    tied_accounts (accounts sharing that count), n_accounts_posting, dormant_days (setting).
    reason_code in order of priority: not_submitted / not_received (not active and some
    account's data for the period has not arrived: not judged; not_submitted once today is past
    the last month's collection deadline), no_account (none on any platform) or
    no_account_platform (none on the chosen platforms, some elsewhere), no_operator,
    untrained_operator, dormant (an account in scope and no post for at least
    settings.dormant_days before as_of), below_minimum.
    as_of defaults to min(f.end, today).
    """
    s = _settings(con, settings)
    names, tables = judged_tables(con, f, s, _as_of(f, as_of))
    # One statement: the list with each listed OPD's busiest account (q_inactive_opds.sql).
    df = _run(con, "q_inactive_opds", {**inactive_params(f, s, as_of), **names}, tables)
    texts = vocabulary.INACTIVE_REASONS
    return df.select(
        "opd_id",
        "opd",
        "opd_kind",
        pl.col("reason_codes").list.first().alias("reason_code"),
        pl.col("reason_codes").list.first().replace_strict(texts).alias("reason"),
        pl.col("reason_codes")
        .list.eval(pl.element().replace_strict(texts))
        .list.join("; ")
        .alias("all_reasons"),
        "n_accounts",
        "has_operator",
        "operator_trained",
        "posts",
        "max_account_posts",
        "counted_posts",
        "required_posts",
        pl.lit(s.activity_rule, dtype=pl.String).alias("activity_rule"),
        "last_post_at",
        pl.col("days_since_last_post").cast(pl.Int64),
        "busiest_platform",
        "busiest_account",
        pl.col("busiest_posts").fill_null(0).cast(pl.Int64),
        pl.col("tied_accounts").fill_null(0).cast(pl.Int64),
        pl.col("n_accounts_posting").fill_null(0).cast(pl.Int64),
        pl.lit(s.dormant_days, dtype=pl.Int64).alias("dormant_days"),
    )


def account_dormancy(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> pl.DataFrame:
    """Every account (including accounts with no post ever), days since its last post counted
    to the account's own data end, not to today (q_account_dormancy.sql).

    Columns: account_id, opd_id, opd, opd_kind, platform, handle, url, posts_in_period,
    last_post_at (null = never), days_since_last_post (days from the last post to
    data_through; null when never posted or its data is not in), status ("aktif" / "dorman" /
    "belum_pernah" / "not_received": the account's data stops a month or more before data_end,
    or never came, so its silence is no data, not dormancy), data_through (date: the last day
    its data covers, at most as_of: what its days count to), data_end (date: the newest data
    of any account, at most as_of). Sorted by days_since_last_post descending, nulls first. Only posts published before
    as_of + 1 day count (as_of defaults to min(f.end, today)).
    """
    s = _settings(con, settings)
    params = {**f.params(), "dormant_days": s.dormant_days, "as_of": _as_of(f, as_of)}
    df = _run(con, "q_account_dormancy", params)
    return df.with_columns(pl.col("days_since_last_post").cast(pl.Int64))


def opd_daily_counts(con: duckdb.DuckDBPyConnection, f: Filters, opd_id: int) -> pl.DataFrame:
    """Daily posts of one OPD for a calendar heatmap (every day of the period, zero-filled).

    Columns: day (date), weekday (0 = Senin to 6 = Minggu), week_start (date, Monday),
    posts, kinerja_posts, has_data (bool: every account's data for the day is in, or the day
    has a post; false = no data, as after the data's cut-off: not 0 posts).
    """
    params = {**f.params(), "opd_id": int(opd_id)}
    return _run(con, "q_opd_daily_counts", params)


def kecamatan_rollup(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """Each kecamatan with its desa and kelurahan (master list parent): how many are active.

    Columns: kecamatan_id, kecamatan, kecamatan_short, members (office + villages, expected
    to post, in the filters), villages, desa, kelurahan, active_members, inactive_members
    (judged and not active), not_judged_members (data not all in: never counted as not
    active; members = active + inactive + not judged), active_villages,
    office_in_scope (bool), office_active (bool), posts, required_posts (the activity
    minimum of the period, activity_minimum in views/030_scope_and_activity.sql). Sorted by kecamatan.
    """
    s = _settings(con, settings)
    names, tables = judged_tables(con, f, s)
    return _run(con, "q_kecamatan_rollup", {**f.params(), **_activity_params(s), **names}, tables)
