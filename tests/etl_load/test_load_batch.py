"""A folder load writes several files in one transaction (etl.load_batch); each file keeps its
own outcome. A file failing after it started writing rolls the batch back and the batch's files
load again one by one: the warehouse and the reports are those of loading file by file, the
failing file left out entirely, and the per-day and per-month counts still equal a recount."""

from __future__ import annotations

import csv
import io
import re
import shutil

import pytest

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
    for name in (
        "post_day_count",
        "post_content_month",
        "post_content_day",
        "post_format_month",
        "post_top_month",
    )
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
    real_many = etl.recompute.count_changes_many

    def failing_many(preps, obs, before, fresh):  # the same in the batch, all files at once
        if any(p.report.file == broken for p in preps):
            raise RuntimeError("disk penuh")
        real_many(preps, obs, before, fresh)

    monkeypatch.setattr(etl.recompute, "count_changes_many", failing_many)
    a, b = connect(tmp_path / "a.duckdb"), connect(tmp_path / "b.duckdb")
    for con in (a, b):
        load_master(con, master)
    together = load_paths(a, [folder], loaded_by="uji", previews=True)
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
        ("post_format_month", ""),
    ):
        sql = f"SELECT * {drop} FROM {table} ORDER BY ALL"
        assert a.sql(sql).pl().equals(b.sql(sql).pl()), table
    a.close()
    b.close()


def test_the_same_bytes_twice_in_a_row_load_once(con, tmp_path):
    """The next file is looked up before this one is written: when both hold the same bytes,
    the second is asked again (and skipped), not taken as new from the older look-up."""
    master, exports = sample_files()
    load_master(con, master)
    src = sorted((exports / "instagram").rglob("*.csv"))[0]
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / src.name).write_bytes(src.read_bytes())
    first, second = load_paths(con, [tmp_path])
    assert first.status == "loaded" and first.new > 0
    assert second.status == "skipped" and f"#{first.load_id}" in (second.error or "")
    (n,) = con.execute("SELECT count(DISTINCT load_id) FROM post_observation").fetchone()
    assert n == 1


def _reexport(src, dest, *, views: str, caption_from: str, caption_to: str) -> None:
    """src's bytes with the first post's views and one caption changed (a later export)."""
    text = src.read_text(encoding="utf-8-sig")
    assert ",Lifetime,615," in text and caption_from in text
    text = text.replace(",Lifetime,615,", f",Lifetime,{views},", 1)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text.replace(caption_from, caption_to, 1), encoding="utf-8-sig")


def _loads(con) -> list[tuple]:
    return con.execute(
        "SELECT load_id, file_name, status, n_new, n_updated, n_duplicate, n_rejected, message,"
        " report FROM loads ORDER BY load_id"
    ).fetchall()


@pytest.mark.with_labels
@pytest.mark.parametrize("batch_files", [48, 2])
def test_files_sharing_posts_in_one_batch_equal_file_by_file(tmp_path, monkeypatch, batch_files):
    """Exports of the same posts in one batch (a re-export with more views and an edited
    caption, an older one, the first again under another period): each file's posts are
    computed from the observations before it, in memory, so the posts, observations, per-day
    and per-month counts, every report (counts, preview, the stored JSON) and the labels equal
    loading the files one transaction each. With batches of two files the older export's
    posts are touched by no other file of its batch but are in the warehouse already (the
    batch computes such keys once, from the rows it began with)."""
    monkeypatch.setattr(etl.load_batch, "MAX_FILES", batch_files)
    master, exports = sample_files()
    src = sorted((exports / "instagram" / "BKPSDM").glob("Dec-01-2025_Feb-28-2026_*.csv"))[0]
    acct = src.stem.rsplit("_", 1)[1]
    folder = tmp_path / "exports"
    (folder / "00").mkdir(parents=True)
    shutil.copy(src, folder / "00" / src.name)
    caption = "Selamat Menunaikan Ibadah Puasa Ramadan 1447 H"
    _reexport(src, folder / "01" / f"Dec-01-2025_Mar-15-2026_{acct}.csv", views="900",
              caption_from=caption, caption_to="Rapat koordinasi kepegawaian")  # fmt: skip
    _reexport(src, folder / "02" / f"Dec-01-2025_Feb-20-2026_{acct}.csv",
              views="100", caption_from=caption, caption_to=caption)  # fmt: skip
    book = sorted((exports / "logbook").glob("*.xlsx"))[0]
    (folder / "03").mkdir()
    shutil.copy(book, folder / "03" / book.name)
    other = sorted((exports / "instagram").rglob("*.csv"))[-1]  # a post twice in one file
    records = list(csv.reader(io.StringIO(other.read_text(encoding="utf-8-sig"))))
    out = io.StringIO()
    csv.writer(out).writerows([*records, records[1]])
    (folder / "04").mkdir()
    (folder / "04" / other.name).write_text(out.getvalue(), encoding="utf-8-sig")
    files = plan_paths([folder])
    a, b = connect(tmp_path / "a.duckdb"), connect(tmp_path / "b.duckdb")
    for con in (a, b):
        load_master(con, master)
    together = load_paths(a, [folder], loaded_by="uji", previews=True)
    one_by_one = [load_file(b, f, loaded_by="uji", optional=opt) for f, opt in files]

    assert [r.status for r in together] == ["loaded"] * 5
    assert together[4].duplicate == 1 and together[4].new > 0
    assert _rows(together) == _rows(one_by_one)
    first, later, older = together[:3]
    assert first.new > 0 and later.updated >= 1 and later.new == 0
    assert older.new == 0 and older.updated == 0 and older.duplicate > 0  # the newer one wins
    for x, y in zip(together, one_by_one, strict=True):
        assert x.preview is not None and x.preview.equals(y.preview), x.file
    assert _loads(a) == _loads(b)
    assert (
        a.sql("SELECT * FROM posts ORDER BY post_key")
        .pl()
        .equals(b.sql("SELECT * FROM posts ORDER BY post_key").pl())
    )
    sql = "SELECT views FROM posts WHERE permalink LIKE '%DzQypUkQC8s%'"
    assert a.execute(sql).fetchall() == [(900,)]  # the newest export's figure
    for table in ("post_observation", "post_link", "post_day_count", "post_content_month",
                  "post_format_month", "load_coverage", "post_campaign"):  # fmt: skip
        sql = f"SELECT * FROM {table} ORDER BY ALL"
        assert a.sql(sql).pl().equals(b.sql(sql).pl()), table
    for check in CHECKS:
        assert a.sql(check).pl().height == 0
    a.close()
    b.close()


@pytest.mark.parametrize("batch_files", [48, 2])
def test_known_links_kept_in_memory_equal_asking_post_link(tmp_path, monkeypatch, batch_files):
    """A batch keeps post_link's keys in memory (read when it begins, each file's added as it
    is written) and asks post_link only for a file holding one of them: the Dinsos logbook
    shares 34 links with each of two Instagram exports, in the same batch and (batches of two)
    across batches, and takes their posts' keys exactly as loading file by file does."""
    import etl.prepare

    monkeypatch.setattr(etl.load_batch, "MAX_FILES", batch_files)
    master, exports = sample_files()
    insta = sorted((exports / "instagram" / "Dinsos").glob("*.csv"))
    picked = [
        next(f for f in insta if f.name.startswith("Jun-01-2026")),
        exports / "logbook" / "Rekap Postingan Medsos Dinas Sosial 2026.xlsx",
        next(f for f in insta if f.name.startswith("Sep-01-2026")),
    ]
    folder = tmp_path / "exports"
    for i, f in enumerate(picked):
        (folder / f"0{i}").mkdir(parents=True)
        shutil.copy(f, folder / f"0{i}" / f.name)
    kept = []
    real = etl.prepare.adopt_known_keys

    def spy(con, df, seen=None):
        kept.append(seen is not None)
        return real(con, df, seen)

    monkeypatch.setattr(etl.prepare, "adopt_known_keys", spy)
    a, b = connect(tmp_path / "a.duckdb"), connect(tmp_path / "b.duckdb")
    for con in (a, b):
        load_master(con, master)
    together = load_paths(a, [folder], loaded_by="uji", previews=True)
    assert kept == [True] * 3
    one_by_one = [load_file(b, f, loaded_by="uji", optional=opt) for f, opt in plan_paths([folder])]
    assert kept[3:] == [False] * 3
    assert [r.status for r in together] == ["loaded"] * 3
    assert _rows(together) == _rows(one_by_one)
    assert _loads(a) == _loads(b)
    shared = (
        "SELECT count(*) FROM post_link p JOIN post_link q USING (link_key)"
        " WHERE p.load_id < q.load_id AND p.post_key = q.post_key"
    )
    assert a.execute(shared).fetchall()[0][0] >= 68  # the logbook took the exports' keys
    for table in ("posts", "post_observation", "post_link", "post_day_count"):
        sql = f"SELECT * FROM {table} ORDER BY ALL"
        assert a.sql(sql).pl().equals(b.sql(sql).pl()), table
    a.close()
    b.close()
