"""Dashboard query speed on a synthetic 1M-post warehouse.

Builds a temporary DuckDB file (default 1,000,000 posts, 400 accounts, 200 OPDs, 24 months),
then prints milliseconds per warehouse.queries function, cold (first run on a new connection)
and warm (median of 3 repeats), next to baselines measured in the same run:
- content mix with 17 ILIKE rules at query time (what we avoid by storing labels at load time),
- activity per OPD-month with a pandas groupby over all posts fetched to Python.

Usage: .venv/bin/python benchmarks/query_speed.py [--posts 1000000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from caption_words import WORDS  # noqa: E402

from warehouse import day_counts  # noqa: E402
from warehouse.db import connect  # noqa: E402
from warehouse.queries import activity as activity_queries  # noqa: E402
from warehouse.queries import content as content_queries  # noqa: E402
from warehouse.queries import drilldown, filters, summary  # noqa: E402
from warehouse.queries import trend as trend_queries  # noqa: E402

KINDS = ["dinas", "badan", "kecamatan", "desa", "kelurahan", "bagian", "rsud"]
PLATFORMS = ["facebook", "instagram", "tiktok", "youtube", "x"]
TYPES = ["ucapan", "kegiatan", "layanan", "informasi", "capaian", "klarifikasi", "lainnya"]
# 17 naive rules, as a query-time classifier would write them.
ILIKE_RULES = [
    ("ucapan", "%selamat%"), ("ucapan", "%mohon maaf%"), ("ucapan", "%hari raya%"),
    ("ucapan", "%duka cita%"), ("kegiatan", "%kegiatan%"), ("kegiatan", "%rapat%"),
    ("kegiatan", "%sosialisasi%"), ("layanan", "%pelayanan%"), ("layanan", "%pendaftaran%"),
    ("layanan", "%posyandu%"), ("informasi", "%informasi%"), ("informasi", "%jadwal%"),
    ("capaian", "%capaian%"), ("capaian", "%realisasi%"), ("klarifikasi", "%hoaks%"),
    ("klarifikasi", "%klarifikasi%"), ("kegiatan", "%program%"),
]  # fmt: skip


def build(path: Path, n_posts: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    con = connect(path)
    n_opd, n_acc = 200, 400
    opd = pl.DataFrame(
        {
            "opd_id": np.arange(1, n_opd + 1, dtype=np.int32),
            "name": [f"OPD {i:03d}" for i in range(1, n_opd + 1)],
            "kind": [KINDS[i % len(KINDS)] for i in range(n_opd)],
            "operator_name": [None if i % 9 == 0 else f"Operator {i}" for i in range(n_opd)],
            "operator_trained": [i % 4 != 0 for i in range(n_opd)],
            "expected_to_post": [i % 20 != 0 for i in range(n_opd)],
        }
    )
    con.register("opd_df", opd)
    con.execute(
        "INSERT INTO opd (opd_id, name, kind, operator_name, operator_trained, expected_to_post)"
        " SELECT * FROM opd_df"
    )
    acc = pl.DataFrame(
        {
            "account_id": np.arange(1, n_acc + 1, dtype=np.int32),
            "opd_id": (np.arange(n_acc) % n_opd + 1).astype(np.int32),
            "platform": [PLATFORMS[(i // n_opd) % 2 + (i % 3 == 0) * 2] for i in range(n_acc)],
        }
    ).with_columns(handle=pl.format("akun{}", pl.col("account_id")))
    con.register("acc_df", acc)
    con.execute(
        "INSERT INTO account (account_id, opd_id, platform, handle, handle_norm)"
        " SELECT account_id, opd_id, platform, handle, handle || '_' || platform FROM acc_df"
    )
    # From the sequence, as a load takes it: a kept warehouse (--keep) then takes real loads too
    # (a literal id left load_id_seq behind, and the next load's id collided).
    row = con.execute(
        "INSERT INTO loads (file_name, sha256, status) VALUES ('bench', 'x', 'loaded')"
        " RETURNING load_id"
    ).fetchone()
    assert row is not None
    load_id = int(row[0])
    # Skewed activity: some accounts post a lot, some rarely, some never.
    weights = rng.pareto(1.2, n_acc) + 0.05
    weights[rng.choice(n_acc, 30, replace=False)] = 0
    weights /= weights.sum()
    account_ix = rng.choice(n_acc, n_posts, p=weights)
    start = dt.datetime(2024, 12, 1)
    seconds = rng.integers(0, 730 * 86400, n_posts)
    n_words = rng.integers(8, 60, n_posts)
    word_ix = rng.integers(0, len(WORDS), (n_posts, 4))
    words = np.array(WORDS)
    head = [" ".join(row) for row in words[word_ix]]
    posts = pl.DataFrame(
        {
            "post_key": [f"k{i}" for i in range(n_posts)],
            "account_id": acc["account_id"].to_numpy()[account_ix],
            "opd_id": acc["opd_id"].to_numpy()[account_ix],
            "platform": acc["platform"].to_numpy()[account_ix],
            "published_at": pl.Series([start] * n_posts) + pl.Series(seconds * 1_000_000).cast(
                pl.Duration("us")
            ),
            "caption": head,
            "repeat": n_words,
            "content_type": np.array(TYPES)[rng.choice(7, n_posts, p=[.3, .3, .1, .1, .08, .02, .1])],
            "is_figure_centric": rng.random(n_posts) < 0.15,
            "reactions": rng.integers(0, 500, n_posts),
            "comments": rng.integers(0, 50, n_posts),
            "shares": rng.integers(0, 30, n_posts),
            "reach": np.where(rng.random(n_posts) < 0.6, rng.integers(100, 20000, n_posts), -1),
        }
    ).with_columns(
        caption=pl.col("caption") + pl.lit(" lorem") .repeat_by(pl.col("repeat")).list.join(""),
        reach=pl.when(pl.col("reach") < 0).then(None).otherwise(pl.col("reach")),
    ).drop("repeat")  # fmt: skip
    con.register("posts_df", posts)
    con.execute(
        "INSERT INTO posts (post_key, opd_id, account_id, platform, published_at, caption,"
        " caption_norm, content_type, content_source, is_figure_centric, reactions, comments,"
        " shares, reach, permalink, load_id, first_load_id, observed_at, key_hash)"
        " SELECT post_key, opd_id, account_id, platform, published_at, caption, caption,"
        " content_type, 'rule', is_figure_centric, reactions, comments, shares, reach,"
        " 'https://example.test/' || post_key, ?, ?, published_at, md5_number_lower(post_key)"
        " FROM posts_df",
        [load_id, load_id],
    )
    con.unregister("posts_df")
    day_counts.recount(con)  # posts written here, not by a load: their per-day counts too
    con.close()


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def ilike_content_mix(con, f: filters.Filters) -> pl.DataFrame:
    case = " ".join(f"WHEN caption ILIKE '{pat}' THEN '{label}'" for label, pat in ILIKE_RULES)
    # Benchmark-only SQL built from constants above, never from user input.
    sql = (
        f"SELECT CASE {case} ELSE 'lainnya' END AS content_type, count(*) AS posts FROM posts"
        " WHERE published_at >= $start AND published_at < $end_excl GROUP BY 1"
    )
    return con.cursor().sql(sql, params={"start": f.start, "end_excl": f.params()["end_excl"]}).pl()


def pandas_activity(con, f: filters.Filters):
    df = con.cursor().sql("SELECT opd_id, account_id, published_at FROM posts").df()
    df = df[(df.published_at >= str(f.start)) & (df.published_at < str(f.params()["end_excl"]))]
    df["month"] = df.published_at.dt.to_period("M")
    per_acc = df.groupby(["opd_id", "month", "account_id"]).size()
    per_opd = per_acc.groupby(level=[0, 1]).max()
    return (per_opd >= 4).groupby(level=1).mean()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, default=None)
    args = ap.parse_args()
    import pandas  # noqa: F401  (imported before timing: the baseline should not pay for it)

    tmp = tempfile.TemporaryDirectory()
    path = args.keep or Path(tmp.name) / "bench.duckdb"
    t0 = time.perf_counter()
    build(path, args.posts)
    print(f"built {args.posts:,} posts in {time.perf_counter() - t0:.1f} s -> {path}")

    month = filters.Filters(dt.date(2025, 11, 1), dt.date(2025, 11, 30))
    year = filters.Filters(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    cases: list[tuple[str, Callable]] = [
        ("kpi_summary (month, 3 periods)", lambda c: summary.kpi_summary(c, month)),
        ("activity_trend (12 months)", lambda c: activity_queries.activity_trend(c, year)),
        ("activity_by_kind (month)", lambda c: activity_queries.activity_by_kind(c, month)),
        ("opd_index (month)", lambda c: activity_queries.opd_index(c, month)),
        ("opd_index (year)", lambda c: activity_queries.opd_index(c, year)),
        ("opd_month_heatmap (12 months)", lambda c: activity_queries.opd_month_heatmap(c, year)),
        ("inactive_opds (month)", lambda c: activity_queries.inactive_opds(c, month)),
        ("account_dormancy", lambda c: activity_queries.account_dormancy(c, month)),
        ("content_mix (stored label, month)", lambda c: content_queries.content_mix(c, month)),
        ("content_mix (stored label, 12 months)", lambda c: content_queries.content_mix(c, year)),
        ("content_mix_over_time (12 months)", lambda c: content_queries.content_mix_over_time(c, year)),
        ("content_share_by_opd (month)", lambda c: content_queries.content_share_by_opd(c, month)),
        ("trend by platform (weekly, year)", lambda c: trend_queries.trend(c, year, "week", "platform")),
        ("trend_comparison (year)", lambda c: trend_queries.trend_comparison(c, year)),
        ("engagement_by_opd (month)", lambda c: trend_queries.engagement_by_opd(c, month)),
        ("top_posts 10 (month)", lambda c: trend_queries.top_posts(c, month, 10)),
        ("opd_daily_counts (one OPD, year)", lambda c: activity_queries.opd_daily_counts(c, year, 3)),
        ("drilldown_posts 500 (kinerja, month)", lambda c: drilldown.drilldown_posts(c, month, kinerja_only=True)),
        ("BASELINE content mix, 17 ILIKE rules", lambda c: ilike_content_mix(c, month)),
        ("BASELINE content mix, ILIKE, 12 months", lambda c: ilike_content_mix(c, year)),
        ("BASELINE activity, pandas groupby", lambda c: pandas_activity(c, year)),
    ]  # fmt: skip
    results = {}
    print(f"\n{'query':42s} {'cold ms':>9s} {'warm ms':>9s}")
    for name, fn in cases:
        con = connect(path, read_only=True)
        cold = timed(lambda fn=fn, con=con: fn(con))
        warm = statistics.median(timed(lambda fn=fn, con=con: fn(con)) for _ in range(3))
        con.close()
        results[name] = (cold, warm)
        print(f"{name:42s} {cold:9.0f} {warm:9.0f}")

    mix = results["content_mix (stored label, month)"]
    ilike = results["BASELINE content mix, 17 ILIKE rules"]
    mix_y = results["content_mix (stored label, 12 months)"]
    ilike_y = results["BASELINE content mix, ILIKE, 12 months"]
    print(
        f"content mix 12 months: stored label {mix_y[1]:.0f} ms warm vs ILIKE {ilike_y[1]:.0f} ms"
        f" -> {ilike_y[1] / mix_y[1]:.1f}x (ILIKE time / stored-label time)"
    )
    act = results["activity_trend (12 months)"]
    pd_activity = results["BASELINE activity, pandas groupby"]
    print(
        f"\ncontent mix: stored label {mix[1]:.0f} ms warm vs ILIKE {ilike[1]:.0f} ms"
        f" -> {ilike[1] / mix[1]:.1f}x (ILIKE time / stored-label time)"
    )
    print(
        f"activity trend: SQL {act[1]:.0f} ms warm vs pandas {pd_activity[1]:.0f} ms"
        f" -> {pd_activity[1] / act[1]:.1f}x (pandas time / SQL time)"
    )
    tmp.cleanup()


if __name__ == "__main__":
    main()
