"""post_format_month (per-month post-format counts kept at every write to posts) equals a
recount after any sequence of export and logbook loads, undos and aliases; a drifted table is
refused, never used to go negative."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.load import load_tables, undo_load
from etl.master import load_master
from tests.factory import ig_post, sha, table, write_master
from warehouse import format_counts
from warehouse.db import SQL_DIR, connect

CHECK = (SQL_DIR / "checks" / "post_format_month_matches_posts.sql").read_text(encoding="utf-8")
HANDLES = ("dinkes.sukamaju", "kominfo_sukamaju", "Akun Tak Dikenal")
FORMATS = ("foto", "video", "reels", None)
# Days over three months, so a load touches several OPD-months.
DAYS = [dt.date(2026, 9, 28) + dt.timedelta(days=7 * i) for i in range(10)]

_MASTER = Path(tempfile.mkdtemp()) / "Daftar Akun Medsos OPD.xlsx"
write_master(_MASTER)

export_st = st.tuples(
    # (post, day, account, format)
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 9), st.integers(0, 2), st.integers(0, 3)),
        min_size=1,
        max_size=8,
    ),
    st.integers(1, 4),  # export day
)
# A logbook's rows: (post, day); its row names the post's link, so it joins the export's post
# when one is loaded, and stands alone (a logbook post, no format) when none is.
logbook_st = st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=6)
op_st = st.one_of(
    st.tuples(st.just("export"), export_st),
    st.tuples(st.just("logbook"), logbook_st),
    st.tuples(st.just("undo"), st.integers(0, 5)),
    st.tuples(st.just("alias"), st.just(0)),
)


def _export(spec):
    rows, day = spec
    posts = []
    for n, d, h, fmt in rows:
        post = ig_post(n, day=DAYS[d], handle=HANDLES[h], likes=day)
        post["post_format"] = FORMATS[fmt]
        posts.append(post)
    return [table(posts, exported_at=dt.datetime(2026, 12, 10 + day))]


def _logbook(rows):
    posts = [
        {
            "platform": "instagram",
            "opd_hint": "Dinkes",
            "published_at": dt.datetime(DAYS[d].year, DAYS[d].month, DAYS[d].day, 8, n),
            "caption": f"Kegiatan posyandu nomor {n}",
            "permalink": f"https://www.instagram.com/p/ABC{n}/",
            "logbook_label": "Kegiatan",
            "source_sheet": "Oktober",
            "source_row": 5 + i,
        }
        for i, (n, d) in enumerate(rows)
    ]
    return [table(posts, fmt="logbook", platform=None, sheet="Oktober")]


def _kept(con) -> pl.DataFrame:
    return con.sql("SELECT * FROM post_format_month ORDER BY ALL").pl()


def _apply(con, op, ids: list[int | None]) -> None:
    kind, i = op[0], len(ids)
    if kind in ("export", "logbook"):
        tables = _export(op[1]) if kind == "export" else _logbook(op[1])
        name = f"f{i}.csv" if kind == "export" else f"Rekap {i}.xlsx"
        r = load_tables(con, tables, file_name=name, sha256=sha(name), opd="Dinkes")
        assert r.status in ("loaded", "duplicate"), r.error
        if r.status == "loaded":
            ids.append(r.load_id)
    elif kind == "undo":
        live = [j for j in ids if j is not None]
        if live:
            j = ids.index(live[op[1] % len(live)])
            undo_load(con, ids[j])  # type: ignore[arg-type]
            ids[j] = None
    else:
        from etl.accounts import map_alias

        with contextlib.suppress(ValueError):  # already tied
            map_alias(con, "instagram", "Akun Tak Dikenal", "@dinkes.sukamaju")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op_st, min_size=2, max_size=6))
def test_kept_counts_equal_a_recount_after_any_writes(ops):
    con = connect(":memory:")
    load_master(con, _MASTER)
    ids: list[int | None] = []
    for op in ops:
        _apply(con, op, ids)
        drift = con.sql(CHECK).pl()
        assert drift.height == 0, (op, drift)
    kept = _kept(con)
    format_counts.recount(con)
    assert kept.equals(_kept(con))
    assert kept.filter(pl.col("posts") <= 0).height == 0
    assert int(kept["posts"].sum() or 0) == con.execute("SELECT count(*) FROM posts").fetchone()[0]


def test_logbook_posts_and_formats_are_kept_apart():
    """An export's formats and a logbook's own posts (no format, from_logbook) are counted on
    their own rows; a logbook row joined to an export's post counts as the export's."""
    con = connect(":memory:")
    load_master(con, _MASTER)
    _apply(con, ("export", ([(0, 0, 0, 0), (1, 0, 0, 1), (2, 0, 0, 3)], 1)), [])
    _apply(con, ("logbook", [(0, 0), (5, 0)]), [1])
    kept = _kept(con).select("post_format", "from_logbook", "posts")
    assert kept.sort(pl.all(), nulls_last=True).rows() == [
        ("foto", False, 1),
        ("video", False, 1),
        (None, False, 1),
        (None, True, 1),
    ]
    assert con.sql(CHECK).pl().height == 0


def test_a_drifted_table_is_refused():
    con = connect(":memory:")
    load_master(con, _MASTER)
    _apply(con, ("export", ([(0, 0, 0, 0)], 1)), [])
    con.execute("DELETE FROM post_format_month")
    assert con.sql(CHECK).pl().height == 1
    gone = con.sql("SELECT * FROM posts").pl()
    with pytest.raises(format_counts.FormatCountDrift):
        format_counts.apply_change(con, gone, None)
