"""Hypothesis: the activity rule counted from post_day_count (macro opd_activity) equals the same
rule counted post by post from scoped_posts, for every bucket, random whole-day bounds, filters,
counted_before and both rules; bounds with a time of day are refused."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import ACCOUNTS, hand_warehouse
from warehouse import day_counts

SOURCES = [(a[1], a[0], a[2]) for a in ACCOUNTS] + [(3, None, "instagram"), (4, None, "facebook")]

post = st.tuples(
    st.sampled_from(SOURCES),
    st.datetimes(min_value=dt.datetime(2025, 12, 20), max_value=dt.datetime(2026, 2, 10)),
).map(lambda t: (t[0][0], t[0][1], t[0][2], t[1]))

# The rule as it read every post before post_day_count (same grouping and output columns).
FROM_POSTS = """
WITH per_account AS (
    SELECT
        CASE $bucket WHEN 'day' THEN pub_date WHEN 'week' THEN week_start
                     WHEN 'month' THEN month_start ELSE CAST($start AS DATE) END AS period_start,
        opd_id,
        CASE WHEN $by_platform THEN platform END AS platform,
        account_key,
        count(*) AS n
    FROM scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
    WHERE $before IS NULL OR published_at < $before
    GROUP BY ALL
)
SELECT period_start, opd_id, platform, sum(n) AS posts, max(n) AS max_account_posts,
       counted_posts($rule, max(n), sum(n)) AS counted_posts,
       activity_minimum($bucket, $start, $end_excl, 3, 1, (SELECT data_end FROM v_data_end)) AS required_posts,
       counted_posts($rule, max(n), sum(n))
           >= activity_minimum($bucket, $start, $end_excl, 3, 1, (SELECT data_end FROM v_data_end)) AS is_active
FROM per_account
GROUP BY period_start, opd_id, platform
ORDER BY ALL
"""
FROM_DAY_COUNTS = """
SELECT * FROM opd_activity($bucket, $start, $end_excl, $platforms, $opd_kinds, $opd_ids, 3, 1,
                           $rule, $by_platform, (SELECT data_end FROM v_data_end),
                           counted_before := $before)
ORDER BY ALL
"""


@pytest.fixture(scope="module")
def con():
    c = hand_warehouse()
    yield c
    c.close()


def _refill(con, posts) -> None:
    """posts replaced by `posts` ((opd_id, account_id, platform, published_at) tuples), and
    their per-day counts recounted (one warehouse for every example: building it is the cost)."""
    con.execute("DELETE FROM posts")
    frame = pl.DataFrame(
        [(f"q{i:03d}", *p) for i, p in enumerate(posts)],
        schema={"post_key": pl.String, "opd_id": pl.Int32, "account_id": pl.Int32,
                "platform": pl.String, "published_at": pl.Datetime("us")},
        orient="row",
    )  # fmt: skip
    con.register("_posts_df", frame)
    con.execute(
        "INSERT INTO posts (post_key, opd_id, account_id, platform, published_at, load_id,"
        " first_load_id, observed_at) SELECT post_key, opd_id, account_id, platform,"
        " published_at, 1, 1, published_at FROM _posts_df"
    )
    con.unregister("_posts_df")
    day_counts.recount(con)


day = st.dates(min_value=dt.date(2025, 12, 15), max_value=dt.date(2026, 2, 15))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    posts=st.lists(post, max_size=50),
    bounds=st.tuples(day, st.integers(1, 62)),
    bucket=st.sampled_from(["period", "day", "week", "month"]),
    rule=st.sampled_from(["account", "opd_total"]),
    by_platform=st.booleans(),
    platforms=st.sampled_from([[], ["instagram"], ["facebook", "tiktok"]]),
    opd_kinds=st.sampled_from([[], ["dinas"], ["badan", "kecamatan"]]),
    before=st.one_of(st.none(), day),
)
def test_rule_from_day_counts_equals_rule_from_posts(
    con, posts, bounds, bucket, rule, by_platform, platforms, opd_kinds, before
):
    _refill(con, posts)
    start, days = bounds
    params = {
        "bucket": bucket, "start": start, "end_excl": start + dt.timedelta(days=days),
        "platforms": platforms, "opd_kinds": opd_kinds, "opd_ids": [], "rule": rule,
        "by_platform": by_platform, "before": before,
    }  # fmt: skip
    want = con.sql(FROM_POSTS, params=params).fetchall()
    got = con.sql(FROM_DAY_COUNTS, params=params).fetchall()
    assert got == want


def test_bounds_with_a_time_of_day_are_refused(con):
    # A count is refused row by row (a table without a row is never compared): one post.
    _refill(con, [(1, 1, "facebook", dt.datetime(2026, 1, 5, 9, 0))])
    with pytest.raises(duckdb.Error, match="whole days"):
        con.sql(
            "SELECT * FROM opd_activity('period', TIMESTAMP '2026-01-01 12:00', DATE '2026-02-01',"
            " [], [], [], 3, 1, 'account', false, (SELECT data_end FROM v_data_end))"
        ).fetchall()
