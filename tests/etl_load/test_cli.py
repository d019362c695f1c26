"""python -m etl: exit codes, --json keys, personal data never printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from etl.bootstrap import SampleDataError, ensure_warehouse
from tests.factory import IG_HEADER, SECRET_NAMES, SECRET_PHONES, write_master

ROOT = Path(__file__).resolve().parents[2]
JSON_KEYS = ["file", "format", "opd", "rows_read", "new", "updated", "duplicate", "rejected",
             "status", "error", "load_id", "assumptions", "declared_period"]  # fmt: skip


def ig_csv(path: Path, n: int, likes: int = 10) -> Path:
    lines = [IG_HEADER]
    for i in range(n):
        lines.append(
            f'"1790000000{i:04d}","1784","dinkes.sukamaju","Dinkes Sukamaju","Posyandu ke-{i}",0,'
            f'"10/{i + 1:02d}/2026 08:30","https://www.instagram.com/p/ABC{i}/","IG image",,'
            f'"Lifetime",{likes * 10},{likes * 8},{likes},0,0,1,2'
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def etl(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "etl", "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.fixture
def db(tmp_path):
    return tmp_path / "w.duckdb"


def test_opd_command_loads_and_never_prints_personal_data(db, tmp_path):
    master = write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx")
    out = etl("opd", str(master), db=db)
    assert out.returncode == 0, out.stderr
    assert "OPD baru          : 6" in out.stdout
    again = etl("opd", str(master), db=db)
    assert again.returncode == 0 and "OPD tetap         : 6" in again.stdout
    for text in (out.stdout, out.stderr, again.stdout, again.stderr):
        for secret in (*SECRET_NAMES, *SECRET_PHONES, "6285712345678"):
            assert secret not in text


def test_usage_errors_exit_2(db, tmp_path):
    missing = etl("load", db=db)
    assert missing.returncode == 2 and "argumen wajib belum diisi" in missing.stderr
    bad_map = etl("load", str(ig_csv(tmp_path / "a.csv", 1)), "--map", "tanpa-sama-dengan", db=db)
    assert bad_map.returncode == 2 and "--map" in bad_map.stderr
    nofile = etl("load", str(tmp_path / "tidak-ada.csv"), db=db)
    assert nofile.returncode == 2 and "tidak ditemukan" in nofile.stderr
    assert etl("undo", "abc", db=db).returncode == 2


def test_load_json_skip_failure_history_and_undo(db, tmp_path):
    master = write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx")
    assert etl("opd", str(master), db=db).returncode == 0
    good = ig_csv(tmp_path / "ig_okt.csv", 3)
    first = etl("load", str(good), "--json", "--by", "Rina", db=db)
    assert first.returncode == 0, first.stderr + first.stdout
    rec = json.loads(first.stdout.strip())
    assert list(rec) == [*JSON_KEYS, "notes", "period", "rejects"]
    assert rec["period"] == ["2026-10-01", "2026-10-03"] and rec["rejects"] == []
    assert (rec["status"], rec["new"], rec["opd"], rec["error"]) == (
        "loaded",
        3,
        "Dinas Kesehatan",
        None,
    )

    # Same file again: skipped, still exit 0.
    second = etl("load", str(good), "--json", db=db)
    assert second.returncode == 0
    rec2 = json.loads(second.stdout.strip())
    assert rec2["status"] == "skipped" and f"muatan #{rec['load_id']}" in rec2["error"]

    # A folder with a good newer export and a broken file: progress on stderr, exit 1.
    folder = tmp_path / "batch"
    folder.mkdir()
    ig_csv(folder / "ig_nov.csv", 4, likes=20)
    (folder / "rusak.csv").write_text("ini bukan ekspor\n1,2,3\n", encoding="utf-8")
    (folder / "~$ig_nov.xlsx").write_text("lock")
    third = etl("load", str(folder), "--json", db=db)
    assert third.returncode == 1
    recs = [json.loads(line) for line in third.stdout.splitlines()]
    assert [r["file"] for r in recs] == ["ig_nov.csv", "rusak.csv"]
    assert [r["status"] for r in recs] == ["loaded", "failed"]
    assert (recs[0]["new"], recs[0]["updated"]) == (1, 3)
    assert recs[1]["error"] and "rusak.csv" in recs[1]["error"]
    assert "[1/2] ig_nov.csv" in third.stderr and "[2/2] rusak.csv" in third.stderr

    # An unknown --opd is a usage error, reported once with suggestions.
    wrong = etl("load", str(folder), "--opd", "Dinas Kesehatn Hewan", db=db)
    assert wrong.returncode == 2 and "Maksud Anda" in wrong.stderr and wrong.stdout == ""

    # Readable report in Bahasa Indonesia.
    text = etl("load", str(ig_csv(tmp_path / "ig_des.csv", 1, likes=5)), db=db)
    assert text.returncode == 0 and "[DIMUAT] ig_des.csv" in text.stdout
    assert "Baris      : 1 dibaca, 0 baru, 1 diperbarui" in text.stdout

    hist = etl("history", "--json", db=db)
    assert hist.returncode == 0
    rows = [json.loads(line) for line in hist.stdout.splitlines()]
    assert [r["status"] for r in rows] == ["loaded", "failed", "loaded", "skipped", "loaded"]

    undo = etl("undo", str(rows[0]["load_id"]), db=db)
    assert undo.returncode == 0 and f"Muatan #{rows[0]['load_id']} dibatalkan" in undo.stdout
    assert etl("undo", "999", db=db).returncode == 1


@pytest.mark.with_labels  # a first start refuses posts it could not label
def test_bootstrap_builds_once(tmp_path, monkeypatch):
    import types

    from tests.factory import ig_post, table

    def parse_file(path, *, data=None, file_name=None, column_map=None, format_hint=None, **_):
        return [table([ig_post(i) for i in range(int(data.decode().split()[0]))])]

    # Stub parser: this tests the bootstrap's orchestration, not the export formats.
    monkeypatch.setitem(sys.modules, "etl.parse", types.SimpleNamespace(parse_file=parse_file))
    # the loader parses through the bounded child (etl.sandbox): stub that entry too
    monkeypatch.setitem(
        sys.modules, "etl.sandbox", types.SimpleNamespace(parse_file=parse_file, warm=lambda: None)
    )
    root = tmp_path / "sample_data"
    (root / "exports" / "Dinas Kesehatan").mkdir(parents=True)
    write_master(root / "Daftar Akun Medsos OPD Kabupaten Sukamaju.xlsx")
    (root / "exports" / "Dinas Kesehatan" / "ig.csv").write_text("2 posts")
    (root / "exports" / "Dinas Kesehatan" / "ig2.csv").write_text("3 posts")
    db = tmp_path / "w.duckdb"
    steps: list[tuple[int, int, str]] = []
    assert ensure_warehouse(db, root=root, progress=lambda *a: steps.append(a)) is True
    # The first start's page shows which file of how many is loading.
    assert [(i, n, Path(f).name) for i, n, f in steps] == [(1, 2, "ig.csv"), (2, 2, "ig2.csv")]
    assert ensure_warehouse(db, root=root, progress=lambda *a: steps.append(a)) is False
    assert len(steps) == 2  # built already: nothing loads
    from warehouse.db import connect

    con = connect(db)
    assert con.execute("SELECT count(*) FROM opd").fetchall()[0] == (6,)
    assert con.execute("SELECT count(*) FROM posts").fetchall()[0] == (3,)
    assert con.execute("SELECT count(*), min(loaded_by) FROM loads").fetchall()[0] == (
        2,
        "bootstrap",
    )
    # No master list in sample_data/: nothing to build from.
    assert ensure_warehouse(tmp_path / "other.duckdb", root=tmp_path / "empty") is False


def test_bootstrap_stops_when_a_sample_file_fails(tmp_path, monkeypatch):
    """A bundled export that fails must not leave a silently partial sample kabupaten."""
    import types

    from etl.schema import FileRejected
    from tests.factory import ig_post, table

    def parse_file(path, *, data=None, file_name=None, **_):
        if (file_name or Path(path).name) == "rusak.csv":
            raise FileRejected("Berkas rusak.csv tidak dapat dibaca.")
        return [table([ig_post(1)])]

    monkeypatch.setitem(sys.modules, "etl.parse", types.SimpleNamespace(parse_file=parse_file))
    monkeypatch.setitem(
        sys.modules, "etl.sandbox", types.SimpleNamespace(parse_file=parse_file, warm=lambda: None)
    )
    root = tmp_path / "sample_data"
    (root / "exports" / "Dinas Kesehatan").mkdir(parents=True)
    write_master(root / "Daftar Akun Medsos OPD Kabupaten Sukamaju.xlsx")
    (root / "exports" / "Dinas Kesehatan" / "ig.csv").write_text("1")
    (root / "exports" / "Dinas Kesehatan" / "rusak.csv").write_text("x")
    with pytest.raises(SampleDataError, match="rusak.csv"):
        ensure_warehouse(tmp_path / "w.duckdb", root=root)


def test_load_json_lists_every_rejected_row(db, tmp_path):
    """A script reading `--json` can point the operator at each bad cell: sheet, row, column,
    value and reason of every rejected row, as the printed report does for ten."""
    master = write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx")
    assert etl("opd", str(master), db=db).returncode == 0
    path = ig_csv(tmp_path / "ig_okt.csv", 4)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace("10/02/2026 08:30", "bukan tanggal")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    out = etl("load", str(path), "--json", db=db)
    rec = json.loads(out.stdout.strip())
    assert (rec["new"], rec["rejected"]) == (3, 1), out.stdout + out.stderr
    assert len(rec["rejects"]) == rec["rejected"]
    bad = rec["rejects"][0]
    assert set(bad) == {"sheet", "row_number", "column_name", "value", "reason"}
    assert bad["value"] == "bukan tanggal" and bad["row_number"] == 3
    assert bad["column_name"] and bad["reason"]


def test_a_reader_that_stops_early_is_not_an_error(db, tmp_path):
    # `python -m etl coverage | head -1`: the reader closes the pipe before the command writes.
    etl("opd", str(write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx")), db=db)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.Popen(
        [sys.executable, "-m", "etl", "--db", str(db), "coverage", "--from", "2026-01",
         "--to", "2026-12"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env,
    )  # fmt: skip
    assert p.stdout is not None and p.stderr is not None
    p.stdout.close()  # closed before the command can write a line
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 0, err
    assert "gagal" not in err and "Broken pipe" not in err and "Traceback" not in err
