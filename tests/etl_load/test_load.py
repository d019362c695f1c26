"""Loader: idempotency, newest export wins, atomicity, undo exactness, keys, dry run, checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import etl.load as load_mod
from etl import recompute
from etl.load import history, load_tables, undo_load
from etl.load_folder import expand_paths
from tests.factory import ig_post, posts_state, sha, table
from warehouse.db import SQL_DIR

OCT20 = dt.datetime(2026, 10, 20, 9, 0)
OCT25 = dt.datetime(2026, 10, 25, 9, 0)


def _count(con, sql: str) -> int:
    return con.execute(sql).fetchall()[0][0]


def run_checks(con) -> dict[str, int]:
    out = {}
    for path in sorted((SQL_DIR / "checks").glob("*.sql")):
        out[path.name] = con.sql(path.read_text(encoding="utf-8")).pl().height
    return out


def test_same_file_twice_is_skipped(master_con):
    t = table([ig_post(i) for i in range(5)], exported_at=OCT20)
    first = load_tables(master_con, [t], file_name="a.csv", sha256=sha("a"))
    before = posts_state(master_con)
    second = load_tables(master_con, [t], file_name="a (1).csv", sha256=sha("a"))
    assert (first.status, first.new) == ("loaded", 5)
    assert second.status == "skipped"
    assert (
        second.error
        == f"Berkas ini sudah dimuat pada muatan #{first.load_id}; tidak ada yang ditambahkan."
    )
    assert (second.new, second.updated, second.duplicate) == (0, 0, 0)
    assert_frame_equal(posts_state(master_con), before)
    assert _count(master_con, "SELECT count(*) FROM post_observation") == 5
    assert second.to_dict()["status"] == "skipped"


def test_overlapping_newer_export_updates_metrics_and_adds_only_new(master_con):
    a = table([ig_post(i, likes=10) for i in range(5)], exported_at=OCT20)
    # Newer export: posts 3-4 again (3 with new numbers, 4 identical), posts 5-6 new.
    b_rows = [ig_post(3, likes=30), ig_post(4, likes=10), ig_post(5), ig_post(6)]
    b = table(b_rows, exported_at=OCT25)
    load_tables(master_con, [a], file_name="a.csv", sha256=sha("a"))
    r = load_tables(master_con, [b], file_name="b.csv", sha256=sha("b"))
    assert (r.rows_read, r.new, r.updated, r.duplicate, r.rejected) == (4, 2, 1, 1, 0)
    assert _count(master_con, "SELECT count(*) FROM posts") == 7
    likes = dict(master_con.execute("SELECT native_id, reactions FROM posts").fetchall())
    assert likes["17900000000003"] == 30 and likes["17900000000000"] == 10
    first = dict(master_con.execute("SELECT native_id, first_load_id FROM posts").fetchall())
    assert first["17900000000003"] == 1 and first["17900000000005"] == r.load_id
    checks = run_checks(master_con)
    assert {"no_duplicate_posts.sql", "posts_match_observations.sql"} <= set(checks)
    assert checks == {name: 0 for name in checks}


def test_older_export_loaded_later_does_not_win(master_con):
    load_tables(master_con, [table([ig_post(1, likes=50)], exported_at=OCT25)], file_name="new.csv",
                sha256=sha("new"))  # fmt: skip
    r = load_tables(master_con, [table([ig_post(1, likes=5)], exported_at=OCT20)],
                    file_name="old.csv", sha256=sha("old"))  # fmt: skip
    assert (r.new, r.updated, r.duplicate) == (0, 0, 1)  # the post does not change:
    # the newest export's numbers stay.
    assert master_con.execute("SELECT reactions, load_id FROM posts").fetchall()[0] == (50, 1)


def test_keys_native_id_then_permalink_then_hash(master_con):
    no_id = {**ig_post(1), "native_id": None}
    nothing = {**ig_post(2), "native_id": None, "permalink": None, "caption": "𝐒𝐞𝐥𝐚𝐦𝐚𝐭 pagi"}
    load_tables(
        master_con, [table([ig_post(0), no_id, nothing])], file_name="k.csv", sha256=sha("k")
    )
    keys = sorted(r[0] for r in master_con.execute("SELECT post_key FROM posts").fetchall())
    import hashlib

    opd_id = master_con.execute("SELECT opd_id FROM opd WHERE short_name = 'Dinkes'").fetchall()[0][
        0
    ]
    h = hashlib.sha1(f"{opd_id}|instagram|2026-10-01 08:02|Selamat pagi".encode()).hexdigest()
    assert keys == sorted(
        [
            "instagram:17900000000000",
            "instagram:url:https://www.instagram.com/p/ABC1",
            f"instagram:h:{h}",
        ]
    )
    # caption_norm = NFKC + lower case: the Unicode bold letters become plain.
    assert master_con.execute(
        "SELECT caption_norm FROM posts WHERE post_key LIKE '%:h:%'"
    ).fetchall()[0] == ("selamat pagi",)
    # The same logbook row in another file (another sha256) is recognised, not added again.
    r = load_tables(master_con, [table([nothing])], file_name="k2.csv", sha256=sha("k2"))
    assert (r.new, r.duplicate) == (0, 1)


def test_duplicate_keys_within_a_file_keep_the_last(master_con):
    rows = [ig_post(1, likes=1), ig_post(2), ig_post(1, likes=99)]
    r = load_tables(master_con, [table(rows)], file_name="d.csv", sha256=sha("d"))
    assert (r.rows_read, r.new, r.duplicate) == (3, 2, 1)
    assert master_con.execute(
        "SELECT reactions, source_row FROM posts WHERE native_id = '17900000000001'"
    ).fetchall()[0] == (99, 4)


def test_load_row_fields_period_and_rejects(master_con):
    rows = [ig_post(1, day=3), ig_post(2, day=17), {**ig_post(3), "published_at": None}]
    parser_rejects = [
        {"sheet": None, "row_number": 9, "column_name": "Views", "value": "abc",
         "reason": "Angka tidak terbaca"}
    ]  # fmt: skip
    t = table(rows, exported_at=OCT25, rejects=parser_rejects)
    r = load_tables(master_con, [t], file_name="ig.csv", sha256=sha("ig"), file_path="/x/ig.csv",
                    loaded_by="Rina")  # fmt: skip
    assert (r.rows_read, r.new, r.rejected) == (4, 2, 2)
    assert (r.period_start, r.period_end) == (dt.date(2026, 10, 3), dt.date(2026, 10, 17))
    row = master_con.execute(
        "SELECT l.file_name, l.file_path, l.sha256, l.format, l.platform, o.short_name,"
        " l.period_start, l.period_end, l.exported_at, l.rows_read, l.n_new, l.n_updated,"
        " l.n_duplicate, l.n_rejected, l.loaded_by, l.status FROM loads l JOIN opd o USING (opd_id)"
    ).fetchall()[0]
    assert row == ("ig.csv", "/x/ig.csv", sha("ig"), "meta_instagram", "instagram", "Dinkes",
                   dt.date(2026, 10, 3), dt.date(2026, 10, 17), OCT25, 4, 2, 0, 0, 2, "Rina",
                   "loaded")  # fmt: skip
    rejects = master_con.execute(
        "SELECT load_id, file_name, sheet, row_number, column_name, value, reason FROM rejects"
        " ORDER BY row_number"
    ).fetchall()
    assert rejects == [
        (r.load_id, "ig.csv", None, 4, "Tanggal", None, "Tanggal unggah kosong atau tidak terbaca"),
        (r.load_id, "ig.csv", None, 9, "Views", "abc", "Angka tidak terbaca"),
    ]
    # observed_at = the export date of the file.
    assert {
        x[0] for x in master_con.execute("SELECT observed_at FROM post_observation").fetchall()
    } == {OCT25}
    h = history(master_con)
    assert h.height == 1 and h.item(0, "opd") == "Dinas Kesehatan" and h.item(0, "n_new") == 2


@pytest.mark.parametrize("where", ["recompute_posts", "insert_rejects", "label"])
def test_failure_in_the_middle_leaves_nothing(master_con, monkeypatch, where):
    load_tables(
        master_con, [table([ig_post(1)], exported_at=OCT20)], file_name="a.csv", sha256=sha("a")
    )
    before = posts_state(master_con)

    def boom(*args, **kwargs):
        raise RuntimeError("disk penuh")

    rows = [ig_post(1, likes=77), ig_post(2), {**ig_post(3), "published_at": None}]
    with monkeypatch.context() as m:
        if where == "insert_rejects":
            real_register = master_con.register

            class Wrapped:
                def __getattr__(self, name):
                    return getattr(master_con, name)

                def register(self, name, df):
                    if name == "_rej":
                        boom()
                    return real_register(name, df)

            con = Wrapped()
        else:
            m.setattr(recompute, where, boom)
            con = master_con
        r = load_tables(con, [table(rows, exported_at=OCT25)], file_name="b.csv", sha256=sha("b"))
    # The analyst sees that the file failed, not the exception text (etl/errors.py).
    assert r.status == "failed" and "kesalahan internal" in r.error and "b.csv" in r.error
    assert_frame_equal(posts_state(master_con), before)
    assert _count(master_con, "SELECT count(*) FROM post_observation WHERE load_id <> 1") == 0
    assert _count(master_con, "SELECT count(*) FROM rejects") == 0
    assert master_con.execute(
        "SELECT status, message, n_new FROM loads WHERE load_id = ?", [r.load_id]
    ).fetchall()[0] == ("failed", r.error, 0)
    # A failed load does not block loading the same file again.
    again = load_tables(
        master_con, [table(rows, exported_at=OCT25)], file_name="b.csv", sha256=sha("b")
    )
    assert again.status == "loaded" and (again.new, again.updated) == (1, 1)


def test_undo_newest_load_is_exact(master_con):
    load_tables(master_con, [table([ig_post(i) for i in range(4)], exported_at=OCT20)],
                file_name="a.csv", sha256=sha("a"))  # fmt: skip
    after_a = posts_state(master_con)
    b_rows = [ig_post(2, likes=20, caption="Caption baru"), ig_post(3, likes=30), ig_post(9)]
    rb = load_tables(
        master_con, [table(b_rows, exported_at=OCT25)], file_name="b.csv", sha256=sha("b")
    )
    assert (rb.new, rb.updated) == (1, 2)
    assert undo_load(master_con, rb.load_id) == 3
    assert_frame_equal(posts_state(master_con), after_a)
    assert master_con.execute(
        "SELECT status, undone_at IS NOT NULL FROM loads WHERE load_id = ?", [rb.load_id]
    ).fetchall()[0] == ("undone", True)
    assert run_checks(master_con) == {k: 0 for k in run_checks(master_con)}
    # The undone file may be loaded again.
    again = load_tables(
        master_con, [table(b_rows, exported_at=OCT25)], file_name="b.csv", sha256=sha("b")
    )
    assert again.status == "loaded" and (again.new, again.updated) == (1, 2)


def test_undo_older_load_when_a_newer_exists_is_exact(master_con):
    ra = load_tables(master_con, [table([ig_post(i) for i in range(4)], exported_at=OCT20)],
                     file_name="a.csv", sha256=sha("a"))  # fmt: skip
    b_rows = [ig_post(2, likes=20), ig_post(3, likes=30), ig_post(9)]
    rb = load_tables(
        master_con, [table(b_rows, exported_at=OCT25)], file_name="b.csv", sha256=sha("b")
    )
    undo_load(master_con, ra.load_id)
    got = posts_state(master_con)
    # Expected, computed independently: exactly B's rows, each first brought by B.
    assert sorted(got.get_column("native_id").to_list()) == sorted(r["native_id"] for r in b_rows)
    assert set(got.get_column("load_id")) == {rb.load_id}
    assert set(got.get_column("first_load_id")) == {rb.load_id}
    assert dict(zip(got["native_id"], got["reactions"], strict=True)) == {
        r["native_id"]: r["reactions"] for r in b_rows
    }
    # ...and the same as loading B alone into a fresh warehouse, apart from load ids.
    from etl.master import load_master
    from tests.factory import write_master
    from warehouse.db import connect

    fresh = connect(":memory:")
    load_master(fresh, write_master(Path(__file__).parent / ".tmp_master.xlsx"))
    (Path(__file__).parent / ".tmp_master.xlsx").unlink()
    load_tables(fresh, [table(b_rows, exported_at=OCT25)], file_name="b.csv", sha256=sha("b"))
    ids = ["load_id", "first_load_id"]
    assert_frame_equal(got.drop(ids), posts_state(fresh).drop(ids))


def test_undo_rejects_bad_requests(master_con):
    with pytest.raises(load_mod.UndoError, match="Muatan #42 tidak ada"):
        undo_load(master_con, 42)
    r = load_tables(master_con, [table([ig_post(1)])], file_name="a.csv", sha256=sha("a"))
    undo_load(master_con, r.load_id)
    with pytest.raises(load_mod.UndoError, match="berstatus 'undone'"):
        undo_load(master_con, r.load_id)


def test_dry_run_writes_nothing_and_previews(master_con):
    load_tables(
        master_con, [table([ig_post(1)], exported_at=OCT20)], file_name="a.csv", sha256=sha("a")
    )
    counts = [
        _count(master_con, f"SELECT count(*) FROM {t}")
        for t in ("loads", "posts", "post_observation", "rejects")
    ]
    rows = [ig_post(1, likes=80), ig_post(2), {**ig_post(3), "published_at": None}]
    r = load_tables(master_con, [table(rows, exported_at=OCT25)], file_name="b.csv",
                    sha256=sha("b"), dry_run=True)  # fmt: skip
    assert (r.status, r.load_id, r.new, r.updated, r.rejected) == ("loaded", None, 1, 1, 1)
    assert r.opd == "Dinas Kesehatan" and r.format == "meta_instagram"
    assert r.preview is not None
    assert dict(zip(r.preview["source_row"], r.preview["status"], strict=True)) == {
        2: "diperbarui",
        3: "baru",
    }
    assert r.preview.item(0, "opd") == "Dinas Kesehatan"
    assert counts == [
        _count(master_con, f"SELECT count(*) FROM {t}")
        for t in ("loads", "posts", "post_observation", "rejects")
    ]
    # ...and the next real load gets the next number.
    real = load_tables(
        master_con, [table(rows, exported_at=OCT25)], file_name="b.csv", sha256=sha("b")
    )
    assert real.load_id == 2


def test_expand_paths_skips_lock_and_hidden_files(tmp_path):
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    for name in ["a.csv", "~$a.xlsx", ".b.csv", "sub/c.xlsx", "sub/.hidden/d.csv", "notes.md"]:
        (tmp_path / name).write_text("x")
    got = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert got == ["a.csv", "sub/c.xlsx"]
    # A file named explicitly is always tried.
    assert expand_paths([tmp_path / "notes.md"]) == [tmp_path / "notes.md"]


def test_report_json_keys(master_con):
    import json

    r = load_tables(master_con, [table([ig_post(1)])], file_name="a.csv", sha256=sha("a"))
    got = json.loads(r.to_json())
    assert list(got) == ["file", "format", "opd", "rows_read", "new", "updated", "duplicate",
                         "rejected", "status", "error", "load_id", "assumptions", "declared_period",
                         "notes", "period", "rejects"]  # fmt: skip
    assert (
        got["new"] == 1
        and got["rejects"] == []
        and got["status"] == "loaded"
        and got["error"] is None
    )


@pytest.mark.with_labels
def test_posts_get_labels_inside_the_load(master_con):
    rows = [ig_post(1, caption="Selamat Hari Guru Nasional 2026"), ig_post(2)]
    r = load_tables(master_con, [table(rows)], file_name="a.csv", sha256=sha("a"))
    assert r.status == "loaded", r.error
    labelled = master_con.execute(
        "SELECT count(*) FROM posts WHERE content_type IS NOT NULL AND rules_version IS NOT NULL"
    ).fetchall()[0][0]
    assert labelled == 2
    assert pl.DataFrame(master_con.sql("SELECT * FROM v_posts").pl()).height == 2


def test_logbook_link_and_export_row_are_one_post(master_con):
    logbook = {
        "platform": "instagram",
        "opd_hint": "Dinkes",
        "published_at": dt.datetime(2026, 10, 1, 8, 1),
        "caption": "Kegiatan posyandu",
        "permalink": "instagram.com/p/ABC1?igsh=xyz",  # as typed in the logbook
        "logbook_label": "Kegiatan",
    }
    r1 = load_tables(master_con, [table([logbook], fmt="logbook", platform=None)],
                     file_name="rekap.xlsx", sha256=sha("lb"))  # fmt: skip
    r2 = load_tables(master_con, [table([ig_post(1), ig_post(2)], exported_at=OCT25)],
                     file_name="ig.csv", sha256=sha("ig"))  # fmt: skip
    assert (r1.new, r2.new, r2.updated) == (1, 1, 1)
    assert _count(master_con, "SELECT count(*) FROM posts") == 2
    # The export's numbers win; the post keeps the identity it was first seen under.
    assert master_con.execute(
        "SELECT post_key, reactions, native_id FROM posts WHERE permalink LIKE '%ABC1%'"
    ).fetchall() == [("instagram:url:https://www.instagram.com/p/ABC1", 10, "17900000000001")]
    # The other way round: a logbook loaded after the export adds nothing new.
    r3 = load_tables(
        master_con,
        [
            table(
                [{**logbook, "permalink": "https://www.instagram.com/p/ABC2/"}],
                fmt="logbook",
                platform=None,
            )
        ],  # fmt: skip
        file_name="rekap2.xlsx",
        sha256=sha("lb2"),
    )
    assert r3.new == 0 and _count(master_con, "SELECT count(*) FROM posts") == 2
    # Undoing the logbook leaves the export's post.
    undo_load(master_con, r1.load_id)
    assert _count(master_con, "SELECT count(*) FROM posts") == 2
    checks = run_checks(master_con)
    assert checks == {name: 0 for name in checks}


@pytest.mark.with_labels
def test_labels_follow_the_text_through_loads_and_undo(master_con, monkeypatch):
    """With a stand-in classifier (label = the caption's first word), labels are recomputed
    exactly when the text a post shows changes, also after an undo."""
    import etl.campaigns
    import etl.classify

    calls = []

    def fake_classify(con, load_id=None):
        ids = [load_id] if isinstance(load_id, int) else list(load_id)  # one load or several
        calls.extend(ids)
        con.execute(
            "UPDATE posts SET content_type = split_part(caption, ' ', 1), rules_version = 1"
            " WHERE list_contains(?, load_id)",
            [ids],
        )
        return 0

    monkeypatch.setattr(etl.classify, "classify_posts", fake_classify)
    monkeypatch.setattr(etl.campaigns, "match_campaigns", lambda con, load_id=None: 0)
    ra = load_tables(master_con, [table([ig_post(1, caption="ucapan A"), ig_post(2, caption="kegiatan B")],
                                        exported_at=OCT20)], file_name="a.csv", sha256=sha("a"))  # fmt: skip
    rb = load_tables(master_con, [table([ig_post(1, caption="layanan A2")], exported_at=OCT25)],
                     file_name="b.csv", sha256=sha("b"))  # fmt: skip
    labels = dict(master_con.execute("SELECT native_id, content_type FROM posts").fetchall())
    assert labels == {"17900000000001": "layanan", "17900000000002": "kegiatan"}
    calls.clear()
    undo_load(master_con, rb.load_id)
    labels = dict(master_con.execute("SELECT native_id, content_type FROM posts").fetchall())
    assert labels == {"17900000000001": "ucapan", "17900000000002": "kegiatan"}
    assert calls == [ra.load_id]  # the post went back to A's text: A's posts relabelled
