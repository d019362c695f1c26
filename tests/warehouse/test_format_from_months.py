"""Jenis Konten's format mix (by OPD, over time) reads whole months from post_format_month and
only the other days from the posts. Both equal the statements they replaced, kept verbatim
(tests/warehouse/before/q_format_mix_*_180.sql: as they were at 206acfe), on the sample
warehouse and on random hand warehouses (random formats, posts from a logbook load and from
an export load), for periods of whole months, cut months and single days."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import JAN, hand_warehouse
from tests.warehouse.test_counts_from_months import _old, _same, cut, whole
from tests.warehouse.test_properties import post
from warehouse import format_counts
from warehouse.db import SQL_DIR, connect
from warehouse.queries import content, options
from warehouse.queries.filters import Filters

BEFORE_DIR = Path(__file__).parent / "before"
BY_OPD_BEFORE = (BEFORE_DIR / "q_format_mix_by_opd_180.sql").read_text(encoding="utf-8")
OVER_TIME_BEFORE = (BEFORE_DIR / "q_format_mix_over_time_180.sql").read_text(encoding="utf-8")


def check_all(con, f: Filters, grains=("month", "week", "day")) -> None:
    _same(_old(con, BY_OPD_BEFORE, f.params()), content.format_mix_by_opd(con, f))
    for grain in grains:
        _same(
            _old(con, OVER_TIME_BEFORE, {**f.params(), "grain": grain}),
            content.format_mix_over_time(con, f, grain),
        )


def test_sample_format_mix_equals_the_statements_before(sample, sample_windows):
    # The sample has posts of several formats, without a format, and from logbooks.
    mix = content.format_mix_by_opd(sample, Filters(*options.date_bounds(sample)))
    assert mix["post_format"].n_unique() > 2 and mix["from_logbook"].sum() > 0
    for f in sample_windows.filters:
        check_all(sample, f, grains=("month", "week"))


# The hand warehouse's posts all come from its logbook load 1; some are moved to an export
# load and given a format (a hand write: the kept counts recounted, as every writer does).
formats = st.lists(st.sampled_from(["foto", "video", "tidak_tercatat", None]), max_size=50)


def _hand(posts, fmts):
    con = hand_warehouse(posts)
    con.execute(
        "INSERT INTO loads (load_id, file_name, sha256, format, platform, rows_read, n_new,"
        " status) VALUES (2, 'ig.csv', 'def', 'meta_instagram', 'instagram', 1, 1, 'loaded')"
    )
    keys = [r[0] for r in con.execute("SELECT post_key FROM posts ORDER BY post_key").fetchall()]
    for key, fmt in zip(keys, fmts, strict=False):
        con.execute(
            "UPDATE posts SET post_format = ?, load_id = ? WHERE post_key = ?",
            [fmt, 2 if fmt is not None else 1, key],
        )
    format_counts.recount(con)
    return con


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    formats,
    st.one_of(whole, whole, cut),
    st.sampled_from([(), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (1,), (2, 4)]),
)
def test_random_format_mix_equals_the_statements_before(posts, fmts, span, platforms, kinds, ids):
    con = _hand(posts, fmts)
    check_all(con, Filters(*span, platforms, kinds, ids))
    con.close()


def test_whole_months_are_read_from_the_table():
    """A row changed in post_format_month (never done outside this test: the table is kept
    equal to posts) shows in both figures of a whole month."""
    con = _hand(None, ["foto", "video", None] * 10)
    f = Filters(*JAN)
    check_all(con, f)
    con.execute("UPDATE post_format_month SET posts = posts + 5 WHERE month_start = '2026-01-01'")
    assert not content.format_mix_by_opd(con, f).equals(_old(con, BY_OPD_BEFORE, f.params()))
    old = _old(con, OVER_TIME_BEFORE, {**f.params(), "grain": "month"})
    assert not content.format_mix_over_time(con, f, "month").equals(old)
    con.close()


def test_the_migration_fills_the_table_from_posts(tmp_path):
    """A warehouse from before migration 180 (the sample without the table) gets the table
    filled from its posts: equal to the recount, every post counted once."""
    path = factory.private_copy(factory.sample_warehouse(), tmp_path)
    con = connect(path)
    con.execute("DROP TABLE post_format_month")
    con.execute("DELETE FROM schema_migrations WHERE version = 180")
    con.close()
    con = connect(path)
    check = (SQL_DIR / "checks" / "post_format_month_matches_posts.sql").read_text("utf-8")
    assert con.sql(check).pl().height == 0
    (kept,) = con.execute("SELECT sum(posts) FROM post_format_month").fetchone()
    assert kept == con.execute("SELECT count(*) FROM posts").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM post_format_month WHERE from_logbook").fetchone()[0]
    con.close()
