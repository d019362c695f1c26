"""Pages as the warehouse grows: a page's full rerun and its queries at a small and a large
warehouse, in the same run, printed as ratios and written as JSON.

    .venv/bin/python benchmarks/page_scale.py [--small 20000] [--large 500000]
        [--huge 10000000] [--pages ringkasan,konten,tren,keaktifan] [--json FILE]

Rows (the speed table in the README):
- a page's full rerun after a filter change (AppTest, st.cache_data cleared: every cached query
  runs again, as after a change of period or platform) at --large posts vs the same at --small
  posts: the ratio (goal <= 1.5x for 25x the data) and the milliseconds (goal <= 500 ms);
- all of one page's queries, warm (median of 3) and cold, at each size; with --huge also at that
  size (goal < 2 s at 10,000,000 posts).
Each page is measured in a fresh child process (benchmarks/province.py's `pages` job: the page's
queries recorded by running it in AppTest, then replayed on a new connection).

The warehouses are synthetic (benchmarks/query_speed.py's build: 200 OPDs, 400 accounts, skewed
activity over 24 months, stored labels), not loaded from exports: building 500,000 posts through
the loader takes an hour on this machine kind, and 10,000,000 would take most of a day. Above
1,000,000 posts the 1,000,000 are repeated under new keys (the same accounts and days: 10x the
posts per account-day). Every account's export is marked as received for the whole span
(load_coverage), so the activity judgement, index and rankings have their full work to do.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

BASE_MAX = 1_000_000  # generated once; larger warehouses repeat it


def build(path: Path, n_posts: int) -> float:
    """A synthetic warehouse of n_posts at path; seconds it took."""
    import query_speed

    from warehouse import coverage_days, day_counts
    from warehouse.db import connect

    t0 = time.perf_counter()
    query_speed.build(path, min(n_posts, BASE_MAX))
    con = connect(path)
    if n_posts > BASE_MAX:
        copies = math.ceil(n_posts / BASE_MAX)
        con.execute(
            "INSERT INTO posts SELECT p.* REPLACE (p.post_key || '-' || t.r AS post_key,"
            " p.permalink || '-' || t.r AS permalink,"
            " md5_number_lower(p.post_key || '-' || t.r) AS key_hash)"
            " FROM posts p, range(1, $copies) t(r) LIMIT $extra",
            {"copies": copies, "extra": n_posts - BASE_MAX},
        )
        day_counts.recount(con)
    # Every account's export received for the whole span (see the module docstring).
    con.execute(
        "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
        " period_end, basis) SELECT 1, a.opd_id, a.platform, a.account_id, b.lo, b.hi,"
        " 'file_name' FROM account a,"
        " (SELECT min(published_at)::DATE lo, max(published_at)::DATE hi FROM posts) b"
    )
    coverage_days.rebuild(con)  # written by hand: the covered days kept from it too
    con.close()
    return time.perf_counter() - t0


def _pages(db: Path, pages: list[str]) -> dict[str, Any]:
    from province import child

    out = {}
    for p in pages:  # each page's figures printed as they come: a stopped run keeps them
        out[p] = child("pages", str(db), [p])[p]
        say(f"{p}: {json.dumps(out[p])}")
    return out


def run(sizes: dict[str, int], pages: list[str], tmp: Path) -> dict[str, Any]:
    res: dict[str, Any] = {"sizes": sizes, "pages": {}, "build_s": {}}
    for label, n in sizes.items():
        db = tmp / f"wh_{n}.duckdb"
        say(f"building {n:,} posts")
        res["build_s"][label] = build(db, n)
        say(f"pages at {n:,} posts")
        res["pages"][label] = _pages(db, pages)
        shutil.rmtree(db, ignore_errors=True) if db.is_dir() else db.unlink()
    return res


def say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.1f}] {msg}", flush=True)


def report(res: dict[str, Any]) -> list[str]:
    sizes = res["sizes"]
    small, large = res["pages"].get("small", {}), res["pages"].get("large", {})
    lines = [
        "| what | page | ours | baseline in the same run | ratio | goal |",
        "|---|---|---|---|---|---|",
    ]
    for p in small if large else ():
        a, b = large[p], small[p]
        lines.append(
            f"| page rerun after a filter change (AppTest, caches cleared), "
            f"{sizes['large']:,} posts | {p} | {a['rerun_ms']:,.0f} ms wall, "
            f"{a['rerun_cpu_ms']:,.0f} ms CPU | the same at {sizes['small']:,} posts: "
            f"{b['rerun_ms']:,.0f} ms wall, {b['rerun_cpu_ms']:,.0f} ms CPU | "
            f"{a['rerun_ms'] / b['rerun_ms']:.2f}x wall, "
            f"{a['rerun_cpu_ms'] / b['rerun_cpu_ms']:.2f}x CPU | <= 1.5x and <= 500 ms |"
        )
    for label, n in sizes.items():
        for p, v in res["pages"][label].items():
            lines.append(
                f"| all of one page's queries at {n:,} posts, warm (cold) | {p} | "
                f"{v['warm_ms']:,.0f} ms wall, {v['warm_cpu_ms']:,.0f} ms CPU "
                f"({v['cold_ms']:,.0f} / {v['cold_cpu_ms']:,.0f} ms), {v['queries']} queries "
                f"| | | {'< 2 s' if n >= 10_000_000 else '< 150 ms at 1M'} |"
            )
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=20_000)
    ap.add_argument("--large", type=int, default=500_000)
    ap.add_argument("--huge", type=int, default=0, help="also this size (e.g. 10000000)")
    ap.add_argument("--pages", default="ringkasan,konten,tren,keaktifan")
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    # A size of 0 is left out (`--small 0 --large 0 --huge 10000000`: the largest alone).
    wanted = {"small": a.small, "large": a.large, "huge": a.huge}
    sizes = {k: n for k, n in wanted.items() if n}
    pages = [p.strip() for p in a.pages.split(",") if p.strip()]
    started, load_before = time.strftime("%Y-%m-%d %H:%M:%S %Z"), os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="pantau-pages-") as d:
        res = run(sizes, pages, Path(d))
    res["machine"] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "started": started,
    }
    lines = report(res)
    print("\n".join(lines))
    print(f"load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f}")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps({**res, "table": lines}, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
