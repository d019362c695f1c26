"""post_content_day (per-day content counts, migration 420: what the KPI tiles read of the days
outside whole months) equals its recount after any sequence of loads, undos, relabels and
analysts' overrides (the ops of test_label_counts), after the label vocabulary's kinerja flag
changes, and when migration 420 creates it on a warehouse that already holds posts. (An account
moved to another OPD by a new master list: tests/etl_load/test_account_moves.py compares the
table with a warehouse that had the new list from the start, and runs every check.)"""

from __future__ import annotations

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.classify import classify_posts
from etl.load import load_tables
from etl.master import load_master
from tests.etl_load.test_label_counts import _MASTER, _apply, _tables, op_st
from tests.factory import sha
from warehouse import label_counts, migrations, vocabulary
from warehouse.db import SQL_DIR, connect

CHECK = (SQL_DIR / "checks" / "post_content_day_matches_posts.sql").read_text(encoding="utf-8")


def _kept(con) -> pl.DataFrame:
    return con.sql("SELECT * FROM post_content_day ORDER BY ALL").pl()


def _loaded():
    con = connect(":memory:")
    load_master(con, _MASTER)
    spec = ([(n, n % 10, n % 3, n % 4) for n in range(10)], 1)
    assert load_tables(con, _tables(spec), file_name="a.csv", sha256=sha("a")).status == "loaded"
    classify_posts(con, None)
    return con


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op_st, min_size=2, max_size=6))
def test_kept_days_equal_a_recount_after_any_writes(ops):
    con = connect(":memory:")
    load_master(con, _MASTER)
    ids: list[int] = []
    for op in ops:
        _apply(con, op, ids)
        drift = con.sql(CHECK).pl()
        assert drift.height == 0, (op, drift)
    kept = _kept(con)
    label_counts.recount_days(con)
    assert kept.equals(_kept(con))
    assert kept.filter(pl.col("posts") <= 0).height == 0
    assert int(kept["posts"].sum() or 0) == con.execute("SELECT count(*) FROM posts").fetchone()[0]


def test_a_changed_kinerja_flag_recounts_the_days(monkeypatch):
    con = _loaded()
    before = int(con.execute("SELECT sum(kinerja_posts) FROM post_content_day").fetchone()[0])
    assert before > 0
    # A release that no longer counts 'kegiatan' as kinerja: the next connect seeds the flag.
    kinerja = tuple(t for t in vocabulary.KINERJA_TYPES if t != "kegiatan")
    monkeypatch.setattr(vocabulary, "KINERJA_TYPES", kinerja)
    migrations.migrate(con)
    assert con.execute(CHECK).fetchall() == []
    after = int(con.execute("SELECT sum(kinerja_posts) FROM post_content_day").fetchone()[0])
    (kegiatan,) = con.execute(
        "SELECT count(*) FROM v_post_facts WHERE content_type = 'kegiatan'"
    ).fetchone()
    assert kegiatan > 0 and after == before - kegiatan


def test_migration_420_fills_the_table_from_the_recount():
    con = _loaded()
    want = _kept(con)
    assert want.height > 0
    # The warehouse as it was before migration 420: no table, the migration not recorded.
    con.execute("DROP TABLE post_content_day")
    con.execute("DELETE FROM schema_migrations WHERE version = 420")
    migrations.migrate(con)
    assert _kept(con).equals(want)
    assert con.execute(CHECK).fetchall() == []
