"""post_link's link_hash (migration 320): etl.keys.adopt_known_keys finds the rows to compare by
scanning the numbers, not every link key. The keys a file adopts are exactly those the old
statement (a scan of link_key itself, kept below word for word) adopted: on random post_link
contents with live and undone loads, rows written without a number, and rows whose number
belongs to another key (as two keys sharing a number would). Every link a load writes carries
its number, the migration numbers the links an older warehouse holds, and the number is MD5's
(fixed by its standard, not by a DuckDB version)."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import etl.keys
from etl.bootstrap import sample_files
from etl.keys import adopt_known_keys
from etl.load_folder import load_paths
from etl.master import load_master
from tests.etl_load.numbered import (
    NUMBERING,
    Statements,
    before_migration,
    loads_written,
    md5_lower,
    stored,
)
from warehouse.db import connect

# The statement adopt_known_keys ran before migration 320 (its first query), kept as reference.
_OLD_ROWS = "SELECT rowid AS r FROM post_link WHERE link_key IN (SELECT link_key FROM _probe)"
KEYS = [f"instagram:{i}" for i in range(6)] + [f"instagram:url:https://instagram.com/p/{i}" for i in range(4)]  # fmt: skip


def _old_first(query: str) -> str:
    """The old first statement in place of the new one."""
    return _OLD_ROWS if "FROM post_link WHERE" in query and "rowid AS r" in query else query


_LINK = st.tuples(
    st.integers(1, 4),  # load_id
    st.integers(0, 5),  # post number
    st.sampled_from(KEYS),  # link_key
    NUMBERING,
)
_FILE = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(0, 5)), st.one_of(st.none(), st.integers(0, 3))),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(links=st.lists(_LINK, max_size=14), undone=st.sets(st.integers(1, 4)), rows=_FILE)
def test_adopted_keys_equal_the_old_scan(links, undone, rows):
    con = connect(":memory:")
    try:
        loads_written(con, 4, undone, lambda i: None)
        for j, (load_id, post, key, how) in enumerate(links):
            link, number = stored(key, how, f"instagram:url:https://instagram.com/lain/{j}")
            con.execute(
                "INSERT INTO post_link (load_id, post_key, link_key, link_hash) VALUES (?, ?, ?, ?)",
                [load_id, f"instagram:post{post}", link, number],
            )
        df = pl.DataFrame(
            {
                "native_key": [None if n is None else f"instagram:{n}" for n, _ in rows],
                "url_key": [
                    None if u is None else f"instagram:url:https://instagram.com/p/{u}"
                    for _, u in rows
                ],
                "post_key": [f"new{i}" for i in range(len(rows))],
            },
            schema={"native_key": pl.String, "url_key": pl.String, "post_key": pl.String},
        )
        new = adopt_known_keys(con, df)
        old = adopt_known_keys(Statements(con, _old_first), df)
        assert new.to_dicts() == old.to_dicts()
    finally:
        con.close()


def test_the_number_is_md5s():
    con = connect(":memory:")
    try:
        for key in [*KEYS, "", "youtube:url:https://youtu.be/é日本", "x:1" * 300]:
            (got,) = con.execute("SELECT md5_number_lower(?)", [key]).fetchall()[0]
            assert got == md5_lower(key), key
    finally:
        con.close()


def test_every_link_a_load_writes_carries_its_number(tmp_path):
    master, exports = sample_files()
    con = connect(tmp_path / "w.duckdb")
    try:
        load_master(con, master)
        load_paths(con, [exports / "instagram", exports / "logbook"])
        keys = con.execute("SELECT link_key, link_hash FROM post_link").fetchall()
        assert len(keys) > 100
        assert all(h == md5_lower(k) for k, h in keys)
    finally:
        con.close()


def test_the_migration_numbers_an_older_warehouses_links(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    with before_migration(path, monkeypatch, 320) as con:
        loads_written(con, 2, set(), lambda i: None)
        con.execute(
            "INSERT INTO post_link (load_id, post_key, link_key) VALUES (1, 'a', ?), (2, 'b', ?)",
            [KEYS[0], KEYS[7]],
        )
    con = connect(path)
    try:
        got = con.execute("SELECT link_key, link_hash FROM post_link ORDER BY 1").fetchall()
        assert got == sorted((k, md5_lower(k)) for k in (KEYS[0], KEYS[7]))
    finally:
        con.close()


def test_the_probe_reads_numbers_not_link_keys():
    """The first statement filters on link_hash (the point of migration 320)."""
    con = connect(":memory:")
    try:
        spy = Statements(con)
        df = pl.DataFrame({"native_key": ["instagram:1"], "url_key": [None], "post_key": ["k"]},
                          schema={"native_key": pl.String, "url_key": pl.String,
                                  "post_key": pl.String})  # fmt: skip
        etl.keys.adopt_known_keys(spy, df)  # type: ignore[arg-type]
        assert "link_hash IN" in spy.seen[0] and "link_key IN" not in spy.seen[0]
    finally:
        con.close()
