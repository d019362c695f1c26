"""Each meeting page's warehouse queries, timed one by one, for two code trees in the same run.

    .venv/bin/python benchmarks/page_queries.py WAREHOUSE [--before TREE] [--rounds 2]
        [--pages ringkasan,konten,tren,keaktifan,kelengkapan] [--json FILE]

Per page, the queries the page asks ui.data for are recorded by running it in AppTest
(benchmarks/page_dump.record), then replayed on a new connection: cold (the first pass over the
page's calls, in page order) and warm (median of 3 more passes), as wall and CPU milliseconds
(CPU of the process: DuckDB's threads included; on a shared machine the CPU figure is the
steadier one). With
--before, the same is measured with another checkout's code (e.g. `git archive main`), each
tree in a fresh child process on its own copy of WAREHOUSE, alternating `--rounds` times, and
the after/before ratios are printed: both sides share the machine's load of the moment.
A call the page derives from results it already holds (top_bottom_opds from the cached
opd_index, trend_comparison from the two cached trends: ui.data) is timed as that derivation,
as the page runs it, not as a second run of the queries under it (which older figures of this
script counted). The data end is read once per page and given to every query, as ui.data does
once per data version (row "data_end"; a tree without data_end_given has no such row), and
each pass over the page's calls shares what one rerun shares in the app (the period's
judgement: paid by the first call that needs it in the pass). Every page is recorded before
any is timed, and the timing runs with Python's garbage collector frozen and off (as timeit):
the recording's AppTest heap is not the app's. --data-end DAY judges every query as if the data
ended that day (a day inside the last month: the running month of a real warehouse, where the
pages' default period is cut by the data end and other statements run than for whole months),
and the pages are recorded with that data end too (_app_data_end: the calls, periods and
comparison plans the app makes when its data ends that day; before session 21 they were
recorded with the warehouse's own data end and only replayed with DAY).

Two totals per page: "all" (every recorded call, the data end and the data-version read: the
page's first visit with no cache) and "after a filter change" (only what the app runs again when
a sidebar filter changes: the data-version read ui.data makes once per rerun, and the calls
whose arguments carry the Filters; the calls without them, i.e. the sidebar's options and the
data end, are cached per data version by ui.data and are not run again).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAGES = ("ringkasan", "konten", "tren", "keaktifan", "kelengkapan")
DERIVED = ("top_bottom_opds", "trend_comparison")


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(t: tuple[float, float]) -> tuple[float, float]:
    return (time.perf_counter() - t[0]) * 1000, (time.process_time() - t[1]) * 1000


def measure(db: str, pages: list[str]) -> dict[str, Any]:
    """In this process, with the code of the tree on sys.path[0]: per page and query, cold and
    warm wall/CPU ms."""
    import page_dump

    from warehouse.db import connect

    os.environ["PANTAU_DB"] = db
    os.environ["PANTAU_BOOTSTRAP"] = "0"
    connect(db).close()  # migrations (if any) before anything is timed
    # Every page recorded first, then the garbage collector's heap frozen and the collector
    # off while timing (as timeit does): what AppTest leaves in this process is no app's heap,
    # and a full collection of it (80-110 ms) landing in one timed call is not the query's.
    recorded: dict[str, dict[str, tuple]] = {}
    with _app_data_end(os.environ.get("PAGE_QUERIES_DATA_END")):
        for page in pages:
            seen: dict[str, tuple] = recorded.setdefault(page, {})
            for name, fn, args, kwargs in page_dump.record(page, own_only=True):
                seen.setdefault(page_dump._key(name, args, kwargs), (name, fn, args, kwargs))
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        return {page: _measure_page(db, recorded[page]) for page in pages}
    finally:
        gc.enable()
        gc.unfreeze()


@contextlib.contextmanager
def _app_data_end(cut: str | None) -> Iterator[None]:
    """--data-end DAY: inside the block the app's data end is DAY, as the app reads it once per
    data version (warehouse.queries.run.read_data_end, which ui.data and every query that is
    given no data end call), so the pages are recorded as the app runs them when its data ends
    that day: the sidebar's periods, the KPI tiles' comparison plans and every call the pages
    make follow that day, as the replay (data_end_given) does. Posts after DAY stay in the
    warehouse (the periods' rows are a few more than in a warehouse that ends there). No cut:
    nothing changed."""
    if not cut:
        yield
        return
    import datetime as dt

    from warehouse.queries import run

    real = run.read_data_end
    day = dt.date.fromisoformat(cut)
    run.read_data_end = lambda con: day  # type: ignore[assignment]
    try:
        yield
    finally:
        run.read_data_end = real  # type: ignore[assignment]


def _measure_page(db: str, seen: dict[str, tuple]) -> dict[str, Any]:
    """One page's recorded calls replayed: cold and 3 warm passes (measure)."""
    import page_dump

    from warehouse.db import connect

    con = connect(db)
    rows: list[dict[str, Any]] = []
    results: dict[str, Any] = {}
    given = _data_end_once(con, rows)
    _data_version_row(con, rows)
    # Calls the page derives from others' results go last, after those results.
    calls = sorted(seen.values(), key=lambda c: c[0].rsplit(".", 1)[-1] in DERIVED)
    # The page's calls in order, 4 times: the first pass cold, the other 3 warm. Each pass
    # shares what one rerun of the page shares in the app (a fresh store: ui.data keeps
    # one per data version), so a shared result is paid once per pass.
    times: list[list[tuple[float, float]]] = [[] for _ in calls]
    for n_pass in range(4):
        with _sharing_one_rerun():
            for i, (name, fn, args, kwargs) in enumerate(calls):
                run = _as_the_page_runs(name, args, kwargs, results) or (
                    lambda fn=fn, args=args, kwargs=kwargs, con=con: fn(con, *args, **kwargs)
                )
                t = _clock()
                with given():
                    got = run()
                times[i].append(_since(t))
                if n_pass == 0:
                    results[page_dump._key(name, args, kwargs)] = got
    for (name, _fn, args, kwargs), (cold, *warm) in zip(calls, times, strict=True):
        rows.append(
            {
                "query": name.rsplit(".", 1)[-1],
                "cold_ms": cold[0],
                "cold_cpu_ms": cold[1],
                "warm_ms": statistics.median(w[0] for w in warm),
                "warm_cpu_ms": statistics.median(w[1] for w in warm),
                "on_filter_change": _keyed_by_filters(args, kwargs),
            }
        )
    con.close()
    keys = ("cold_ms", "cold_cpu_ms", "warm_ms", "warm_cpu_ms")
    return {
        "queries": rows,
        **{k: sum(r[k] for r in rows) for k in keys},
        **{
            f"{k}_filter_change": sum(r[k] for r in rows if r.get("on_filter_change"))
            for k in ("warm_ms", "warm_cpu_ms")
        },
    }


def _keyed_by_filters(args: tuple, kwargs: dict) -> bool:
    """True when a call's arguments carry the page's Filters, so that ui.data's cache key changes
    with a filter and the app runs it again; the other calls are kept per data version."""
    from warehouse.queries.filters import Filters

    return any(isinstance(a, Filters) for a in (*args, *kwargs.values()))


def _data_version_row(con: Any, rows: list[dict[str, Any]]) -> None:
    """The data-version read ui.data makes once per rerun (options.data_version), timed as a
    row "data_version": it runs after a filter change too. A tree without it: no row."""
    try:
        from warehouse.queries.options import data_version
    except ImportError:
        return
    rows.append(_timed_row("data_version", lambda: data_version(con), on_filter_change=True))


def _timed_row(query: str, read: Any, on_filter_change: bool) -> dict[str, Any]:
    """`read()` timed 4 times: a row with the first (cold) and the median of the other 3 (warm)."""
    times = []
    for _ in range(4):
        t = _clock()
        read()
        times.append(_since(t))
    return {
        "query": query,
        "cold_ms": times[0][0],
        "cold_cpu_ms": times[0][1],
        "warm_ms": statistics.median(w[0] for w in times[1:]),
        "warm_cpu_ms": statistics.median(w[1] for w in times[1:]),
        "on_filter_change": on_filter_change,
    }


def _sharing_one_rerun() -> Any:
    """As ui.data does for one data version: results the queries share (the period's
    judgement) computed once; a tree without warehouse.queries.run.sharing: nothing shared."""
    import contextlib

    try:
        from warehouse.queries.run import sharing
    except ImportError:
        return contextlib.nullcontext()
    return sharing({})


def _data_end_once(con: Any, rows: list[dict[str, Any]]) -> Any:
    """As ui.data does: the data end read once (timed as a row "data_end") and given to every
    query (warehouse.queries.run.data_end_given). A tree without it: a context that does
    nothing, and no row."""
    import contextlib

    try:
        from warehouse.queries.run import data_end_given, read_data_end
    except ImportError:
        return contextlib.nullcontext
    value: list[Any] = []
    rows.append(
        _timed_row("data_end", lambda: value.append(read_data_end(con)), on_filter_change=False)
    )
    cut = os.environ.get("PAGE_QUERIES_DATA_END")
    if cut:  # --data-end: every query judged as if the data ended that day
        import datetime as dt

        value[0] = dt.date.fromisoformat(cut)
    return lambda: data_end_given(value[0])


def _as_the_page_runs(name: str, args: tuple, kwargs: dict, results: dict[str, Any]) -> Any:
    """For a call the page derives from results it already has (ui.data.top_bottom_opds from
    the cached opd_index, ui.data.trend_comparison from the two cached trends), the derivation
    alone when those results were replayed before it; None otherwise (replay the query)."""
    import page_dump

    from warehouse.queries import summary, trend

    short = name.rsplit(".", 1)[-1]
    if short == "top_bottom_opds":
        index = results.get(page_dump._key("warehouse.queries.activity.opd_index", args, {}))
        if index is not None:
            return lambda: summary.top_bottom(index, kwargs.get("n", 5))
    if short == "trend_comparison" and len(args) == 1 and not kwargs.keys() - {"grain"}:
        from warehouse import periods

        f, grain = args[0], kwargs.get("grain", "month")
        ago_f = f.shifted(*periods.year_ago_period(f.start, f.end))
        by = {"grain": grain, "by": "none"}
        now = results.get(page_dump._key("warehouse.queries.trend.trend", (f,), by))
        ago = results.get(page_dump._key("warehouse.queries.trend.trend", (ago_f,), by))
        bounds = results.get(page_dump._key("warehouse.queries.options.date_bounds", (), {}))
        if now is not None and ago is not None and bounds is not None:
            return lambda: trend.aligned_trends(now, ago, bounds[0], grain)
    return None


def _child(tree: Path, db: Path, pages: list[str]) -> dict[str, Any]:
    # page_dump puts its own tree first on sys.path and runs its own app.py: both are pointed
    # at `tree` before anything of the app is imported.
    code = (
        "import sys, json, pathlib; sys.path.insert(0, sys.argv[2]);"
        " import page_dump, page_queries as p;"
        " sys.path.insert(0, sys.argv[1]); page_dump.ROOT = pathlib.Path(sys.argv[1]);"
        " print(json.dumps(p.measure(sys.argv[3], sys.argv[4].split(','))))"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(tree), str(HERE), str(db), ",".join(pages)],
        cwd=tree, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if res.returncode:
        raise RuntimeError(res.stderr[-3000:])
    out: dict[str, Any] = json.loads(res.stdout.strip().splitlines()[-1])
    return out


def _print_table(
    summary: dict[str, Any], pages: list[str], keys: tuple[str, ...], heads: Any
) -> None:
    """Per page a row per side and, with a before side, the after/before ratios."""
    print(f"{'page':12s} " + " ".join(f"{h:>18s}" for h in heads))
    for p in pages:
        for side in summary:
            s = summary[side][p]
            print(f"{p + ' ' + side:12s} " + " ".join(f"{s[k]:18.0f}" for k in keys))
        if "before" in summary:
            b, af = summary["before"][p], summary["after"][p]
            ratio = " ".join(f"{(af[k] / b[k] if b[k] else float('nan')):17.2f}x" for k in keys)
            print(f"{p + ' ratio':12s} {ratio}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--before", type=Path, default=None, help="the other tree (before)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--pages", default=",".join(PAGES))
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument(
        "--data-end",
        default=None,
        help="YYYY-MM-DD: the queries judged as if the data ended that day (a day inside the"
        " last month: the pages' default period is then cut by the data end, the running month"
        " of a real warehouse, whose statements differ from whole months')",
    )
    a = ap.parse_args()
    if a.data_end:
        os.environ["PAGE_QUERIES_DATA_END"] = a.data_end  # read by the children (measure)
    pages = [p.strip() for p in a.pages.split(",") if p.strip()]
    trees = {"after": HERE.parent} | ({"before": a.before.resolve()} if a.before else {})
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in trees}
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory(prefix="pantau-pq-") as d:
        for _ in range(a.rounds):
            for side in sorted(trees):  # after, before, after, before ...
                copy = Path(d) / f"{side}.duckdb"
                shutil.copy(a.warehouse, copy)
                runs[side].append(_child(trees[side], copy, pages))
                copy.unlink()
                load.append(os.getloadavg()[0])
    keys = ("warm_ms", "warm_cpu_ms", "cold_ms", "cold_cpu_ms")
    keys_fc = ("warm_ms_filter_change", "warm_cpu_ms_filter_change")
    summary: dict[str, Any] = {}
    for side, rs in runs.items():
        summary[side] = {
            p: {k: statistics.median(r[p].get(k, float("nan")) for r in rs) for k in keys + keys_fc}
            for p in pages
        }
    print(f"data end given: {a.data_end or 'the warehouse own'}")
    print(f"warehouse {a.warehouse}; load average {min(load):.1f} to {max(load):.1f}; "
          f"{a.rounds} rounds, medians")  # fmt: skip
    _print_table(summary, pages, keys, keys)
    print("\nafter a filter change (the data-version read and the calls keyed by the filters):")
    _print_table(summary, pages, keys_fc, [k.removesuffix("_filter_change") for k in keys_fc])
    print("\nper query, warm CPU ms (median of rounds):")
    for p in pages:
        for side in runs:
            per: dict[str, list[float]] = {}
            for r in runs[side]:
                for q in r[p]["queries"]:
                    per.setdefault(q["query"], []).append(q["warm_cpu_ms"])
            txt = ", ".join(f"{q} {statistics.median(v):.0f}" for q, v in per.items())
            print(f"  {p} {side}: {txt}")
    if a.json:
        a.json.write_text(json.dumps({"runs": runs, "summary": summary, "load": load}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
