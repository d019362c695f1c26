"""A folder load writes several files in one transaction (etl.load_batch); each file keeps its
own outcome. A file failing after it started writing rolls the batch back and the batch's files
load again one by one: the warehouse and the reports are those of loading file by file, the
failing file left out entirely, and the per-day and per-month counts still equal a recount."""

from __future__ import annotations

import re

import etl.load_batch
import etl.recompute
from etl.bootstrap import sample_files
from etl.load import load_file
from etl.load_folder import load_paths, plan_paths
from etl.master import load_master
from tests.etl_load.test_parse_ahead import _REPORT, _folder, _state
from warehouse.db import SQL_DIR, connect

CHECKS = [
    (SQL_DIR / "checks" / f"{name}_matches_posts.sql").read_text(encoding="utf-8")
    for name in ("post_day_count", "post_content_month")
]


def _rows(reports) -> list[tuple]:
    return [tuple(re.sub(r"#\d+", "#N", str(getattr(r, k))) for k in _REPORT) for r in reports]


def test_a_file_failing_mid_write_stays_out_and_the_batch_loads_one_by_one(tmp_path, monkeypatch):
    master, _ = sample_files()
    folder = _folder(tmp_path)
    files = plan_paths([folder])
    broken = files[1][0].name  # the second CSV: the batch already holds the first
    monkeypatch.setattr(etl.load_batch, "MAX_FILES", 2)  # batch boundaries inside the folder
    real_count = etl.recompute.count_changes

    def failing(prep, before, fresh):  # after the file's posts, links and coverage are written
        if prep.report.file == broken:
            raise RuntimeError("disk penuh")
        real_count(prep, before, fresh)

    monkeypatch.setattr(etl.recompute, "count_changes", failing)
    a, b = connect(tmp_path / "a.duckdb"), connect(tmp_path / "b.duckdb")
    for con in (a, b):
        load_master(con, master)
    together = load_paths(a, [folder], loaded_by="uji")
    one_by_one = [load_file(b, f, loaded_by="uji", optional=opt) for f, opt in files]

    # Load numbers taken by the rolled-back batch are skipped (DuckDB sequences do not roll
    # back): everything else equals the file-by-file load.
    assert _rows(together) == _rows(one_by_one)
    ids = [r.load_id for r in together]
    assert ids == sorted(ids) and ids[0] == 3  # the batch's two files had taken 1 and 2
    failed = [r for r in together if r.file == broken]
    assert len(failed) == 1 and failed[0].status == "failed"
    assert broken in (failed[0].error or "")  # its own message, naming it
    assert [r.status for r in together].count("loaded") == 3
    kept = ("first_load_id", "load_id")
    assert _state(a).height > 0 and _state(a).drop(kept).equals(_state(b).drop(kept))
    # Nothing of the failing file is in the warehouse: only its 'failed' loads row.
    (n,) = a.execute(
        "SELECT count(*) FROM post_observation o JOIN loads l USING (load_id)"
        " WHERE l.file_name = ?",
        [broken],
    ).fetchone()
    assert n == 0
    assert a.execute("SELECT status FROM loads WHERE file_name = ?", [broken]).fetchall() == [
        ("failed",)
    ]
    for check in CHECKS:
        assert a.sql(check).pl().height == 0
    for table, drop in (
        ("load_coverage", "EXCLUDE (load_id)"),
        ("post_link", "EXCLUDE (load_id)"),
        ("post_day_count", ""),
        ("post_content_month", ""),
    ):
        sql = f"SELECT * {drop} FROM {table} ORDER BY ALL"
        assert a.sql(sql).pl().equals(b.sql(sql).pl()), table
    a.close()
    b.close()
