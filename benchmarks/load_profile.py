"""Where a first start's loading time goes: every SQL statement the loading process runs, counted
and timed, grouped by its text; optionally a pyinstrument profile of the whole build.

    nice .venv/bin/python benchmarks/load_profile.py [--db /tmp/x.duckdb] [--html prof.html]

The connection is wrapped (calls forwarded unchanged), so the build is the real one; the time
of a lazy `con.sql(...)` is counted when its result is fetched. Prints statements per export
file, the statements by total time, and the build's wall and CPU seconds (this process only:
the parse children are not in it).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STATS: dict[str, list[float]] = collections.defaultdict(list)  # seconds, fetches included
CALLS: collections.Counter[str] = collections.Counter()  # statements run
_FETCH = ("pl", "fetchall", "fetchone", "arrow", "df", "fetchdf", "fetch_arrow_table")


def _shape(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()[:110]


class _Rel:
    def __init__(self, rel: Any, key: str) -> None:
        self._rel, self._key = rel, key

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._rel, name)
        if name not in _FETCH:
            return attr

        def timed(*a: Any, **k: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return attr(*a, **k)
            finally:
                STATS[self._key].append(time.perf_counter() - t0)

        return timed


class CountingConnection:
    """Forwards everything to a DuckDB connection; times execute/sql by statement text."""

    def __init__(self, con: Any) -> None:
        self._con = con

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)

    def execute(self, sql: str, *a: Any, **k: Any) -> Any:
        t0 = time.perf_counter()
        try:
            res = self._con.execute(sql, *a, **k)
        finally:
            STATS[_shape(sql)].append(time.perf_counter() - t0)
            CALLS[_shape(sql)] += 1
        return _Rel(res, _shape(sql) + " [fetch]")

    def sql(self, sql: str, *a: Any, **k: Any) -> Any:
        t0 = time.perf_counter()
        try:
            rel = self._con.sql(sql, *a, **k)
        finally:
            STATS[_shape(sql)].append(time.perf_counter() - t0)
            CALLS[_shape(sql)] += 1
        return _Rel(rel, _shape(sql))

    def close(self) -> None:
        self._con.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=None)
    ap.add_argument("--html", default=None, help="write a pyinstrument profile here")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()

    import warehouse.db
    from etl import bootstrap

    real_connect = warehouse.db.connect
    warehouse.db.connect = lambda *a, **k: CountingConnection(real_connect(*a, **k))  # type: ignore[assignment]
    db = args.db or str(Path(tempfile.mkdtemp()) / "p.duckdb")
    n_files = len(list(bootstrap.sample_files()[1].rglob("*.*")))
    prof = None
    if args.html:
        from pyinstrument import Profiler

        prof = Profiler()
        prof.start()
    c0, t0 = time.process_time(), time.perf_counter()
    bootstrap.ensure_warehouse(db)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    if prof is not None:
        prof.stop()
        Path(args.html).write_text(prof.output_html())
        Path(args.html).with_suffix(".txt").write_text(prof.output_text(show_all=False))
    calls = sum(CALLS.values())
    total = sum(sum(v) for v in STATS.values())
    print(f"build: {wall:.1f} s wall, {cpu:.1f} s CPU (this process); {n_files} export files")
    print(f"statements: {calls} ({calls / max(n_files, 1):.1f} per file), {total:.1f} s in them")
    print("   calls  total_s  statement (fetch time counted with its statement)")
    merged: dict[str, float] = collections.defaultdict(float)
    for key, v in STATS.items():
        merged[key.removesuffix(" [fetch]")] += sum(v)
    for key, t in sorted(merged.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{CALLS[key]:8d} {t:8.2f}  {key}")


if __name__ == "__main__":
    main()
