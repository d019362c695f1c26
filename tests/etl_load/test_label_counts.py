"""post_content_month (per-month content counts kept at every write) equals a recount after any
sequence of loads, undos, relabels and analysts' overrides; and content_counts read from it
gives, for any period, bucket and filter, the counts taken post by post."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.classify import classify_posts, clear_override, set_override
from etl.load import load_tables, undo_load
from etl.master import load_master
from tests.factory import ig_post, sha, table, write_master
from warehouse import label_counts
from warehouse.db import SQL_DIR, connect

CHECK = (SQL_DIR / "checks" / "post_content_month_matches_posts.sql").read_text(encoding="utf-8")
HANDLES = ("dinkes.sukamaju", "kominfo_sukamaju", "bappeda.sukamaju")
CAPTIONS = (
    "Selamat Hari Guru Nasional",
    "Kegiatan posyandu balita di desa",
    "Pelayanan KTP keliling hari ini",
    "Bupati meresmikan jembatan baru",
)
# Days over three months, so a load touches several OPD-months and periods cut months.
DAYS = [dt.date(2026, 9, 28) + dt.timedelta(days=7 * i) for i in range(10)]

_MASTER = Path(tempfile.mkdtemp()) / "Daftar Akun Medsos OPD.xlsx"
write_master(_MASTER)

file_st = st.tuples(
    # (post, day, account, caption)
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 9), st.integers(0, 2), st.integers(0, 3)),
        min_size=1,
        max_size=8,
    ),
    st.integers(1, 4),  # export day
)
op_st = st.one_of(
    st.tuples(st.just("load"), file_st),
    st.tuples(st.just("undo"), st.integers(0, 5)),
    st.tuples(st.just("override"), st.integers(0, 9), st.sampled_from(["ucapan", "capaian"])),
    st.tuples(st.just("figure"), st.integers(0, 9), st.booleans()),
    st.tuples(st.just("clear"), st.integers(0, 9)),
    st.tuples(st.just("relabel"), st.booleans()),
)


def _tables(spec):
    rows, day = spec
    # A later export of a post carries other interaction counts (and reach 0 at export day 1):
    # the kept interaction sums must follow, as the post counts do.
    posts = [
        ig_post(n, caption=CAPTIONS[c], day=DAYS[d], handle=HANDLES[h], likes=5 * (day - 1))
        for n, d, h, c in rows
    ]
    return [table(posts, exported_at=dt.datetime(2026, 12, 10 + day))]


def _kept(con) -> pl.DataFrame:
    return con.sql("SELECT * FROM post_content_month ORDER BY ALL").pl()


def _post_key(con, n: int) -> str | None:
    keys = [r[0] for r in con.execute("SELECT post_key FROM posts ORDER BY post_key").fetchall()]
    return keys[n % len(keys)] if keys else None


def _apply(con, op, ids: list[int]) -> None:
    kind = op[0]
    if kind == "load":
        i = len(ids)
        r = load_tables(con, _tables(op[1]), file_name=f"f{i}.csv", sha256=sha(f"f{i}"))
        assert r.status in ("loaded", "duplicate"), r.error
        if r.status == "loaded":
            ids.append(r.load_id)
        return
    if kind == "undo":
        live = [i for i in ids if i is not None]
        if live:
            j = ids.index(live[op[1] % len(live)])
            undo_load(con, ids[j])
            ids[j] = None  # type: ignore[call-overload]
        return
    if kind == "relabel":
        classify_posts(con, None if op[1] else [i for i in ids if i is not None])
        return
    key = _post_key(con, op[1])
    if key is None:
        return
    if kind == "override":
        set_override(con, key, op[2], note="uji", by="uji")
    elif kind == "figure":
        set_override(con, key, None, op[2], note="uji", by="uji")
    else:
        clear_override(con, key)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op_st, min_size=2, max_size=6))
def test_kept_counts_equal_a_recount_after_any_writes(ops):
    con = connect(":memory:")
    load_master(con, _MASTER)
    ids: list[int] = []
    for op in ops:
        _apply(con, op, ids)
        drift = con.sql(CHECK).pl()
        assert drift.height == 0, (op, drift)
    kept = _kept(con)
    label_counts.recount(con)
    assert kept.equals(_kept(con))
    assert kept.filter(pl.col("posts") <= 0).height == 0
    assert int(kept["posts"].sum() or 0) == con.execute("SELECT count(*) FROM posts").fetchone()[0]


# content_counts against the posts themselves: one warehouse, many periods.
_CON = connect(":memory:")
load_master(_CON, _MASTER)
_spec = (
    [(n, n % 10, n % 3, n % 4) for n in range(10)] + [(n, (n * 3) % 10, 0, 0) for n in range(5)],
    1,
)
assert load_tables(_CON, _tables(_spec), file_name="a.csv", sha256=sha("a")).status == "loaded"
set_override(_CON, _post_key(_CON, 3), "capaian", True, note="uji", by="uji")

_BY_POST = """
SELECT bucket_start($grain, published_at, $start) AS period_start, opd_id, opd, opd_short,
       opd_kind, platform, content_type, is_figure_centric, count(*) AS posts,
       count_if(has_interaction) AS interaction_posts,
       sum(engagement) FILTER (WHERE has_interaction) AS interaction_engagement,
       count_if(reach > 0) AS reach_posts,
       sum(engagement) FILTER (WHERE reach > 0) AS reach_engagement,
       sum(reach) FILTER (WHERE reach > 0) AS reach
FROM scoped_posts($start, $end_excl, $platforms, $opd_kinds, $opd_ids)
GROUP BY ALL ORDER BY ALL
"""
_FROM_COUNTS = """
SELECT period_start, opd_id, opd, opd_short, opd_kind, platform, content_type,
       is_figure_centric, sum(posts) AS posts, sum(interaction_posts) AS interaction_posts,
       sum(interaction_engagement) AS interaction_engagement,
       sum(reach_posts) AS reach_posts, sum(reach_engagement) AS reach_engagement,
       sum(reach) AS reach
FROM content_counts($grain, $start, $end_excl, $platforms, $opd_kinds, $opd_ids)
GROUP BY ALL ORDER BY ALL
"""


@settings(max_examples=15, deadline=None)
@given(
    start=st.dates(dt.date(2026, 8, 25), dt.date(2026, 12, 5)),
    days=st.integers(1, 120),
    grain=st.sampled_from(["period", "day", "week", "month"]),
    platforms=st.sampled_from([[], ["instagram"], ["facebook"]]),
)
def test_content_counts_equal_the_posts_counted_one_by_one(start, days, grain, platforms):
    params = {
        "grain": grain,
        "start": start,
        "end_excl": start + dt.timedelta(days=days),
        "platforms": platforms,
        "opd_kinds": [],
        "opd_ids": [],
    }
    by_post = _CON.sql(_BY_POST, params=params).pl()
    counts = _CON.sql(_FROM_COUNTS, params=params).pl()
    sums = ("posts", "interaction_posts", "interaction_engagement", "reach_posts")
    sums += ("reach_engagement", "reach")
    as_int = dict.fromkeys(sums, pl.Int64)
    assert counts.cast(as_int).equals(by_post.cast(as_int), null_equal=True)
