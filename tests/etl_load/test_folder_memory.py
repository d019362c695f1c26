"""What bounds a folder load's memory changes no figure: labels computed in passes of whole
loads (etl.label_passes) equal one pass, and the reports' row-by-row previews are dropped
once their batch is done unless asked for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from etl.label_passes import label_passes
from etl.load_folder import load_paths
from etl.master import load_master
from tests.factory import IG_EXPORT_START as IG_HEADER
from tests.factory import write_master
from warehouse import settings
from warehouse.db import connect

CAPTIONS = [
    "Selamat Hari Guru Nasional 2026, terima kasih para guru",
    "Pelayanan imunisasi balita di Puskesmas Sukamaju setiap Selasa",
    "Rapat koordinasi penanganan stunting bersama kecamatan",
    "Klarifikasi: informasi pungutan vaksin tidak benar, layanan gratis",
    "Capaian 2026: 95% desa sudah punya posyandu aktif",
    "Selamat Idul Fitri 1447 H, mohon maaf lahir dan batin",
    "Jadwal layanan KTP keliling di Desa Mekarsari pekan ini",
    "Kunjungan Bupati ke pasar tradisional",
]
LABEL_COLUMNS = ("post_key", "content_type", "content_source", "content_reason",
                 "is_figure_centric", "figure_reason", "logbook_content_type")  # fmt: skip


def _folder(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    for f, (month, end) in enumerate((("Jul", 31), ("Aug", 31), ("Sep", 30), ("Oct", 31))):
        m = {"Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10}[month]
        rows = [
            f"{f}{i:03d},5300{f},kec.sukamaju,Kecamatan Sukamaju,"
            f'"{CAPTIONS[(i + f) % len(CAPTIONS)]} #{i}",0,{m:02d}/{1 + i % 28:02d}/2026 08:30,'
            f"https://www.instagram.com/p/K{f}x{i}/,IG image,,Lifetime,10,9,8,1,0,2,1\n"
            for i in range(3 + 2 * f)
        ]
        name = f"{month}-01-2026_{month}-{end}-2026_53000000000{f}.csv"
        (folder / name).write_text(IG_HEADER + "".join(rows), encoding="utf-8")
    return folder


def _labels(tmp_path, name, folder):
    con = connect(tmp_path / f"{name}.duckdb")
    try:
        load_master(con, write_master(tmp_path / f"{name}.xlsx"))
        reports = load_paths(con, [folder])
        assert [r.status for r in reports] == ["loaded"] * 4, [r.error for r in reports]
        cols = ", ".join(LABEL_COLUMNS)
        return con.execute(f"SELECT {cols} FROM posts ORDER BY post_key").fetchall()
    finally:
        con.close()


@pytest.mark.with_labels
def test_labels_in_passes_equal_labels_in_one_pass(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    whole = _labels(tmp_path, "whole", folder)
    monkeypatch.setattr(settings, "LABEL_PASS_POSTS", 4)
    passes = _labels(tmp_path, "passes", folder)
    assert len(whole) == 3 + 5 + 7 + 9
    assert len({r[1] for r in whole}) >= 3, whole  # the captions are of several kinds
    assert all(r[1] is not None for r in passes), "a post left unlabelled"
    assert passes == whole


@hsettings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=0, max_size=12), st.integers(1, 40))
def test_passes_keep_every_load_in_order_within_the_bound(sizes, bound):
    class Con:  # the one query label_passes asks: posts per load
        def execute(self, sql, params):
            assert "FROM posts" in sql and not params["all"]
            self.rows = [(i, n) for i, n in enumerate(sizes) if n and i in params["ids"]]
            return self

        def fetchall(self):
            return self.rows

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(settings, "LABEL_PASS_POSTS", bound)
        got = label_passes(Con(), list(range(len(sizes))))
    assert [i for p in got for i in p] == list(range(len(sizes)))
    for p in got:
        total = sum(sizes[i] for i in p)
        assert total <= bound or len([i for i in p if sizes[i]]) == 1, (p, total)


@pytest.mark.with_labels
def test_relabelling_every_post_in_passes_equals_one_pass(tmp_path, monkeypatch):
    from etl.classify import classify_posts

    con = connect(tmp_path / "w.duckdb")
    try:
        load_master(con, write_master(tmp_path / "m.xlsx"))
        assert [r.status for r in load_paths(con, [_folder(tmp_path)])] == ["loaded"] * 4
        cols = ", ".join(LABEL_COLUMNS)
        read = f"SELECT {cols} FROM posts ORDER BY post_key"
        months = "SELECT * FROM post_content_month ORDER BY ALL"
        whole, whole_months = con.execute(read).fetchall(), con.execute(months).fetchall()
        con.execute("UPDATE posts SET content_type = NULL, content_reason = NULL")
        monkeypatch.setattr(settings, "LABEL_PASS_POSTS", 4)
        assert classify_posts(con, None) == len(whole) == 24
        assert con.execute(read).fetchall() == whole
        assert con.execute(months).fetchall() == whole_months
    finally:
        con.close()


def test_a_folder_load_keeps_no_copy_of_its_rows_unless_asked(tmp_path):
    folder = _folder(tmp_path)
    got = {}
    for keep in (False, True):
        con = connect(tmp_path / f"{keep}.duckdb")
        try:
            load_master(con, write_master(tmp_path / f"{keep}.xlsx"))
            got[keep] = load_paths(con, [folder], previews=keep)
        finally:
            con.close()
    assert [r.preview for r in got[False]] == [None] * 4
    # Aug, Jul, Oct, Sep: the files in name order
    assert [r.preview.height for r in got[True]] == [5, 3, 9, 7]
    keys = ("file", "new", "updated", "duplicate", "status", "assumptions", "notes")
    for a, b in zip(got[False], got[True], strict=True):
        assert [getattr(a, k) for k in keys] == [getattr(b, k) for k in keys]


@pytest.mark.with_labels
def test_each_labelling_pass_commits_on_its_own(tmp_path, monkeypatch):
    """Posts a folder load left unlabelled (a stop, or a batch replayed file by file) are
    labelled by label_batch in passes, each committed on its own."""
    import duckdb

    from etl import recompute
    from etl.label_passes import label_batch
    from etl.recompute import pending_label_loads

    real, calls = recompute.label, []

    def second_pass_conflicts(con, load_ids):
        calls.append(sorted(load_ids))
        if len(calls) == 2:
            raise duckdb.TransactionException("Conflict on update")
        real(con, load_ids)

    monkeypatch.setattr(settings, "LABEL_PASS_POSTS", 4)
    con = connect(tmp_path / "w.duckdb")
    try:
        load_master(con, write_master(tmp_path / "m.xlsx"))
        with monkeypatch.context() as m:  # a folder load stopped before its labels
            m.setattr("etl.recompute.label", lambda con, load_ids: None)
            m.setattr("etl.classify.fresh.with_labels", lambda con, fresh, ids: fresh)
            load_paths(con, [_folder(tmp_path)])
        assert pending_label_loads(con) == [1, 2, 3, 4]
        monkeypatch.setattr("etl.recompute.label", second_pass_conflicts)
        assert "sedang diubah proses lain" in (label_batch(con, []) or "")
        assert calls == [[1], [2]]  # one load a pass; the second failed, so it stopped
        # The first pass stayed committed; the others wait for the next load or start.
        assert pending_label_loads(con) == [2, 3, 4]
        labelled = con.execute(
            "SELECT DISTINCT load_id FROM posts WHERE content_type IS NOT NULL"
        ).fetchall()
        assert labelled == [(1,)]
    finally:
        con.close()
