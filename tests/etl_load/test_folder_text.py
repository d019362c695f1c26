"""Folder loads pick up Excel "Unicode Text" (.txt, UTF-16 LE, tab-delimited) and .tsv exports;
a .txt that is not a post export (a readme) is reported as skipped, not loaded, not a crash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etl.cli import main
from etl.load_folder import load_paths, plan_paths
from etl.master import load_master
from tests.factory import write_master
from warehouse.db import connect

CASES = Path(__file__).resolve().parent.parent / "cases"
UTF16 = CASES / "logbook" / "unicode_text_utf16" / "input.txt"


@pytest.fixture
def master_db(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(str(path))
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    con.close()
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ekspor"
    (folder / "logbook").mkdir(parents=True)
    shutil.copy(UTF16, folder / "logbook" / "Rekap Postingan Medsos Kecamatan Sukamaju 2025.txt")
    # Another month as a .tsv (UTF-8): Excel "Text (Tab delimited)"; other links, other posts.
    text = UTF16.read_bytes()[2:].decode("utf-16-le")
    for old, new in [("AAA", "BBB"), ("IG2", "IG3"), ("/456", "/457"), ("Tanpa link", "Lain")]:
        text = text.replace(old, new)
    (folder / "logbook" / "Rekap Februari.tsv").write_text(text, encoding="utf-8")
    (folder / "BACA SAYA.txt").write_text("Ekspor dikirim lewat WA tanggal 3.\n", encoding="utf-8")
    return folder


def test_plan_marks_folder_text_files_optional(tmp_path):
    folder = _folder(tmp_path)
    got = [(p.relative_to(folder).as_posix(), opt) for p, opt in plan_paths([folder])]
    assert got == [
        ("BACA SAYA.txt", True),
        ("logbook/Rekap Februari.tsv", True),
        ("logbook/Rekap Postingan Medsos Kecamatan Sukamaju 2025.txt", True),
    ]
    # Named explicitly, a .txt is a file the user wants loaded: a failure is a failure.
    assert plan_paths([folder / "BACA SAYA.txt"]) == [(folder / "BACA SAYA.txt", False)]


def test_folder_load_reads_utf16_txt_and_skips_a_readme(master_con, tmp_path):
    folder = _folder(tmp_path)
    reports = load_paths(master_con, [folder], opd="Kecamatan Sukamaju")
    by_name = {r.file: r for r in reports}
    readme = by_name["BACA SAYA.txt"]
    assert readme.status == "skipped"
    assert "bukan ekspor postingan" in readme.error and "BACA SAYA.txt" in readme.error
    txt = by_name["Rekap Postingan Medsos Kecamatan Sukamaju 2025.txt"]
    assert (txt.status, txt.format, txt.rows_read, txt.new) == ("loaded", "logbook", 4, 4)
    tsv = by_name["Rekap Februari.tsv"]
    assert (tsv.status, tsv.format, tsv.rows_read, tsv.new) == ("loaded", "logbook", 4, 4)
    rows = master_con.execute("SELECT file_name, status FROM loads ORDER BY load_id").fetchall()
    assert rows == [
        ("BACA SAYA.txt", "skipped"),
        ("Rekap Februari.tsv", "loaded"),
        ("Rekap Postingan Medsos Kecamatan Sukamaju 2025.txt", "loaded"),
    ]
    assert master_con.execute(
        "SELECT caption FROM posts WHERE permalink LIKE '%share/p/AAA%'"
    ).fetchall() == [("Rakor 🚀 stunting",)]
    assert master_con.execute("SELECT count(*) FROM posts").fetchall() == [(8,)]


@pytest.mark.with_labels  # exit 0 needs the posts labelled (a labelling failure is exit 1)
def test_cli_folder_with_readme_exits_0(master_db, tmp_path, capsys):
    folder = _folder(tmp_path)
    code = main(["--db", str(master_db), "load", str(folder), "--opd", "Kec. Sukamaju", "--json"])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [(o["file"], o["status"]) for o in out] == [
        ("BACA SAYA.txt", "skipped"),
        ("Rekap Februari.tsv", "loaded"),
        ("Rekap Postingan Medsos Kecamatan Sukamaju 2025.txt", "loaded"),
    ]
    # Named explicitly, the readme is a failed file: exit 1.
    code = main(["--db", str(master_db), "load", str(folder / "BACA SAYA.txt")])
    assert code == 1


def test_companion_exports_are_skipped_with_their_reason_and_exit_0(master_db, tmp_path, capsys):
    # What sits beside the post exports in a real folder: YouTube Studio's Totals.csv and a Meta
    # account-level daily metric. Nothing in them is a post, so they are skipped, not failed.
    folder = tmp_path / "ekspor"
    folder.mkdir()
    (folder / "Totals.csv").write_text("Date,Views\n2026-01-03,310\n2026-01-04,129\n")
    # Meta Business Suite's daily "Jangkauan" (reach) export: UTF-16 LE with BOM, a sep= line.
    daily = 'sep=,\nJangkauan\n"Tanggal","Primary"\n"2026-01-03T00:00:00","8351"\n'
    (folder / "Jangkauan.csv").write_bytes(b"\xff\xfe" + daily.encode("utf-16-le"))
    (folder / "acak.csv").write_text("Kolom A,Kolom B\n1,2\n")  # an unknown layout: a failure
    code = main(["--db", str(master_db), "load", str(folder), "--json"])
    out = {o["file"]: o for o in map(json.loads, capsys.readouterr().out.splitlines())}
    assert out["Totals.csv"]["status"] == "skipped"
    assert "bukan ekspor postingan" in out["Totals.csv"]["error"]
    assert out["Jangkauan.csv"]["status"] == "skipped"
    assert "metrik harian" in out["Jangkauan.csv"]["error"]
    assert out["acak.csv"]["status"] == "failed" and code == 1
    (folder / "acak.csv").unlink()
    (folder / "Totals.csv").write_text("Date,Views\n2026-01-05,99\n")  # new bytes, same kind
    assert main(["--db", str(master_db), "load", str(folder)]) == 0
