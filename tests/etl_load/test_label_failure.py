"""A folder's labels that could not be computed are never silent: label_batch says why, every
loaded file's report and the CLI carry it, the first start retries and then refuses, and the
test sample is built where no test's patch reaches it (the labeller the loader tests switch
off once built the shared sample without a single label)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl import bootstrap
from etl.bootstrap import SampleDataError, ensure_warehouse
from etl.cli import main
from etl.label_passes import label_batch
from etl.load_folder import load_paths
from etl.master import load_master
from etl.recompute import pending_label_loads
from tests import factory
from warehouse import label_health, settings
from warehouse.db import connect

SAMPLE = settings.SAMPLE_DATA_DIR
# Two small bundled exports of two OPDs: a real parse and a real label, in a second or two.
FILES = (
    "facebook/Bag_Kesra/Sep-01-2026_Nov-20-2026_3945164670359500.csv",
    "facebook/Dishub/Dec-01-2025_Feb-28-2026_2184330648535812.csv",
)


@pytest.fixture
def root(tmp_path) -> Path:
    """A sample folder: the bundled master list and two of its exports."""
    r = tmp_path / "contoh"
    master, _ = bootstrap.sample_files(SAMPLE)
    assert master is not None
    (r / "exports").mkdir(parents=True)
    shutil.copy(master, r / master.name)
    for f in FILES:  # the folder names an account's OPD, as in sample_data/
        (r / "exports" / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE / "exports" / f, r / "exports" / f)
    return r


def _conflict(con, load_ids):
    raise duckdb.TransactionException("TransactionContext Error: Conflict on update!")


def _count_calls(monkeypatch, fail_first: int) -> list[int]:
    """etl.recompute.label failing with a write conflict its first `fail_first` calls, then
    the real labeller; the returned list grows by one per call."""
    from etl import recompute

    real, calls = recompute.label, []

    def label(con, load_ids):
        calls.append(1)
        if len(calls) <= fail_first:
            _conflict(con, load_ids)
        real(con, load_ids)

    monkeypatch.setattr("etl.recompute.label", label)
    monkeypatch.setattr(bootstrap, "_RETRY_SECONDS", 0.0)
    return calls


def _loaded(tmp_path, root: Path):
    con = connect(tmp_path / "w.duckdb")
    load_master(con, next(root.glob("Daftar Akun*.xlsx")))
    return con


def test_a_failed_labelling_is_reported_and_the_loads_stay(tmp_path, root, monkeypatch):
    monkeypatch.setattr("etl.recompute.label", _conflict)
    con = _loaded(tmp_path, root)
    reports = load_paths(con, [root / "exports"])
    assert [r.status for r in reports] == ["loaded", "loaded"]
    for r in reports:  # each loaded file says its labels wait, and why
        note = r.notes[-1]
        assert note.startswith("Label jenis konten belum dihitung") and note in r.summary()
        assert "diubah proses lain" in note
    assert sorted(pending_label_loads(con)) == sorted(r.load_id for r in reports)
    assert "belum berlabel" in " ".join(label_health.problems(con))

    # Another writer done: the next batch labels the posts left waiting.
    monkeypatch.undo()
    assert label_batch(con, []) is None
    assert pending_label_loads(con) == [] and label_health.problems(con) == []
    con.close()


def test_labelling_that_skips_posts_is_reported(tmp_path, root, monkeypatch):
    """No error, yet posts left unlabelled (a labeller that did nothing): still reported."""
    monkeypatch.setattr("etl.recompute.label", lambda con, load_ids: None)
    con = _loaded(tmp_path, root)
    reports = load_paths(con, [root / "exports"])
    assert [r.status for r in reports] == ["loaded", "loaded"]
    assert all("2 muatan masih punya postingan tanpa label" in r.notes[-1] for r in reports)
    con.close()
    # A first start with such a labeller refuses, after its tries, instead of a warehouse of
    # unlabelled posts (what the test sample once was).
    monkeypatch.setattr(bootstrap, "_RETRY_SECONDS", 0.0)
    with pytest.raises(SampleDataError, match="tanpa label"):
        ensure_warehouse(tmp_path / "first.duckdb", root=root)


def test_cli_load_warns_and_exits_1_when_labels_fail(tmp_path, root, monkeypatch, capsys):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    assert main(["--db", str(db), "opd", str(next(root.glob("Daftar Akun*.xlsx")))]) == 0
    monkeypatch.setattr("etl.recompute.label", _conflict)
    assert main(["--db", str(db), "load", str(root / "exports")]) == 1
    out = capsys.readouterr()
    assert "Peringatan: Label jenis konten belum dihitung" in out.err
    assert out.out.count("[DIMUAT]") == 2  # the loads themselves went in


@pytest.mark.with_labels
def test_first_start_retries_a_conflict_then_labels(tmp_path, root, monkeypatch):
    # The batch's try (rolled back, files loaded one by one) and the folder's labelling after
    # them fail; the start's first retry labels.
    calls = _count_calls(monkeypatch, fail_first=2)
    db = tmp_path / "w.duckdb"
    assert ensure_warehouse(db, root=root) is True
    assert len(calls) == 3
    con = connect(db)
    assert label_health.problems(con) == []
    assert con.execute("SELECT count(*) FROM rule_set").fetchall() == [(1,)]
    con.close()


@pytest.mark.with_labels
def test_first_start_refuses_posts_it_cannot_label(tmp_path, root, monkeypatch):
    calls = _count_calls(monkeypatch, fail_first=99)
    db = tmp_path / "w.duckdb"
    with pytest.raises(SampleDataError, match="Label jenis konten postingan gagal dihitung"):
        ensure_warehouse(db, root=root)
    # The batch's own try (rolled back: its files loaded again one by one, their posts left
    # unlabelled), the folder's labelling after its last file, then the start's tries.
    assert len(calls) == 2 + bootstrap.LABEL_TRIES
    # The next start (existing warehouse) tries again; once labelling works it goes on.
    with pytest.raises(SampleDataError, match="diubah proses lain"):
        ensure_warehouse(db, root=root)
    monkeypatch.undo()
    assert ensure_warehouse(db, root=root) is False
    con = connect(db)
    assert label_health.problems(con) == []
    con.close()


def test_the_sample_is_built_where_no_test_patch_reaches(tmp_path, root, monkeypatch):
    """The root cause: this folder's autouse fixture makes labelling a no-op in this process
    (tests/etl_load/conftest.py), and a test here was the first to ask for the sample, which
    was then built in this process without labels and cached for every test. The factory
    builds in its own interpreter, so the patch here cannot reach the build."""
    from etl import recompute

    assert recompute.label(None, [1]) is None  # the patch is active in this process
    monkeypatch.setenv("PANTAU_BOOTSTRAP", "0")  # nor does a setting a test made
    db = tmp_path / "built.duckdb"
    factory._build(db, root)
    assert factory.sample_problems(db) == []


def test_sample_check_catches_an_unlabelled_warehouse(tmp_path, root, monkeypatch):
    """What the factory refuses to cache or to hand out: the shape of the bad sample (loads
    in, no rule set, no model, every post without content type)."""
    monkeypatch.setattr("etl.recompute.label", lambda con, load_ids: None)
    con = _loaded(tmp_path, root)
    load_paths(con, [root / "exports"])
    con.close()
    found = factory.sample_problems(tmp_path / "w.duckdb")
    assert any("rule_set kosong" in p for p in found)
    assert any("model aktif" in p for p in found)
    assert any("belum berlabel" in p for p in found)


@pytest.mark.with_labels
def test_sample_check_catches_content_counts_unequal_to_a_recount(tmp_path, root):
    db = tmp_path / "w.duckdb"
    assert ensure_warehouse(db, root=root) is True
    assert factory.sample_problems(db) == []
    con = connect(db)
    con.execute(
        "UPDATE post_content_month SET posts = posts + 1"
        " WHERE rowid = (SELECT min(rowid) FROM post_content_month)"
    )
    con.close()
    assert any("post_content_month" in p for p in factory.sample_problems(db))
