"""Jenis Konten's example posts (the newest posts of a label) are read from the day the per-month
newest posts (post_content_month.last_posted_at: migration 310) say they all lie after
(q_example_posts_bound.sql), not from the period's first day. The list equals the statement run
over the whole period, kept verbatim (tests/warehouse/before/q_example_posts_310.sql: as at
e00a45f), on the sample warehouse and on random hand warehouses with ties in time, analysts'
overrides, labels, the figure flag, limits, filters and an operator's own OPD; and the migration
fills the column of an older warehouse equal to the recount."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factory
from tests.factory import hand_warehouse
from tests.warehouse.test_counts_from_months import _old, _same, cut, whole
from tests.warehouse.test_properties import SOURCES, TYPES
from warehouse import backup, label_counts
from warehouse.db import SQL_DIR, connect
from warehouse.queries import content, options
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

BEFORE = (Path(__file__).parent / "before" / "q_example_posts_310.sql").read_text("utf-8")
CHECK = (SQL_DIR / "checks" / "post_content_month_matches_posts.sql").read_text("utf-8")
LABELS = (None, "ucapan", "belum_dilabeli")


def check(con, f: Filters, limits=(1, 2, 3, 7)) -> int:
    """The example posts of f (and of f as an operator of the first OPD sees them) equal the
    statement before, for every label, figure flag and limit; the number of calls whose bound
    moved the first day read (so a test can say the bound was used)."""
    opd = con.execute("select min(opd_id) from posts").fetchone()[0]
    moved = 0
    for g in (f, dataclasses.replace(f, viewer_opd_id=opd)):
        for label in LABELS:
            for figure in (None, True):
                for n in limits:
                    params = {**g.params(), "content_type": label, "figure_centric": figure}
                    old = _old(con, BEFORE, {**params, "limit": n})
                    _same(old, content.example_posts(con, g, label, figure, limit=n))
                    bound = run_queries._run(con, "q_example_posts_bound", {**params, "limit": n})
                    day = bound["newest_from"][0]
                    moved += day is not None and day > g.start
    return moved


def test_sample_examples_equal_the_statement_before(sample, sample_windows):
    moved = 0
    for f in sample_windows.filters:
        moved += check(sample, f, limits=(1, 20, 200))
    assert moved > 0  # the bound is used, not only the whole period read


# Times on a coarse grid (two a day), so posts share their time and the order falls to post_key.
times = st.tuples(st.integers(0, 60), st.sampled_from([0, 12])).map(
    lambda t: dt.datetime(2025, 12, 15) + dt.timedelta(days=t[0], hours=t[1])
)
post = st.tuples(st.sampled_from(SOURCES), times, st.sampled_from(TYPES), st.booleans()).map(
    lambda t: (t[0][0], t[0][1], t[0][2], t[1], t[2], t[3], 1, None, 0, None)
)
override = st.tuples(
    st.integers(0, 79), st.sampled_from(["ucapan", "capaian", None]), st.sampled_from([True, None])
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, min_size=3, max_size=60),
    st.lists(override, max_size=6),
    st.one_of(whole, whole, cut),
    st.sampled_from([(), (), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), (), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (), (1,), (2, 4)]),
)
def test_random_examples_equal_the_statement_before(posts, overrides, span, platforms, kinds, ids):
    con = hand_warehouse(posts)
    # An analyst's override changes the label users read: the kept rows follow (as the writer
    # does, label_counts.recount_posts), and so must the bound.
    keys = [r[0] for r in con.execute("select post_key from posts order by post_key").fetchall()]
    changed = set()
    for n, label, figure in overrides:
        if keys:
            key = keys[n % len(keys)]
            con.execute(
                "INSERT OR REPLACE INTO label_override (post_key, content_type, is_figure_centric)"
                " VALUES (?, ?, ?)",
                [key, label, figure],
            )
            changed.add(key)
    label_counts.recount_posts(con, changed)
    assert con.sql(CHECK).pl().height == 0
    check(con, Filters(*span, platforms, kinds, ids))
    con.close()


def test_the_migration_fills_the_newest_post_times(tmp_path):
    """A warehouse from before migration 310 (post_content_month without last_posted_at) gets
    the column filled from its posts: equal to the recount."""
    path = factory.private_copy(factory.sample_warehouse(), tmp_path)
    con = connect(path)
    con.execute("ALTER TABLE post_content_month DROP COLUMN last_posted_at")
    con.execute("DELETE FROM schema_migrations WHERE version = 310")
    con.close()
    con = connect(path)
    assert con.sql(CHECK).pl().height == 0
    kept = con.sql("SELECT * FROM post_content_month ORDER BY ALL").pl()
    assert kept["last_posted_at"].null_count() == 0 and kept.height > 0
    label_counts.recount(con)
    assert kept.equals(con.sql("SELECT * FROM post_content_month ORDER BY ALL").pl())
    assert isinstance(kept, pl.DataFrame)
    con.close()


def test_restoring_an_older_snapshot_recounts_the_kept_rows(tmp_path):
    """A snapshot taken before migration 310 (post_content_month without last_posted_at) is
    restored with the column recounted from its posts, not left empty."""
    path = factory.private_copy(factory.sample_warehouse(), tmp_path)
    snap = tmp_path / "older.duckdb"
    snap.write_bytes(path.read_bytes())
    raw = duckdb.connect(str(snap))  # not migrated: the snapshot stays as an older one was
    raw.execute("ALTER TABLE post_content_month DROP COLUMN last_posted_at")
    raw.close()
    con = connect(path)
    kept = con.sql("SELECT * FROM post_content_month ORDER BY ALL").pl()
    backup.restore(con, snap)
    assert con.sql(CHECK).pl().height == 0
    assert kept.equals(con.sql("SELECT * FROM post_content_month ORDER BY ALL").pl())
    con.close()


@pytest.mark.parametrize("n", [0])
def test_no_example_asked_reads_nothing(sample, n):
    """A limit of 0 asks for no post: none, as before (the bound is not asked)."""
    first, last = options.date_bounds(sample)
    f = Filters(first, last)
    old = _old(sample, BEFORE, {**f.params(), "content_type": None, "figure_centric": None,
                                "limit": n})  # fmt: skip
    _same(old, content.example_posts(sample, f, None, None, limit=n))
