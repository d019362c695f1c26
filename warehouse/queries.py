"""One typed function per dashboard report query.

Every function takes a DuckDB connection (the UI passes its cached handle; each query runs on its
own cursor, see _run) and returns a polars DataFrame with English snake_case columns;
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
import functools
import re
from dataclasses import dataclass, replace
from typing import Any, Literal

import duckdb
import polars as pl

from warehouse import metrics
from warehouse.db import sql_text
from warehouse.metrics import Settings

Grain = Literal["day", "week", "month"]
TrendBy = Literal["none", "platform", "opd_kind", "opd"]


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects, and who looks. Hashable, so the UI can use it as a cache key.

    viewer_opd_id: the operator OPD of the person looking (access.sessions.Principal
    .scope_opd_id); queries that return posts row by row (captions, links) return only that
    OPD's posts whatever the other filters say (macro visible_posts). None: every OPD."""

    start: dt.date
    end: dt.date
    platforms: tuple[str, ...] = ()
    opd_kinds: tuple[str, ...] = ()
    opd_ids: tuple[int, ...] = ()
    viewer_opd_id: int | None = None

    def params(self) -> dict[str, Any]:
        """The $parameters every q_*.sql file binds (end is exclusive in SQL: end + 1 day)."""
        return {
            "start": self.start,
            "end_excl": self.end + dt.timedelta(days=1),
            "platforms": list(self.platforms),
            "opd_kinds": list(self.opd_kinds),
            "opd_ids": [int(i) for i in self.opd_ids],
            "viewer_opd_id": None if self.viewer_opd_id is None else int(self.viewer_opd_id),
        }

    @classmethod
    def month_of(cls, day: dt.date, **kw: Any) -> Filters:
        """The calendar month containing `day` (other filters as keyword arguments)."""
        start = day.replace(day=1)
        end = metrics.add_months(start, 1) - dt.timedelta(days=1)
        return cls(start, end, **kw)

    def shifted(self, start: dt.date, end: dt.date) -> Filters:
        """The same filters over another period (for comparisons)."""
        return replace(self, start=start, end=end)


MAX_ROWS = 5_000  # Altair's default row limit; also the drill-down cap.

# KPI tiles in display order (Ringkasan).
KPI_SUMMARY_KEYS: tuple[str, ...] = (
    "activity_rate",
    "active_opds",
    "expected_opds",
    "judged_opds",
    "no_data_opds",
    "partial_data_opds",
    "posts",
    "kinerja_share",
    "ucapan_share",
    "figure_share",
    "engagement",
    "engagement_per_post",
    "engagement_per_reach",
    "opds_without_operator",
)

_KPI_SCHEMA = {
    "key": pl.String,
    "label": pl.String,
    "format": pl.String,
    "value": pl.Float64,
    "previous_value": pl.Float64,
    "change_previous": pl.Float64,
    "year_ago_value": pl.Float64,
    "change_year_ago": pl.Float64,
    "previous_start": pl.Date,
    "previous_end": pl.Date,
    "year_ago_start": pl.Date,
    "year_ago_end": pl.Date,
    "compared_start": pl.Date,
    "compared_end": pl.Date,
    "compared_value": pl.Float64,
    "previous_status": pl.String,
    "year_ago_status": pl.String,
    "previous_reason": pl.String,
    "year_ago_reason": pl.String,
}

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@functools.cache
def _param_names(name: str) -> frozenset[str]:
    return frozenset(_PARAM.findall(sql_text(name)))


def _run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> pl.DataFrame:
    """Run warehouse/sql/<name>.sql binding only the parameters the file uses (DuckDB rejects
    extra ones), so every function can pass the common filter set."""
    used = _param_names(name)
    missing = used - params.keys()
    if missing:
        raise KeyError(f"{name}.sql needs parameters {sorted(missing)}")
    # DuckDB 2.0: execute(...).pl() is gone; the relation API takes params and fetches whole.
    cur = con.cursor()
    try:
        df = cur.sql(sql_text(name), params={k: v for k, v in params.items() if k in used}).pl()
    finally:
        cur.close()
    return _plain_numbers(df)


def _plain_numbers(df: pl.DataFrame) -> pl.DataFrame:
    """DuckDB sums integers into DECIMAL(38,0): hand the UI Int64 / Float64 instead."""
    casts = []
    for name, dtype in df.schema.items():
        if isinstance(dtype, pl.Decimal):
            casts.append(pl.col(name).cast(pl.Int64 if dtype.scale == 0 else pl.Float64))
    return df.with_columns(casts) if casts else df


def _settings(con: duckdb.DuckDBPyConnection, settings: Settings | None) -> Settings:
    return settings if settings is not None else metrics.get_settings(con)


def _activity_params(s: Settings) -> dict[str, Any]:
    """The settings the activity rule (opd_activity, views/030_scope_and_activity.sql) takes:
    the minimum itself is computed there, for the bucket at hand."""
    return {
        "min_per_month": s.min_posts_per_month,
        "min_per_week": s.min_posts_per_week,
        "activity_rule": s.activity_rule,
        "target_per_month": s.target_posts_per_month,
    }


def index_params(f: Filters, s: Settings, *, expected_only: bool = True) -> dict[str, Any]:
    """The $parameters of the Indeks Medsos (macro opd_index, views/087_keaktifan.sql)."""
    return {
        **f.params(),
        **_activity_params(s),
        "expected_only": expected_only,
        "w_frequency": s.w_frequency,
        "w_consistency": s.w_consistency,
        "w_kinerja": s.w_kinerja,
        "w_platform": s.w_platform,
        "w_engagement": s.w_engagement,
        "grade_very_good": s.grade_very_good,
        "grade_good": s.grade_good,
        "grade_fair": s.grade_fair,
    }


def inactive_params(f: Filters, s: Settings, as_of: dt.date | None) -> dict[str, Any]:
    """The $parameters of the not-active list (macro inactive_opds, views/087_keaktifan.sql);
    as_of defaults to min(f.end, today)."""
    return {
        **f.params(),
        **_activity_params(s),
        "dormant_days": s.dormant_days,
        "as_of": _as_of(f, as_of),
        "deadline_day": s.collection_deadline_day,
        # The collection deadline is about today, not about the end of the period.
        "today": dt.date.today(),
    }


def _grain(grain: str) -> str:
    if grain not in ("day", "week", "month"):
        raise ValueError(f"Satuan waktu tidak dikenal: {grain!r}")
    return grain


def _limit(n: int) -> int:
    return max(0, min(int(n), MAX_ROWS))


def _as_of(f: Filters, as_of: dt.date | None) -> dt.date:
    return as_of if as_of is not None else min(f.end, dt.date.today())


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def _diff(a: Any, b: Any) -> float | None:
    return None if a is None or b is None else float(a) - float(b)


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


# --------------------------------------------------------------------------- filter options


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """Cache key for the UI: changes when a load, an undo, a label override, a rule set, a
    campaign tag, the master list or a setting changes (a non-negative int, not a load id)."""
    return int(_run(con, "q_data_version", {})["version"][0])


def filter_options(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """OPD list for the sidebar.

    Columns: opd_id, opd, opd_short, opd_kind, parent_opd_id, expected_to_post (bool),
    n_accounts, has_operator (bool: a name, a phone or "Sudah pelatihan: Ya" in the master
    list), operator_named (bool: a name is recorded), operator_trained (bool or null: not
    stated). Sorted by opd_kind, opd.
    """
    return _run(con, "q_filter_options", {})


def platforms(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Platforms that have an account or a post, sorted (facebook, instagram, ...)."""
    return _run(con, "q_platforms", {})["platform"].to_list()


def opd_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    """OPD kinds present in the opd table, sorted."""
    return _run(con, "q_opd_kinds", {})["opd_kind"].to_list()


def date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[dt.date | None, dt.date | None]:
    """(first, last) publication date in posts; (None, None) when empty."""
    row = _run(con, "q_date_bounds", {}).row(0)
    return row[0], row[1]


# --------------------------------------------------------------------------- Ringkasan


def kpi_summary(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    bounds: tuple[dt.date | None, dt.date | None] | None = None,
) -> pl.DataFrame:
    """KPI tiles with period comparisons: one row per KPI key in KPI_SUMMARY_KEYS.

    Columns: key, label (Indonesian, from metrics), format ("persen"/"angka"/"hari"),
    value (the whole chosen period), previous_value, change_previous, year_ago_value,
    change_year_ago, previous_start, previous_end, year_ago_start, year_ago_end,
    compared_start, compared_end (the part of the chosen period the changes compare: the whole
    period, or its days up to the newest post when it is unfinished), compared_value (the KPI on
    that part), previous_status, year_ago_status ("full" / "cut" / "none", warehouse.compare),
    previous_reason, year_ago_reason (null, "no_data", "no_current_data", "before_data").
    change_* = compared_value - other value (for "persen" KPIs a difference in fraction
    points); null with the other value when the status is "none" (no data to compare with).
    Which periods are compared: warehouse.compare.plan. bounds: (first, last) post date,
    read from the warehouse when not given.
    """
    from warehouse import compare

    s = _settings(con, settings)
    first, last = bounds if bounds is not None else date_bounds(con)
    plans = {k: compare.plan(f.start, f.end, first, last, k) for k in ("previous", "year_ago")}

    # Every period the tiles read, measured in one query (q_kpi: one row per period).
    periods = [(f.start, f.end), plans["previous"].current]
    for p in plans.values():
        periods += [p.current, p.other] if p.comparable else [p.current]
    periods = list(dict.fromkeys(periods))
    params = {
        **f.params(),
        **_activity_params(s),
        "starts": [a for a, _ in periods],
        "ends_excl": [b + dt.timedelta(days=1) for _, b in periods],
    }
    measured = dict(zip(periods, _run(con, "q_kpi", params).iter_rows(named=True), strict=True))

    def at(start: dt.date, end: dt.date) -> dict[str, Any]:
        return measured[(start, end)]

    rows = []
    for key in KPI_SUMMARY_KEYS:
        kpi = metrics.KPIS[key]
        cur = at(f.start, f.end)[key]
        row: dict[str, Any] = {"key": key, "label": kpi.label, "format": kpi.fmt}
        row["value"] = _num(cur)
        cmp_cur = plans["previous"].current
        row["compared_start"], row["compared_end"] = cmp_cur
        row["compared_value"] = _num(at(*cmp_cur)[key])
        for name, p in (("previous", plans["previous"]), ("year_ago", plans["year_ago"])):
            other = at(*p.other)[key] if p.comparable else None
            mine = at(*p.current)[key]
            row[f"{name}_value"] = _num(other)
            row[f"change_{name}"] = _diff(mine, other) if p.comparable else None
            row[f"{name}_start"], row[f"{name}_end"] = p.other
            row[f"{name}_status"] = p.status
            row[f"{name}_reason"] = p.reason
        rows.append(row)
    return pl.DataFrame(rows, schema=_KPI_SCHEMA).select(list(_KPI_SCHEMA))


def activity_trend(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    by_kind: bool = False,
) -> pl.DataFrame:
    """Activity rate per calendar month (each month judged with the monthly minimum).

    Columns: month (date, first of month), opd_kind ("semua" when by_kind is False),
    active_opds, expected_opds, judged_opds (expected OPDs active or with all their data for
    the month received), no_data_opds (the others: not judged), activity_rate (active /
    judged, 0..1; null when no OPD's data for the month arrived), posts.
    """
    s = _settings(con, settings)
    params = {**f.params(), **_activity_params(s), "by_kind": by_kind}
    return _run(con, "q_activity_trend", params)


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
    return _run(con, "q_activity_by_kind", {**f.params(), **_activity_params(s)})


def content_mix(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Content mix over the period.

    Columns: content_type ("belum_dilabeli" when unlabelled), is_kinerja (bool), posts,
    share (0..1 of all posts). Sorted by posts descending.
    """
    return _run(con, "q_content_mix", f.params())


def top_bottom_opds(
    con: duckdb.DuckDBPyConnection, f: Filters, n: int = 5, settings: Settings | None = None
) -> pl.DataFrame:
    """The n best and n worst OPDs by Indeks Medsos (expected-to-post OPDs only), ties kept.

    An OPD tied with the n-th (same rank, i.e. the same index score) is listed too, so a list
    may be longer than n and never picks some of several equal OPDs; the two lists never
    overlap (top first). Columns: position ("atas" / "bawah"), rank (shared by ties), opd_id,
    opd, opd_kind, index_score, grade, posts, tie_size (OPDs in the whole ranking with this
    rank; 1 = no tie). Raises ValueError when n < 1.
    """
    return top_bottom(opd_index(con, f, settings), n)


def top_bottom(index: pl.DataFrame, n: int = 5) -> pl.DataFrame:
    """top_bottom_opds read from an opd_index frame already at hand (the UI's cached one, so
    a page showing both computes the index once). Same columns and errors."""
    if n < 1:
        raise ValueError(f"n harus sedikitnya 1: {n}")
    # OPDs without received data have no index: they are neither top nor bottom.
    ranked = index.filter(pl.col("index_score").is_not_null())
    ranked = ranked.with_columns(pl.len().over("rank").cast(pl.Int64).alias("tie_size"))
    cols = ["rank", "opd_id", "opd", "opd_kind", "index_score", "grade", "posts", "tie_size"]
    if not ranked.height:
        empty = ranked.select(cols).with_columns(position=pl.lit("atas"))
        return empty.select(["position", *cols])
    cut = ranked["rank"][min(n, ranked.height) - 1]
    top = ranked.filter(pl.col("rank") <= cut)
    rest = ranked.filter(pl.col("rank") > cut)
    if rest.height:
        low = rest.sort("rank", descending=True)["rank"][min(n, rest.height) - 1]
        bottom = rest.filter(pl.col("rank") >= low)
    else:
        bottom = rest
    return pl.concat(
        [
            top.select(cols).with_columns(position=pl.lit("atas")),
            bottom.select(cols).with_columns(position=pl.lit("bawah")),
        ]
    ).select(["position", *cols])


# --------------------------------------------------------------------------- Keaktifan OPD


def opd_index(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    settings: Settings | None = None,
    expected_only: bool = True,
) -> pl.DataFrame:
    """Indeks Medsos OPD (0..100) with every component, sorted by rank.

    Columns: rank, opd_id, opd, opd_short, opd_kind, expected_to_post, posts,
    max_account_posts (posts on the busiest account), counted_posts (what the
    activity rule compared, Settings.activity_rule, over the months it judged), required_posts
    (the minimum of those months), judged_months (list of the first days of the months judged:
    those of the period whose data all arrived; empty = not judged), is_active (bool),
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
    df = _run(con, "q_opd_index", index_params(f, s, expected_only=expected_only))
    return df.with_columns(pl.lit(s.activity_rule, dtype=pl.String).alias("activity_rule"))


def opd_month_heatmap(
    con: duckdb.DuckDBPyConnection, f: Filters, settings: Settings | None = None
) -> pl.DataFrame:
    """OPD x month grid (every OPD and month of the period, zero-filled).

    Columns: opd_id, opd, opd_short, opd_kind, month (date), posts, max_account_posts, counted_posts,
    required_posts (monthly minimum), is_active (bool), activity_status (active | inactive |
    no_data), no_data (bool: the month's data has not all arrived and the OPD is not active:
    not judged), data_state (complete | partial | missing), partial_data (bool: not judged and
    part of the month's data arrived, as in a month still running). 400 OPDs x 12 months =
    4,800 rows: narrow the filters for longer periods.
    """
    s = _settings(con, settings)
    return _run(con, "q_opd_month_heatmap", {**f.params(), **_activity_params(s)})


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
    the activity rule compared: max_account_posts or posts, by activity_rule, over the months it
    judged), required_posts (the minimum of those months), judged_months (list of the first days
    of the months judged: those whose data all arrived; empty = not judged),
    activity_rule (the setting in force: 'account' | 'opd_total'),
    last_post_at (timestamp or null), days_since_last_post (int or null = never),
    busiest_platform, busiest_account (the account with most posts in the period, null when
    none posted; the activity rule judges this one), busiest_posts (= max_account_posts),
    tied_accounts (accounts sharing that count), n_accounts_posting, dormant_days (setting).
    reason_code in order of priority: not_submitted / not_received (not active and some
    account's data for the period has not arrived: not judged; not_submitted once today is past
    the last month's collection deadline), no_account, no_operator, untrained_operator, dormant
    (no post for at least settings.dormant_days before as_of), below_minimum.
    as_of defaults to min(f.end, today).
    """
    s = _settings(con, settings)
    df = _run(con, "q_inactive_opds", inactive_params(f, s, as_of))
    busiest = _run(con, "q_busiest_account", {**f.params(), **_activity_params(s)})
    df = df.join(busiest, on="opd_id", how="left")
    texts = metrics.INACTIVE_REASONS
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
        "judged_months",
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
    if sort_by not in SHARE_SORTS:
        raise ValueError(f"Kolom urutan tidak dikenal: {sort_by!r}")
    df = _run(con, "q_content_share_by_opd", f.params())
    return df.sort([sort_by, "opd"], descending=[descending, False], nulls_last=True)


def content_mix_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Long format for a stacked bar per OPD.

    Columns: opd_id, opd, opd_short, opd_kind, content_type, posts, share (within the OPD).
    """
    return _run(con, "q_content_mix_by_opd", f.params())


def content_mix_over_time(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> pl.DataFrame:
    """Columns: period_start (date), content_type, posts, share (within the period)."""
    return _run(con, "q_content_mix_over_time", {**f.params(), "grain": _grain(grain)})


def figure_share_trend(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> pl.DataFrame:
    """Columns: period_start, posts, figure_posts, figure_share, ucapan_share, kinerja_share."""
    return _run(con, "q_figure_share_trend", {**f.params(), "grain": _grain(grain)})


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
    params = {
        **f.params(),
        "content_type": content_type,
        "figure_centric": figure_centric,
        "limit": _limit(limit),
    }
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
    return _run(con, "q_trend", params)


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
    y_start, y_end = metrics.year_ago_period(f.start, f.end)
    now = trend(con, f, grain, "none", settings)
    ago = trend(con, f.shifted(y_start, y_end), grain, "none", settings)
    return aligned_trends(now, ago, date_bounds(con)[0], grain)


def aligned_trends(
    now: pl.DataFrame, ago: pl.DataFrame, first: dt.date | None, grain: Grain
) -> pl.DataFrame:
    """trend_comparison from the two trend frames already at hand (the UI's cached ones):
    now = trend of the period, ago = trend of metrics.year_ago_period, both by "none";
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


def top_posts(con: duckdb.DuckDBPyConnection, f: Filters, n: int = 10) -> pl.DataFrame:
    """The n posts with the highest engagement.

    Columns: post_key, published_at, opd, platform, caption, content_type, reactions, comments,
    shares, engagement, reach, engagement_per_reach, permalink.
    """
    return _run(con, "q_top_posts", {**f.params(), "limit": _limit(n)})


# --------------------------------------------------------------------------- Kampanye


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


# --------------------------------------------------------------------------- Unggah Data


def rejected_rows(
    con: duckdb.DuckDBPyConnection, limit: int = 500, opd_id: int | None = None
) -> pl.DataFrame:
    """Rows kept out of live loads, newest load first; only loads of `opd_id` when given (an
    operator's view).

    Columns: load_id, loaded_at, file_name, sheet, row_number, column_name, value, reason,
    total_rejected (Int64: every matching row, before `limit` keeps the newest; the same on
    each row).
    """
    return _run(con, "q_rejected_rows", {"limit": _limit(limit), "opd_id": opd_id})


def load_history(
    con: duckdb.DuckDBPyConnection, limit: int = 200, opd_id: int | None = None
) -> pl.DataFrame:
    """Newest loads first; only loads of `opd_id` when given (an operator's view).

    Columns: load_id, loaded_at, file_name, format, platform, opd, period_start, period_end,
    rows_read, n_new, n_updated, n_duplicate, n_rejected, status, loaded_by, message.
    """
    return _run(con, "q_load_history", {"limit": _limit(limit), "opd_id": opd_id})


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


def master_contradictions(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Rows of the master list that contradict themselves: warehouse.master_checks."""
    from warehouse import master_checks

    return master_checks.contradictions(con)


# --------------------------------------------------------------------------- format mix


def format_mix_by_opd(con: duckdb.DuckDBPyConnection, f: Filters) -> pl.DataFrame:
    """Posts per OPD and post format over the period (OPDs with a post only).

    Columns: opd_id, opd, opd_short, opd_kind, post_format (foto, video, reels, carousel, teks,
    tautan, live, story, or "tidak_tercatat" when the source did not say), posts, share (0..1
    of the OPD's posts), opd_posts (the OPD's posts in the period). Sorted by opd_posts
    descending, then OPD. Format codes: etl.schema.POST_FORMATS.
    """
    return _run(con, "q_format_mix_by_opd", f.params())


def format_mix_over_time(
    con: duckdb.DuckDBPyConnection, f: Filters, grain: Grain = "month"
) -> pl.DataFrame:
    """Posts per period bucket and post format.

    Columns: period_start (date: first day of the day/week/month), post_format (as in
    format_mix_by_opd), posts, share (0..1 of the bucket's posts).
    """
    return _run(con, "q_format_mix_over_time", {**f.params(), "grain": _grain(grain)})


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
    return _run(con, "q_kecamatan_rollup", {**f.params(), **_activity_params(s)})
