"""A folder load's batch inserts its posts labelled and makes their campaign links in its own
transaction (etl.load_batch): the labelling pass after the insert finds nothing left to label,
the warehouse equals the one labelling after the insert leaves (the old way, kept here as the
reference: the insert's labels switched off, so the pass labels every post by an UPDATE), and a
conflict in the batch's labelling rolls the batch back: its files load again one by one and
end labelled, with their campaign links, as without the conflict."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

import etl.load_batch
import etl.recompute
from etl.bootstrap import sample_files
from etl.campaigns import save_campaign
from etl.load_folder import load_paths
from etl.master import load_master
from etl.recompute import pending_label_loads
from tests.etl_load.test_parse_ahead import _folder
from warehouse.db import SQL_DIR, connect

pytestmark = pytest.mark.with_labels

CHECKS = [
    (SQL_DIR / "checks" / f"{name}_matches_posts.sql").read_text(encoding="utf-8")
    for name in (
        "post_day_count",
        "post_content_month",
        "post_content_day",
        "post_format_month",
        "post_top_month",
    )
]
# What a post's label and links are; load ids differ between a rolled-back batch and none.
_POSTS = "SELECT * EXCLUDE (load_id, first_load_id) FROM posts ORDER BY post_key"
_TABLES = {
    "posts": _POSTS,
    "post_campaign": "SELECT * FROM post_campaign ORDER BY ALL",
    "post_content_month": "SELECT * FROM post_content_month ORDER BY ALL",
}


def _warehouse(tmp_path, name: str) -> duckdb.DuckDBPyConnection:
    master, _ = sample_files()
    con = connect(tmp_path / f"{name}.duckdb")
    load_master(con, master)
    # Terms the sample's captions hold, so the links are many.
    save_campaign(con, "Uji", start_date=None, end_date=None, hashtags=None,
                  keywords="selamat, kegiatan, rapat")  # fmt: skip
    return con


def _state(con) -> dict[str, pl.DataFrame]:
    return {name: con.sql(sql).pl() for name, sql in _TABLES.items()}


def _same(a: dict[str, pl.DataFrame], b: dict[str, pl.DataFrame]) -> None:
    for name in a:
        assert a[name].equals(b[name]), name


def _labelled_by_update(monkeypatch) -> list[int]:
    """Rows each labelling pass wrote by an UPDATE of posts (etl.classify.store)."""
    import etl.classify.store as store

    rows, real = [], store._write_labels

    def spy(con, posts, *a):
        rows.append(posts.height)
        return real(con, posts, *a)

    monkeypatch.setattr(store, "_write_labels", spy)
    return rows


@pytest.mark.parametrize("batch_files", [48, 2])
def test_batch_inserts_labelled_posts_equal_to_labelling_after(tmp_path, monkeypatch, batch_files):
    monkeypatch.setattr(etl.load_batch, "MAX_FILES", batch_files)
    folder = _folder(tmp_path)
    updated = _labelled_by_update(monkeypatch)
    new = _warehouse(tmp_path, "new")
    reports = load_paths(new, [folder])
    assert [r.status for r in reports].count("loaded") == 4
    assert not any("Label" in n for r in reports for n in r.notes)
    assert sum(updated) == 0  # every post went in labelled
    assert pending_label_loads(new) == []
    got = _state(new)
    assert got["post_campaign"].height > 10

    # The old way: posts inserted bare, then labelled by the pass's UPDATE.
    monkeypatch.setattr("etl.classify.fresh.with_labels", lambda con, fresh, ids: fresh)
    old = _warehouse(tmp_path, "old")
    load_paths(old, [folder])
    assert sum(updated) == got["posts"].height
    _same(got, _state(old))
    sql = "SELECT * FROM posts ORDER BY post_key"
    assert new.sql(sql).pl().equals(old.sql(sql).pl())  # load ids too: no batch rolled back
    for check in CHECKS:
        assert new.sql(check).pl().height == 0
    new.close()
    old.close()


def test_a_conflict_in_the_batch_labels_rolls_it_back(tmp_path, monkeypatch):
    monkeypatch.setattr(etl.load_batch, "MAX_FILES", 2)
    folder = _folder(tmp_path)
    plain = _warehouse(tmp_path, "plain")
    load_paths(plain, [folder])
    want = _state(plain)

    real, calls = etl.recompute.label, []

    def label(con, load_ids):  # the first batch's labelling meets another writer
        calls.append(sorted(load_ids))
        if len(calls) == 1:
            raise duckdb.TransactionException("TransactionContext Error: Conflict on update!")
        real(con, load_ids)

    monkeypatch.setattr(etl.recompute, "label", label)
    con = _warehouse(tmp_path, "conflict")
    reports = load_paths(con, [folder])
    assert [r.status for r in reports].count("loaded") == 4
    assert not any("Label" in n for r in reports for n in r.notes)
    # The rolled-back batch's files went in one transaction each, their posts bare, and were
    # labelled after the last file with their campaign links.
    assert pending_label_loads(con) == []
    _same(_state(con), want)
    for check in CHECKS:
        assert con.sql(check).pl().height == 0
    con.close()
    plain.close()
