"""CPU of labelling one batch of new captions (what a folder import's labelling pass does per
100,000 posts), this checkout against an earlier tree, alternated, each in a fresh process.

    .venv/bin/python benchmarks/label_batch.py --before /tmp/before-tree [--n 100000] [--rounds 3]

Two caption sets, all distinct: the province benchmark's own (benchmarks/province_data.py:
random words of benchmarks/caption_words.py with an OPD name, a date and hashtags) and
real-style ones (the shipped evaluation and independent captions repeated, each numbered).
Each child labels them with its tree's `label_captions` (rules + the shipped model, fitted and
warmed before the clock starts) and reports its CPU seconds (every thread of the process) and
wall seconds; the parent prints the medians and the ratio after / before, and checks that both
trees gave equal frames.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _captions(tree: Path, kind: str, n: int) -> list[str]:
    sys.path[:0] = [str(tree), str(tree / "benchmarks")]
    import datetime as dt
    import random

    import polars as pl

    if kind == "bench":
        import province_data as pdata

        rng = random.Random(11)
        opds = pdata.opds(100)
        day = dt.datetime(2026, 1, 1, 8)
        return [
            pdata._caption(rng, opds[i % 100], day + dt.timedelta(minutes=37 * i)) for i in range(n)
        ]
    base = [
        *pl.read_csv(tree / "tests/classify/eval_set.csv")["caption"].to_list(),
        *pl.read_csv(tree / "tests/classify/independent_test.csv")["caption"].to_list(),
    ]
    return [f"{base[i % len(base)]} ({i})" for i in range(n)]


def child(tree: str, kind: str, n: int, out: str) -> None:
    caps_list = _captions(Path(tree), kind, n)
    import polars as pl

    from etl.classify.engine import label_captions
    from etl.classify.rules import default_rules
    from etl.classify.training import shipped_model

    assert Path(sys.modules["etl"].__file__ or "").parent.parent == Path(tree)
    rules, model = default_rules(), shipped_model()
    caps = pl.Series("caption", caps_list, dtype=pl.String)
    label_captions(caps[:2000], rules, model)  # tables and caches of the process
    c0, t0 = time.process_time(), time.perf_counter()
    got = label_captions(caps, rules, model)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    got.write_parquet(out)
    print(json.dumps({"cpu_s": cpu, "wall_s": wall}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=False)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], a.child[1], int(a.child[2]), a.child[3])
        return 0
    import polars as pl

    trees = {"after": str(HERE.parent)}
    if a.before:
        trees = {"before": str(Path(a.before).resolve()), **trees}
    tmp = Path(os.environ.get("TMPDIR", "/tmp"))
    for kind in ("bench", "real"):
        res: dict[str, list[dict[str, float]]] = {t: [] for t in trees}
        for r in range(a.rounds):
            for name, tree in trees.items() if r % 2 == 0 else reversed(trees.items()):
                out = tmp / f"label_batch_{name}_{kind}.parquet"
                p = subprocess.run(
                    [sys.executable, __file__, "--child", tree, kind, str(a.n), str(out)],
                    capture_output=True, text=True, check=True, cwd=tree,
                )  # fmt: skip
                res[name].append(json.loads(p.stdout.strip().splitlines()[-1]))
                load = os.getloadavg()[0]
                print(
                    f"[{time.strftime('%H:%M:%S', time.gmtime())} UTC load {load:.1f}] {kind} "
                    f"{name}: {res[name][-1]['cpu_s']:.2f} CPU-s, {res[name][-1]['wall_s']:.2f} s",
                    flush=True,
                )
        med = {t: statistics.median(x["cpu_s"] for x in v) for t, v in res.items()}
        line = ", ".join(
            f"{t} {m:.2f} CPU-s ({a.n / m:,.0f} captions/CPU-s)" for t, m in med.items()
        )
        if "before" in med:
            line += f"; after/before {med['after'] / med['before']:.2f}x"
            same = pl.read_parquet(tmp / f"label_batch_before_{kind}.parquet").equals(
                pl.read_parquet(tmp / f"label_batch_after_{kind}.parquet")
            )
            line += f"; labels {'identical' if same else 'DIFFER'}"
        print(f"{kind} ({a.n:,} captions, median of {a.rounds}): {line}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
