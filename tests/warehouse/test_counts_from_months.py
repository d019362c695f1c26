"""The KPI tiles, the trend, the Indeks Medsos and the engagement by OPD read whole months from
post_content_month (its interaction columns: migration 160) and only the other days from the
posts; the top posts and the example posts find their few posts on narrow columns before reading
them whole; the busiest account is counted from post_day_count. Every figure and list equals the statement it replaced, kept verbatim
(tests/warehouse/before/*_160.sql: as they were at b45a7bc; the KPI statement:
test_kpi_judged_once.BEFORE), on the sample warehouse and on random hand warehouses, for periods
of whole months, cut months and single days."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import JAN, hand_warehouse
from tests.warehouse.test_kpi_judged_once import before as kpi_before
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, periods
from warehouse.db import sql_text
from warehouse.queries import activity, content, summary, trend
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import judged_tables

BEFORE_DIR = Path(__file__).parent / "before"
TREND_BEFORE = (BEFORE_DIR / "q_trend_160.sql").read_text(encoding="utf-8")
INDEX_MACRO_BEFORE = (BEFORE_DIR / "opd_index_160.sql").read_text(encoding="utf-8")
INDEX_BEFORE = sql_text("q_opd_index").replace("opd_index(", "opd_index_before_160(")
ENGAGEMENT_BEFORE = (BEFORE_DIR / "q_engagement_by_opd_160.sql").read_text(encoding="utf-8")
TOP_BEFORE = (BEFORE_DIR / "q_top_posts_160.sql").read_text(encoding="utf-8")
EXAMPLES_BEFORE = (BEFORE_DIR / "q_example_posts_160.sql").read_text(encoding="utf-8")
BUSIEST_BEFORE = (BEFORE_DIR / "q_busiest_account_160.sql").read_text(encoding="utf-8")


def _old(con, sql: str, params: dict, tables: dict | None = None) -> pl.DataFrame:
    """`sql` bound as warehouse.queries.run binds a q_*.sql file."""
    used = set(re.findall(r"\$([A-Za-z_]\w*)", sql))
    if "data_end" in used and "data_end" not in params:
        params = {**params, "data_end": run_queries.read_data_end(con)}
    cur = con.cursor()
    try:
        for name, table in (tables or {}).items():
            cur.register(name, table)
        df = cur.sql(sql, params={k: v for k, v in params.items() if k in used}).pl()
    finally:
        cur.close()
    return run_queries._plain_numbers(df)


def _same(a: pl.DataFrame, b: pl.DataFrame) -> None:
    assert a.schema == b.schema, (a.schema, b.schema)
    assert a.equals(b, null_equal=True), (a, b)


def trend_before(con, f: Filters, grain: str, by: str, s) -> pl.DataFrame:
    params = {**f.params(), "grain": grain, "by": by, **run_queries._activity_params(s)}
    return _old(con, TREND_BEFORE, params)


def index_before(con, f: Filters, s) -> pl.DataFrame:
    con.execute(INDEX_MACRO_BEFORE)
    names, tables = judged_tables(con, f, s)
    df = _old(con, INDEX_BEFORE, {**run_queries.index_params(f, s), **names}, tables)
    return df.with_columns(pl.lit(s.activity_rule, dtype=pl.String).alias("activity_rule"))


def check_lists(con, f: Filters) -> None:
    """Engagement by OPD, top posts and example posts (several limits and labels, and as an
    operator OPD sees them) equal the statements before."""
    _same(_old(con, ENGAGEMENT_BEFORE, f.params()), trend.engagement_by_opd(con, f))
    # The busiest account (the not-active list's explanation) from the per-day counts: now
    # counted inside the list's statement (q_inactive_opds), for the listed OPDs; with a
    # minimum no OPD reaches, every expected OPD is listed.
    s = analyst_settings.Settings(min_posts_per_month=10_000)
    cols = ["busiest_platform", "busiest_account", "busiest_posts", "tied_accounts",
            "n_accounts_posting"]  # fmt: skip
    listed = activity.inactive_opds(con, f, s).select("opd_id", *cols)
    old = listed.select("opd_id").join(
        _old(con, BUSIEST_BEFORE, f.params()), on="opd_id", how="left"
    )
    _same(old.with_columns(pl.col(cols[2:]).fill_null(0).cast(pl.Int64)), listed)
    opd = con.execute("select min(opd_id) from posts").fetchone()[0]
    for g in (f, dataclasses.replace(f, viewer_opd_id=opd)):
        for n in (1, 3, 10, 500):
            _same(_old(con, TOP_BEFORE, {**g.params(), "limit": n}), trend.top_posts(con, g, n))
        for label, figure in (
            (None, None),
            ("ucapan", None),
            (None, True),
            ("belum_dilabeli", None),
        ):
            old = _old(
                con,
                EXAMPLES_BEFORE,
                {**g.params(), "content_type": label, "figure_centric": figure, "limit": 7},
            )
            _same(old, content.example_posts(con, g, label, figure, limit=7))


def check_all(con, f: Filters, s, grains=("month", "week", "day")) -> None:
    """Trend (every grain and grouping), index, the KPIs of f (with the month before it) and
    the lists equal the statements before."""
    check_lists(con, f)
    for grain in grains:
        for by in ("none", "platform", "opd_kind", "opd"):
            _same(trend_before(con, f, grain, by, s), trend.trend(con, f, grain, by, s))
    _same(index_before(con, f, s), activity.opd_index(con, f, s))
    spans = [(f.start, f.end), (periods.add_months(f.start, -1), f.start - dt.timedelta(days=1))]
    _same(kpi_before(con, f, s, spans), summary.kpi_periods(con, f, s, spans))


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12)])  # fmt: skip
def test_sample_figures_equal_the_statements_before(sample, s, sample_windows):
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for f in sample_windows.filters:
            check_all(sample, f, s, grains=("month", "week"))
        # The sample has posts with and without reach and interaction counts.
        assert (
            summary.kpi_summary(sample, Filters(sample_windows.half, sample_windows.last), s)[
                "value"
            ]
            .is_not_null()
            .all()
        )


# Periods of whole months (most often) or cut at either end, over the hand warehouse's posts.
month_start = st.sampled_from([dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1)])
whole = st.tuples(month_start, st.integers(1, 2)).map(
    lambda t: (t[0], periods.add_months(t[0], t[1]) - dt.timedelta(days=1))
)
cut = st.tuples(st.dates(dt.date(2025, 12, 1), dt.date(2026, 2, 20)), st.integers(0, 60)).map(
    lambda t: (t[0], t[0] + dt.timedelta(days=t[1]))
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.one_of(whole, whole, cut),
    st.sampled_from([(), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (1,), (2, 4)]),
    st.sampled_from(["account", "opd_total"]),
)
def test_random_figures_equal_the_statements_before(posts, span, platforms, kinds, opd_ids, rule):
    con = hand_warehouse(posts)
    # Posts tied to no account carry the handle written in them (a logbook's): the busiest
    # account's name for such posts comes from there. No count reads it.
    con.execute("UPDATE posts SET account_handle = 'tulisan.' || post_key WHERE account_id IS NULL")
    s = analyst_settings.Settings(activity_rule=rule)
    check_all(con, Filters(*span, platforms, kinds, opd_ids), s)
    con.close()


def test_the_hand_warehouse_reads_months_from_the_table(wh):
    """Whole months come from post_content_month: a row changed there (never done outside this
    test: the table is kept equal to posts) shows in the trend, the index and the KPIs."""
    s = analyst_settings.get_settings(wh)
    f = Filters(*JAN)
    check_all(wh, f, s)
    wh.execute(
        "UPDATE post_content_month SET posts = posts + 5, interaction_engagement = 1000"
        " WHERE month_start = DATE '2026-01-01'"
    )
    assert (
        trend.trend(wh, f, "month", "none", s)["posts"].sum()
        != trend_before(wh, f, "month", "none", s)["posts"].sum()
    )
    assert not activity.opd_index(wh, f, s).equals(index_before(wh, f, s))
    engagement = _old(wh, ENGAGEMENT_BEFORE, f.params())
    assert not trend.engagement_by_opd(wh, f).equals(engagement)
    spans = [(f.start, f.end)]
    assert not summary.kpi_periods(wh, f, s, spans).equals(kpi_before(wh, f, s, spans))
