"""load_file / load_paths plumbing (bytes or path, sha256, parser rejection, progress), with the
parser replaced by a stub so these tests do not depend on any export format."""

from __future__ import annotations

import hashlib
import sys
import types

import pytest

from etl.load import load_file
from etl.load_folder import load_paths
from etl.schema import FileRejected
from tests.factory import ig_post, table


@pytest.fixture
def stub_parse(monkeypatch):
    calls = []

    def parse_file(path, *, data=None, file_name=None, column_map=None, format_hint=None, **_):
        calls.append((str(path), file_name, column_map, format_hint))
        text = data.decode()
        if text.startswith("rusak"):
            raise FileRejected(f"Berkas {file_name}: kolom wajib tidak ditemukan (Publish time).")
        if text.startswith("bug"):
            raise ValueError("parser bug")
        n = int(text.split()[0])
        return [table([ig_post(i) for i in range(n)])]

    monkeypatch.setitem(sys.modules, "etl.parse", types.SimpleNamespace(parse_file=parse_file))
    # the loader parses through the bounded child (etl.sandbox): stub that entry too
    monkeypatch.setitem(sys.modules, "etl.sandbox", types.SimpleNamespace(parse_file=parse_file))
    return calls


def test_bytes_from_the_upload_page_dry_run_then_load(master_con, stub_parse):
    raw = b"3 posts"
    preview = load_file(master_con, "ig.csv", data=raw, file_name="ig.csv", dry_run=True,
                        column_map={"Judul": "caption"}, format_hint="meta_instagram")  # fmt: skip
    assert (preview.status, preview.new, preview.load_id) == ("loaded", 3, None)
    assert preview.preview is not None and preview.preview.height == 3
    assert stub_parse[0] == ("ig.csv", "ig.csv", {"Judul": "caption"}, "meta_instagram")
    assert master_con.execute("SELECT count(*) FROM loads").fetchall()[0] == (0,)
    done = load_file(master_con, "ig.csv", data=raw, file_name="ig.csv", loaded_by="Rina")
    assert (done.status, done.new) == ("loaded", 3)
    assert master_con.execute("SELECT sha256, file_path, loaded_by FROM loads").fetchall() == [
        (hashlib.sha256(raw).hexdigest(), None, "Rina")
    ]
    # Already loaded: skipped without parsing again.
    n_calls = len(stub_parse)
    again = load_file(master_con, "ig (1).csv", data=raw, file_name="ig (1).csv", dry_run=True)
    assert again.status == "skipped" and len(stub_parse) == n_calls


def test_parser_rejection_and_parser_bug_fail_the_file_only(master_con, stub_parse, tmp_path):
    (tmp_path / "a.csv").write_bytes(b"2 posts")
    (tmp_path / "b.csv").write_bytes(b"rusak")
    (tmp_path / "c.csv").write_bytes(b"bug")
    (tmp_path / "d.csv").write_bytes(b"1 post")
    assert (tmp_path / "Daftar Akun Medsos OPD.xlsx").exists()  # beside them: not an export
    seen = []
    reports = load_paths(master_con, [tmp_path], progress=lambda i, n, p: seen.append((i, n)))
    assert [r.status for r in reports] == ["loaded", "failed", "failed", "loaded"]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert reports[1].error == "Berkas b.csv: kolom wajib tidak ditemukan (Publish time)."
    # an unexpected parser error is named in Bahasa Indonesia; its English text goes to the log
    assert "c.csv" in reports[2].error and "kesalahan tak terduga" in reports[2].error
    assert "parser bug" not in reports[2].error and "ValueError" not in reports[2].error
    rows = master_con.execute(
        "SELECT file_name, status, file_path IS NOT NULL FROM loads ORDER BY load_id"
    ).fetchall()
    assert rows == [("a.csv", "loaded", True), ("b.csv", "failed", True),
                    ("c.csv", "failed", True), ("d.csv", "loaded", True)]  # fmt: skip
    assert master_con.execute("SELECT count(*) FROM posts").fetchall()[0] == (2,)


def test_unreadable_path_fails_cleanly(master_con, stub_parse, tmp_path):
    r = load_file(master_con, tmp_path / "tidak-ada.csv")
    assert r.status == "failed" and "tidak-ada.csv tidak dapat dibaca" in r.error
