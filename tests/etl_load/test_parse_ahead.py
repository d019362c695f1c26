"""A folder load parses the next file while it writes this one and reads the OPD index once;
every outcome is still exactly that of loading the files one by one with load_file, and a file
already loaded is not parsed."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import polars as pl

import etl.load_folder as folder_mod
from etl.bootstrap import sample_files
from etl.load import load_file
from etl.load_folder import load_paths, plan_paths
from etl.master import load_master
from etl.opd_index import OpdIndex
from warehouse.db import connect

_REPORT = ("file", "status", "rows_read", "new", "updated", "duplicate", "rejected", "error")


def _folder(tmp: Path) -> Path:
    master, exports = sample_files()
    assert master is not None
    out = tmp / "exports"
    ig = sorted((exports / "instagram").rglob("*.csv"))[:3]
    books = sorted((exports / "logbook").glob("*.xlsx"))[:1]
    assert len(ig) == 3 and books
    for i, f in enumerate([*ig, *books]):
        d = out / f"{i:02d}"
        d.mkdir(parents=True)
        shutil.copy(f, d / f.name)
    # The same bytes again (skipped as already loaded) and a file no parser reads (failed).
    (out / "99_again").mkdir()
    shutil.copy(ig[0], out / "99_again" / ig[0].name)
    (out / "05").mkdir()
    (out / "05" / "rusak.xlsx").write_bytes(b"PK\x03\x04 bukan xlsx")
    return out


def _state(con) -> pl.DataFrame:
    return con.sql(
        "SELECT post_key, opd_id, platform, published_at, caption, views, reach, reactions,"
        " comments, shares, saves, logbook_label, content_type, first_load_id, load_id"
        " FROM posts ORDER BY post_key"
    ).pl()


def test_folder_load_equals_file_by_file(tmp_path, monkeypatch):
    master, _ = sample_files()
    folder = _folder(tmp_path)
    a, b = connect(tmp_path / "a.duckdb"), connect(tmp_path / "b.duckdb")
    for con in (a, b):
        load_master(con, master)
    reads: list[object] = []
    read_index = OpdIndex.from_db
    monkeypatch.setattr(OpdIndex, "from_db", lambda con: reads.append(con) or read_index(con))
    together = load_paths(a, [folder], loaded_by="uji")
    assert len(reads) == 1  # OPDs and accounts read once for the folder, not per file
    one_by_one = [
        load_file(b, f, loaded_by="uji", optional=optional) for f, optional in plan_paths([folder])
    ]
    assert len(reads) == 1 + 4  # file by file: once per file that gets to its OPDs
    rows = [tuple(getattr(r, k) for k in _REPORT) for r in together]
    assert rows == [tuple(getattr(r, k) for k in _REPORT) for r in one_by_one]
    statuses = [r.status for r in together]
    assert statuses.count("loaded") == 4 and "skipped" in statuses and "failed" in statuses
    assert _state(a).height > 0
    assert _state(a).equals(_state(b))

    # Loading the folder again parses nothing ahead: every file is already loaded.
    parsed: list[str] = []
    real = folder_mod.parse_bytes

    def counting(path, raw, **kw):
        parsed.append(kw["name"])
        return real(path, raw, **kw)

    monkeypatch.setattr(folder_mod, "parse_bytes", counting)
    again = load_paths(a, [folder])
    assert parsed == ["rusak.xlsx"]  # only the failed file is tried again
    assert [r.status for r in again].count("skipped") == 5
    a.close()
    b.close()


def test_small_files_are_parsed_two_ahead_and_the_same_bytes_two_apart_load_once(
    tmp_path, monkeypatch
):
    """Small files are looked up (and parsed) two ahead: the third file is looked up before
    the first is written. When it holds the first one's bytes it is asked again at its turn
    and skipped, not taken as new from its older look-up."""
    master, exports = sample_files()
    assert master is not None
    ig = sorted((exports / "instagram").rglob("*.csv"))[:2]
    for d, src in (("a", ig[0]), ("b", ig[1]), ("c", ig[0])):
        (tmp_path / d).mkdir()
        shutil.copy(src, tmp_path / d / src.name)
    con = connect(tmp_path / "w.duckdb")
    load_master(con, master)
    events: list[str] = []
    real_lookup, real_load = folder_mod.already_loaded, folder_mod.load_file

    def lookup(con, sha, name=None):
        events.append(f"look {name}")
        return real_lookup(con, sha, name)

    def load(con, f, **kw):
        events.append(f"load {Path(f).parent.name}")
        return real_load(con, f, **kw)

    monkeypatch.setattr(folder_mod, "already_loaded", lookup)
    monkeypatch.setattr(folder_mod, "load_file", load)
    first, second, third = load_paths(con, [tmp_path])
    assert events.index("load a") > 2  # a, b and c looked up before a is written
    assert [e for e in events if e.startswith("look")][:3] == [
        f"look {ig[0].name}", f"look {ig[1].name}", f"look {ig[0].name}"
    ]  # fmt: skip
    assert first.status == "loaded" and second.status == "loaded"
    assert third.status == "skipped" and f"#{first.load_id}" in (third.error or "")
    (n,) = con.execute("SELECT count(DISTINCT load_id) FROM post_observation").fetchall()[0]
    assert n == 2
    con.close()


def test_small_files_are_parsed_far_ahead_two_at_a_time(tmp_path, monkeypatch):
    """Small files are looked up and parsed up to AHEAD_FILES ahead (a logbook that parses
    slowly is ready when the writer reaches it), never more than PARSE_AT_ONCE at the same
    time; every file still loads."""
    master, exports = sample_files()
    assert master is not None
    srcs = sorted((exports / "instagram").rglob("*.csv"))[:6]
    for i, src in enumerate(srcs):
        (tmp_path / f"{i}").mkdir()
        shutil.copy(src, tmp_path / f"{i}" / src.name)
    con = connect(tmp_path / "w.duckdb")
    load_master(con, master)
    events: list[str] = []
    running, most = [0], [0]
    real_lookup, real_load, real_parse = (
        folder_mod.already_loaded, folder_mod.load_file, folder_mod.parse_bytes
    )  # fmt: skip

    def lookup(con, sha, name=None):
        events.append("look")
        return real_lookup(con, sha, name)

    def load(con, f, **kw):
        events.append("load")
        return real_load(con, f, **kw)

    lock = threading.Lock()

    def parse(*a, **kw):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            return real_parse(*a, **kw)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(folder_mod, "already_loaded", lookup)
    monkeypatch.setattr(folder_mod, "load_file", load)
    monkeypatch.setattr(folder_mod, "parse_bytes", parse)
    reports = load_paths(con, [tmp_path])
    assert [r.status for r in reports] == ["loaded"] * 6
    assert events.index("load") == 6  # all six looked up (and sent to parse) before the first load
    assert 1 <= most[0] <= folder_mod.PARSE_AT_ONCE
    con.close()
