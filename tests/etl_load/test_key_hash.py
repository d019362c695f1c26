"""posts.key_hash and post_observation.key_hash (migration 360): etl.recompute reads the rows of
the keys a load touches by scanning the numbers, not every post key. The rows read are exactly
those the old statements (scans of post_key itself, kept below word for word) read: on random
contents with live and undone loads, rows written without a number, and rows whose number
belongs to another key (as two keys sharing a number would). Every row a load writes carries
its key's number (a re-export and an undo too), the migration numbers an older warehouse's
rows, and a restored older snapshot's rows are numbered."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import etl.recompute as recompute
from etl.bootstrap import sample_files
from etl.load_folder import load_paths
from etl.master import load_master
from etl.undo import undo_load
from tests.etl_load.numbered import (
    NUMBERING,
    Statements,
    before_migration,
    loads_written,
    md5_lower,
    stored,
)
from warehouse.db import connect

# The statements etl.recompute ran before migration 360, kept as reference.
_OLD_POST_ROWS = "SELECT rowid AS r FROM posts WHERE post_key IN (SELECT post_key FROM _affected)"
_OLD_OBS_ROWS = (
    "SELECT rowid AS r FROM post_observation WHERE post_key IN (SELECT post_key FROM _affected)"
)
_OLD_LIVE = """
SELECT o.*, coalesce(l.format, '') NOT LIKE '%logbook%' AS from_export
FROM post_observation o
JOIN loads l ON l.load_id = o.load_id AND l.status = 'loaded'
WHERE o.rowid IN (SELECT r FROM _rows)
"""
_OLD_POSTS = "SELECT * FROM posts WHERE rowid IN (SELECT r FROM _rows)"
KEYS = [f"instagram:{i}" for i in range(5)] + [f"instagram:url:https://instagram.com/p/{i}" for i in range(3)]  # fmt: skip
T = dt.datetime(2026, 10, 1, 8, 0)


def _old_posts(con, keys: pl.DataFrame) -> pl.DataFrame:
    con.register("_affected", keys.select("post_key").unique().to_arrow())
    try:
        return recompute._by_rows(con, _OLD_POST_ROWS, _OLD_POSTS)
    finally:
        con.unregister("_affected")


def _old_live(con, keys: pl.DataFrame) -> pl.DataFrame:
    con.register("_affected", keys.select("post_key").unique().to_arrow())
    try:
        return recompute._by_rows(con, _OLD_OBS_ROWS, _OLD_LIVE).drop("key_hash")
    finally:
        con.unregister("_affected")


_ROW = st.tuples(
    st.integers(1, 3),  # load_id
    st.sampled_from(KEYS),
    NUMBERING,
)


def _sorted(df: pl.DataFrame) -> list[dict]:
    return sorted(df.to_dicts(), key=repr)


@settings(max_examples=60, deadline=None)
@given(
    posts=st.lists(_ROW, max_size=10),
    obs=st.lists(_ROW, max_size=14),
    undone=st.sets(st.integers(1, 3)),
    asked=st.lists(st.sampled_from([*KEYS, "instagram:baru"]), min_size=1, max_size=6),
)
def test_rows_read_equal_the_old_scans(posts, obs, undone, asked):
    con = connect(":memory:")
    try:
        loads_written(con, 3, undone, lambda i: "logbook" if i == 3 else "meta_instagram_csv")
        for j, (load_id, key, how) in enumerate(posts):
            key, number = stored(key, how, f"instagram:lain:{j}")
            con.execute(
                "INSERT INTO posts (post_key, opd_id, platform, published_at, load_id,"
                " first_load_id, observed_at, views, key_hash) VALUES (?, 1, 'instagram', ?, ?,"
                " ?, ?, ?, ?)",
                [key, T, load_id, load_id, T, j, number],
            )
        for j, (load_id, key, how) in enumerate(obs):
            key, number = stored(key, how, f"instagram:lain:{j}")
            con.execute(
                "INSERT INTO post_observation (load_id, post_key, opd_id, platform, published_at,"
                " observed_at, views, key_hash) VALUES (?, ?, 1, 'instagram', ?, ?, ?, ?)",
                [load_id, key, T, T, j, number],
            )
        keys = pl.DataFrame({"post_key": asked})
        assert _sorted(recompute.old_posts(con, keys)) == _sorted(_old_posts(con, keys))
        assert _sorted(recompute.live_observations(con, keys)) == _sorted(_old_live(con, keys))
    finally:
        con.close()


def _unnumbered(con) -> list[tuple]:
    return con.execute(
        "SELECT 'posts', count(*) FROM posts WHERE key_hash IS DISTINCT FROM"
        " md5_number_lower(post_key) UNION ALL SELECT 'obs', count(*) FROM post_observation"
        " WHERE key_hash IS DISTINCT FROM md5_number_lower(post_key) ORDER BY 1"
    ).fetchall()


def test_every_row_a_load_writes_carries_its_number(tmp_path):
    master, exports = sample_files()
    con = connect(tmp_path / "w.duckdb")
    try:
        load_master(con, master)
        load_paths(con, [exports / "instagram", exports / "logbook"])
        n = con.execute("SELECT count(*) FROM posts").fetchall()[0][0]
        assert n > 1000
        rows = con.execute("SELECT post_key, key_hash FROM posts").fetchall()
        assert all(h == md5_lower(k) for k, h in rows)
        assert _unnumbered(con) == [("obs", 0), ("posts", 0)]
        # A posts row rewritten (its load undone: the posts of its keys recomputed from the
        # other loads' observations) keeps its number.
        (shared,) = con.execute(
            "SELECT min(load_id) FROM post_observation WHERE post_key IN (SELECT post_key"
            " FROM post_observation GROUP BY 1 HAVING count(DISTINCT load_id) > 1)"
        ).fetchall()[0]
        mine = "SELECT count(*) FROM posts WHERE first_load_id = ?"
        assert con.execute(mine, [shared]).fetchall()[0][0] > 0
        undo_load(con, shared)
        assert con.execute(mine, [shared]).fetchall()[0][0] == 0  # rewritten from the others
        assert _unnumbered(con) == [("obs", 0), ("posts", 0)]
    finally:
        con.close()


def test_the_migration_numbers_an_older_warehouses_rows(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    with before_migration(path, monkeypatch, 360) as con:
        loads_written(con, 1, set(), lambda i: None)
        for key in KEYS[:3]:
            con.execute(
                "INSERT INTO posts (post_key, opd_id, platform, published_at, load_id,"
                " first_load_id, observed_at) VALUES (?, 1, 'instagram', ?, 1, 1, ?)",
                [key, T, T],
            )
            con.execute(
                "INSERT INTO post_observation (load_id, post_key, opd_id, platform, published_at,"
                " observed_at) VALUES (1, ?, 1, 'instagram', ?, ?)",
                [key, T, T],
            )
    con = connect(path)
    try:
        got = con.execute("SELECT post_key, key_hash FROM posts ORDER BY 1").fetchall()
        assert got == sorted((k, md5_lower(k)) for k in KEYS[:3])
        assert _unnumbered(con) == [("obs", 0), ("posts", 0)]
    finally:
        con.close()


def test_a_restored_older_snapshot_is_numbered(tmp_path):
    from warehouse import backup

    master, exports = sample_files()
    con = connect(tmp_path / "w.duckdb")
    try:
        load_master(con, master)
        load_paths(con, [exports / "instagram" / "Dinsos"])
        snap = backup.before(con, "manual")
        assert snap is not None
        con.close()
        old = connect(snap.path)  # as a snapshot taken before the numbers existed
        old.execute("UPDATE posts SET key_hash = NULL")
        old.execute("UPDATE post_observation SET key_hash = NULL")
        old.execute("UPDATE post_link SET link_hash = NULL")
        old.close()
        con = connect(tmp_path / "w.duckdb")
        backup.restore(con, snap.path)
        assert _unnumbered(con) == [("obs", 0), ("posts", 0)]
        assert con.execute(
            "SELECT count(*) FROM post_link WHERE link_hash IS DISTINCT FROM"
            " md5_number_lower(link_key)"
        ).fetchall() == [(0,)]
    finally:
        con.close()


def test_the_reads_scan_numbers_not_keys():
    """The statements finding the rows filter on key_hash (the point of migration 360)."""
    con = connect(":memory:")
    try:
        spy = Statements(con)
        keys = pl.DataFrame({"post_key": ["k"]})
        recompute.old_posts(spy, keys)  # type: ignore[arg-type]
        recompute.live_observations(spy, keys)  # type: ignore[arg-type]
        firsts = [q for q in spy.seen if "rowid AS r" in q]
        assert len(firsts) == 2
        assert all("key_hash IN" in q and "post_key IN" not in q for q in firsts)
    finally:
        con.close()
