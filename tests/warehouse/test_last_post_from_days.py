"""The not-active list's last post and the account dormancy (last post, posts in the period)
read post_day_count's per-day rows (last_posted_at: migration 181) instead of every post. Both
equal the statements they replaced, kept verbatim (tests/warehouse/before/inactive_opds_181.sql,
q_account_dormancy_181.sql: as they were at 206acfe), on the sample warehouse and on random
hand warehouses, for whole and cut periods, several as_of days, filters and settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import JAN, hand_warehouse
from tests.warehouse.test_counts_from_months import _old, _same, cut, whole
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, day_counts
from warehouse.db import SQL_DIR, connect, sql_text
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import judged_tables

BEFORE_DIR = Path(__file__).parent / "before"
INACTIVE_MACRO_BEFORE = (BEFORE_DIR / "inactive_opds_181.sql").read_text(encoding="utf-8")
INACTIVE_BEFORE = sql_text("q_inactive_opds").replace("inactive_opds(", "inactive_opds_before_181(")
DORMANCY_BEFORE = (BEFORE_DIR / "q_account_dormancy_181.sql").read_text(encoding="utf-8")


def _as_of_days(f: Filters) -> list[dt.date | None]:
    return [None, f.start, f.start + (f.end - f.start) // 2, f.end + dt.timedelta(days=40)]


def check_all(con, f: Filters, s) -> None:
    con.execute(INACTIVE_MACRO_BEFORE)
    for as_of in _as_of_days(f):
        names, tables = judged_tables(con, f, s, run_queries._as_of(f, as_of))
        params = {**run_queries.inactive_params(f, s, as_of), **names}
        _same(
            _old(con, INACTIVE_BEFORE, params, tables),
            run_queries._run(con, "q_inactive_opds", params, tables),
        )
        params = {
            **f.params(),
            "dormant_days": s.dormant_days,
            "as_of": run_queries._as_of(f, as_of),
        }
        _same(
            _old(con, DORMANCY_BEFORE, params), run_queries._run(con, "q_account_dormancy", params)
        )


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=12, dormant_days=5)])  # fmt: skip
def test_sample_lists_equal_the_statements_before(sample, s, sample_windows):
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for f in sample_windows.filters:
            check_all(sample, f, s)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.one_of(whole, cut),
    st.sampled_from([(), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (1,), (2, 4)]),
    st.sampled_from([3, 30]),
)
def test_random_lists_equal_the_statements_before(posts, span, platforms, kinds, ids, dormant):
    con = hand_warehouse(posts)
    s = analyst_settings.Settings(dormant_days=dormant)
    check_all(con, Filters(*span, platforms, kinds, ids), s)
    con.close()


def test_the_last_post_is_read_from_the_day_rows():
    """A last_posted_at changed in post_day_count (never done outside this test: the table is
    kept equal to posts) shows in both lists."""
    con = hand_warehouse()
    s = analyst_settings.Settings(min_posts_per_month=50)  # every OPD not active
    f = Filters(*JAN)
    check_all(con, f, s)
    con.execute("UPDATE post_day_count SET last_posted_at = last_posted_at - INTERVAL 3 DAY")
    params = {**f.params(), "dormant_days": s.dormant_days, "as_of": f.end}
    new = run_queries._run(con, "q_account_dormancy", params)
    assert not new.equals(_old(con, DORMANCY_BEFORE, params))
    names, tables = judged_tables(con, f, s, f.end)
    params = {**run_queries.inactive_params(f, s, None), **names}
    new = run_queries._run(con, "q_inactive_opds", params, tables)
    assert not new.equals(_old(con, INACTIVE_BEFORE, params, tables))
    con.close()


def test_the_migration_fills_the_last_post_times(tmp_path):
    """A warehouse from before migration 181 (post_day_count without last_posted_at) gets the
    column filled from its posts: equal to the recount."""
    path = factory.private_copy(factory.sample_warehouse(), tmp_path)
    con = connect(path)
    con.execute("ALTER TABLE post_day_count DROP COLUMN last_posted_at")
    con.execute("DELETE FROM schema_migrations WHERE version = 181")
    con.close()
    con = connect(path)
    check = (SQL_DIR / "checks" / "post_day_count_matches_posts.sql").read_text("utf-8")
    assert con.sql(check).pl().height == 0
    kept = con.sql("SELECT * FROM post_day_count ORDER BY ALL").pl()
    assert kept["last_posted_at"].null_count() == 0 and kept.height > 0
    day_counts.recount(con)
    assert kept.equals(con.sql("SELECT * FROM post_day_count ORDER BY ALL").pl())
    assert isinstance(kept, pl.DataFrame)
    con.close()
