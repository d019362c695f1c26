"""A folder load labels its posts (content type, campaign links) once, after its last file
(etl.label_passes.label_batch); the warehouse it leaves is exactly the one that labelling file by file
leaves, and posts a stopped folder load left unlabelled are labelled by the next one."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from etl.campaigns import save_campaign
from etl.label_passes import label_batch
from etl.load import load_tables
from etl.master import load_master
from etl.recompute import pending_label_loads
from tests.factory import ig_post, sha, table, write_master
from warehouse.db import connect

pytestmark = pytest.mark.with_labels

OCT25 = dt.datetime(2026, 10, 25, 9, 0)
OCT28 = dt.datetime(2026, 10, 28, 9, 0)


def _files() -> list[tuple[str, list]]:
    """Three files, each later one changing posts an earlier one wrote: a logbook naming an
    export's post (its label and a caption), then a re-export with another caption and more
    likes. Captions that a campaign and the rules pick up."""
    logbook = {
        "platform": "instagram",
        "opd_hint": "Dinkes",
        "published_at": dt.datetime(2026, 10, 1, 8, 1),
        "caption": "Selamat Hari Guru Nasional #SukamajuSehat",
        "permalink": "instagram.com/p/ABC1?igsh=xyz",
        "logbook_label": "Ucapan",
    }
    first = [ig_post(1, caption=None), ig_post(2, "Posyandu balita #SukamajuSehat"), ig_post(3)]
    again = [ig_post(2, "Vaksinasi anak sekolah", likes=40), ig_post(4, "Rapat koordinasi")]
    return [
        ("ig_okt.csv", [table(first, exported_at=OCT25)]),
        ("rekap.xlsx", [table([logbook], fmt="logbook", platform=None)]),
        ("ig_okt_ulang.csv", [table(again, exported_at=OCT28)]),
    ]


def _new(tmp_path, name: str):
    con = connect(":memory:")
    load_master(con, write_master(tmp_path / f"{name} Daftar Akun Medsos OPD.xlsx"))
    save_campaign(con, "Sukamaju Sehat", start_date=None, end_date=None,
                  hashtags="#SukamajuSehat", keywords="vaksinasi")  # fmt: skip
    return con


def _state(con) -> dict[str, pl.DataFrame]:
    return {
        "posts": con.sql("SELECT * FROM posts ORDER BY post_key").pl(),
        "post_campaign": con.sql("SELECT * FROM post_campaign ORDER BY ALL").pl(),
    }


def _same(a: dict[str, pl.DataFrame], b: dict[str, pl.DataFrame]) -> None:
    for name in a:
        assert a[name].equals(b[name]), name


def test_batch_labels_equal_labels_file_by_file(tmp_path):
    batch, single = _new(tmp_path, "a"), _new(tmp_path, "b")
    labels: set[int] = set()
    for name, tables in _files():
        rb = load_tables(batch, tables, file_name=name, sha256=sha(name), labels=labels)
        rs = load_tables(single, tables, file_name=name, sha256=sha(name))
        assert rb.status == rs.status == "loaded", (rb.error, rs.error)
        assert (rb.new, rb.updated, rb.duplicate) == (rs.new, rs.updated, rs.duplicate)
    assert labels and pending_label_loads(batch)  # nothing labelled before the batch ends
    label_batch(batch, labels)
    assert pending_label_loads(batch) == []
    got = _state(batch)
    assert got["posts"]["content_type"].null_count() == 0
    assert got["posts"]["logbook_label"].drop_nulls().len() == 1
    assert got["post_campaign"].height >= 1
    _same(got, _state(single))

    # A folder load stopped after committing its files, before its labels: the next batch
    # (or the app's next start) labels those posts, to the same labels.
    batch.execute("UPDATE posts SET content_type = NULL, content_source = NULL")
    batch.execute("DELETE FROM post_campaign")
    label_batch(batch, [])
    _same(_state(batch), got)
    batch.close()
    single.close()


def test_a_failed_file_adds_no_loads_to_the_batch(tmp_path):
    con = _new(tmp_path, "a")
    labels: set[int] = set()
    bad = table([ig_post(1, handle="akun.tak.dikenal")])
    r = load_tables(con, [bad], file_name="x.csv", sha256=sha("x"), labels=labels)
    assert r.status == "failed" and labels == set()
    con.close()
