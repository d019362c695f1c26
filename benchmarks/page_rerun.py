"""A page's full rerun after a filter change (AppTest, st.cache_data cleared), this tree against
another, alternated in the same run: CPU ms of this process (DuckDB's threads included).

    .venv/bin/python benchmarks/page_rerun.py WAREHOUSE [WAREHOUSE ...] --before TREE
        [--pages konten,keaktifan,ringkasan,tren] [--rounds 2] [--reruns 3] [--warm]

TREE: a checkout of the other code (`git archive main | tar -x -C TREE`). Each (tree, page,
warehouse) runs in a fresh child: the page is shown once, then rerun --reruns times with the
caches cleared (--warm: kept, so only the Python side of the rerun is left); the median is
printed with the load average and UTC time, then the ratios, of the whole rerun and of its
Python side (the rerun less the CPU spent inside the warehouse's statements, which vary most
on a busy machine).
A rerun that raises or draws no chart stops the run (a locked or wrong warehouse would
otherwise time an error page). Warehouses: e.g. `benchmarks/page_scale.py`'s `build`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(
    root: str, db: str, page: str, reruns: int, warm: bool = False
) -> list[tuple[float, float]]:
    """(CPU ms, of which inside the warehouse's statements) of each rerun of page, run inside
    the tree at root; warm: the cached query results kept (what is left is the Python side:
    charts, tables, Streamlit's elements). The statements' share is the process CPU spent in
    warehouse.queries.run._fetch_arrow (DuckDB's threads included), which runs every page
    statement; the rest is the Python side of the rerun."""
    import logging

    sys.path.insert(0, root)
    os.chdir(root)
    os.environ["PANTAU_DB"], os.environ["PANTAU_BOOTSTRAP"] = db, "0"
    logging.disable(logging.WARNING)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from ui import navigation
    from warehouse.queries import run

    in_sql = [0.0]
    fetch = run._fetch_arrow

    def timed(*args, **kwargs):
        c = time.process_time()
        try:
            return fetch(*args, **kwargs)
        finally:
            in_sql[0] += time.process_time() - c

    run._fetch_arrow = timed
    at = AppTest.from_file(os.path.join(root, "app.py"), default_timeout=600)
    at.run()
    if page != "ringkasan":
        at.switch_page({s.key: s.path for s in navigation.PAGES}[page]).run()
    out = []
    for _ in range(reruns):
        if not warm:
            st.cache_data.clear()
        in_sql[0] = 0.0
        c0 = time.process_time()
        at.run()
        out.append(((time.process_time() - c0) * 1000, in_sql[0] * 1000))
        assert not at.exception, at.exception[0].value
        assert at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart"), "no chart"
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouses", nargs="+")
    ap.add_argument("--before", required=True)
    ap.add_argument("--pages", default="konten,keaktifan,ringkasan,tren")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--reruns", type=int, default=3)
    ap.add_argument("--warm", action="store_true", help="keep the cached query results")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(" ".join(f"{ms:.0f}/{sql:.0f}" for ms, sql in child(*a.child, a.reruns, a.warm)))
        return 0
    trees = {"before": str(Path(a.before).resolve()), "after": str(ROOT)}
    got: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for r in range(a.rounds):
        for db in a.warehouses:
            for page in a.pages.split(","):
                for side, root in trees.items():
                    cmd = [sys.executable, __file__, db, "--before", a.before, "--reruns"]
                    cmd += [str(a.reruns), "--child", root, str(Path(db).resolve()), page]
                    cmd += ["--warm"] if a.warm else []
                    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
                    runs = [x.split("/") for x in res.stdout.split()[-a.reruns :]]
                    ms = [float(t) for t, _ in runs]
                    py = [float(t) - float(q) for t, q in runs]
                    got.setdefault((db, page, side), []).append(
                        (statistics.median(ms), statistics.median(py))
                    )
                    load = os.getloadavg()[0]
                    print(f"{time.strftime('%H:%M:%S', time.gmtime())} UTC load {load:.1f} "
                          f"round {r + 1} {side} {page} {Path(db).name}: {ms} "
                          f"(Python side {[round(x) for x in py]})", flush=True)  # fmt: skip
    for (db, page, side), v in got.items():
        if side == "after":
            b = got[(db, page, "before")]
            for i, what in ((0, "CPU"), (1, "Python side")):
                vb, va = [x[i] for x in b], [x[i] for x in v]
                print(f"{page} {Path(db).name} {what}: before {[round(x) for x in vb]} after "
                      f"{[round(x) for x in va]} ms, ratio of medians "
                      f"{statistics.median(va) / statistics.median(vb):.2f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
