"""Speed at the scale of a province: every row of the speed table in one run, each against its
baseline measured in the same run, printed as ratios and written as JSON.

    .venv/bin/python benchmarks/province.py [--posts 1000000] [--xlsx-rows 100000]
        [--json benchmarks/results/province.json] [--only csv,xlsx,per_file,pages,first_start]
        [--only reexport --before TREE] [--reexport-rows 50000] [--rounds 2]

Scale: --posts (or $PANTAU_BENCH_POSTS) is the size of the warehouse built from Meta Instagram
CSVs (5,000 rows a file, benchmarks/province_data.py: sample_data/generate.py's writers);
--posts 100000 is a quick run. Each measurement runs in a fresh child process, so its peak
memory (ru_maxrss of the process) and its CPU time are its own. CPU time counts the process and
every process below it, the loader's parse children included (benchmarks/cpu.py), for our loads
and for the baselines alike. Machines here are shared: compare ratios, not
seconds, and read the load average printed with the figures.

Rows (see README "Speed at the scale of a province"):
- csv: the CSV folder through load_paths vs DuckDB read_csv of the same files into a table;
  per CPU-second vs pandas read_csv + executemany (the script an office would write).
- xlsx: logbooks through load_paths vs a raw fastexcel read of the same sheets; per CPU-second
  vs pandas + openpyxl + executemany.
- per_file: one new 5,000-row CSV into warehouses of 10k, 100k and --posts posts (the second
  of two new files: the first warms the parse server and caches).
- per_folder (with --before TREE): a folder of ten new 5,000-row CSVs (load_paths) and one
  new file (load_file, the second of two) into copies of the 10k, 100k and --posts
  warehouses, by TREE and by this tree, --rounds rounds alternated; CPU of all processes. The
  warehouses are this tree's (TREE reads them as they are: it ignores a column it does not
  know).
- pages: every warehouse query a page asks for (recorded by running the page in AppTest), cold
  (new connection, first run) and warm (median of 3), on the --posts warehouse; and the page's
  full AppTest rerun after a filter change with caches cleared.
- first_start: etl.bootstrap.ensure_warehouse on the bundled sample into a new file.
- xlsx or csv with --before TREE: the same logbooks (CSV folders) loaded by TREE and by this
  tree into new warehouses, --rounds rounds alternated, CPU of all processes and the median
  ratio.
- reexport: the same posts exported again two weeks later (every metric grown, 10% of the
  captions edited: province_data.write_csv's `again`), loaded with load_paths into a warehouse
  holding the first export (--reexport-rows rows); with --before TREE (a `git archive` of an
  earlier commit) the same in that tree, each tree's warehouse built by itself, --rounds
  rounds alternated, and the ratio of the CPU figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

PAGES = ("ringkasan", "konten", "tren", "keaktifan")
ITEMS = ("csv", "xlsx", "per_file", "per_folder", "pages", "first_start", "reexport")


# ------------------------------------------------------------------ child-process measurements


def _timed(fn: Any) -> dict[str, Any]:
    """Run fn; wall seconds, CPU seconds of this process and of every process below it (the
    parse children of the loader's forkserver included: benchmarks/cpu.py), peak memory."""
    from cpu import cpu_now, since

    c0, t0 = cpu_now(), time.perf_counter()
    extra = fn() or {}
    wall = time.perf_counter() - t0
    used = since(c0)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall_s": wall,
        "cpu_s": used.total_s,
        "cpu_self_s": used.self_s,
        "cpu_children_s": used.children_s,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # Of reaped children only: the forkserver's parse children are not seen here.
        "peak_children_mb": kids.ru_maxrss / 1024,
        **extra,
    }


def _connect_new(path: Path, master: Path) -> Any:
    from etl.master import load_master
    from warehouse.db import connect

    con = connect(path)
    load_master(con, master)
    return con


def job_load(db: str, master: str, folders: list[str]) -> dict[str, Any]:
    """load_paths of the folders into the warehouse (created with the master list if new)."""
    from etl.load_folder import load_paths
    from warehouse.db import connect

    p = Path(db)
    con = connect(p) if p.exists() else _connect_new(p, Path(master))

    def run() -> dict[str, Any]:
        reports = load_paths(con, folders)
        bad = [r for r in reports if r.status != "loaded"]
        assert not bad, f"{bad[0].file}: {bad[0].status} {bad[0].error}"
        return {"rows": sum(r.rows_read for r in reports), "files": len(reports)}

    out = _timed(run)
    out["posts_after"] = con.execute("SELECT count(*) FROM posts").fetchone()[0]
    out["tree"] = str(Path(sys.modules["etl"].__file__ or "").parent.parent)
    con.close()
    return out


def job_duckdb_csv(db: str, files: list[str]) -> dict[str, Any]:
    import duckdb

    con = duckdb.connect(db)

    def run() -> dict[str, Any]:
        con.execute(
            "CREATE TABLE t AS SELECT * FROM read_csv($f, union_by_name = true)", {"f": files}
        )
        return {"rows": con.execute("SELECT count(*) FROM t").fetchone()[0]}

    out = _timed(run)
    con.close()
    return out


def _executemany(rows: list[tuple], db: str) -> None:
    import duckdb

    con = duckdb.connect(db)
    con.execute(
        "CREATE TABLE IF NOT EXISTS t (post_id VARCHAR, handle VARCHAR, published VARCHAR,"
        " caption VARCHAR, permalink VARCHAR, views BIGINT, likes BIGINT, comments BIGINT)"
    )
    con.execute("BEGIN TRANSACTION")
    con.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("COMMIT")
    con.close()


def job_pandas_csv(db: str, files: list[str]) -> dict[str, Any]:
    """What an office script does: pandas.read_csv, then executemany, one file at a time."""
    import pandas as pd

    def run() -> dict[str, Any]:
        n = 0
        for f in files:
            df = pd.read_csv(f, encoding="utf-8-sig", thousands=",", dtype={"Post ID": str})
            cols = ["Post ID", "Account username", "Publish time", "Description", "Permalink",
                    "Views", "Likes", "Comments"]  # fmt: skip
            rows = [tuple(r) for r in df[cols].itertuples(index=False, name=None)]
            _executemany(rows, db)
            n += len(rows)
        return {"rows": n}

    return _timed(run)


def job_fastexcel(files: list[str]) -> dict[str, Any]:
    import fastexcel

    def run() -> dict[str, Any]:
        n = 0
        for f in files:
            reader = fastexcel.read_excel(f)
            for name in reader.sheet_names:
                n += reader.load_sheet(name, header_row=4).to_arrow().num_rows
        return {"rows": n}

    return _timed(run)


def job_pandas_xlsx(db: str, files: list[str]) -> dict[str, Any]:
    import pandas as pd

    def run() -> dict[str, Any]:
        n = 0
        for f in files:
            sheets = pd.read_excel(f, sheet_name=None, header=4, engine="openpyxl")
            rows = []
            for df in sheets.values():
                rows += [
                    (str(r[4]), None, str(r[1]), str(r[5]), str(r[4]), None, None, None)
                    for r in df.itertuples(index=False, name=None)
                ]
            _executemany(rows, db)
            n += len(rows)
        return {"rows": n}

    return _timed(run)


def job_one_file(db: str, files: list[str]) -> dict[str, Any]:
    """Load the files one by one into a copy of a warehouse; figures of the last one."""
    from etl.load import load_file
    from warehouse.db import connect

    con = connect(db)
    posts = con.execute("SELECT count(*) FROM posts").fetchone()[0]
    out: dict[str, Any] = {}
    for f in files:
        holder: dict[str, Any] = {}

        def run(f: str = f, holder: dict[str, Any] = holder) -> dict[str, Any]:
            r = load_file(con, f)
            assert r.status == "loaded", r.error
            holder["r"] = r
            return {"rows": r.rows_read, "new": r.new}

        out = _timed(run)
    out["warehouse_posts"] = posts
    con.close()
    return out


def _record_page(page: str, period: tuple[str, str] | None) -> list[tuple[str, Any, tuple, dict]]:
    """Run one page in AppTest and record every warehouse query it asks ui.data for."""
    from streamlit.testing.v1 import AppTest

    from ui import data, navigation

    calls: list[tuple[str, Any, tuple, dict]] = []
    real = data._run_cached

    def spy(name: str, v: Any, viewer: Any, _fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append((name, _fn, args, kwargs))
        return real(name, v, viewer, _fn, *args, **kwargs)

    data._run_cached = spy  # type: ignore[assignment]
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.run()
        if page != "ringkasan":
            calls.clear()  # the first run shows Ringkasan: only the page's own queries count
            path = {s.key: s.path for s in navigation.PAGES}[page]
            at.switch_page(path).run()
        assert not at.exception, [e.message for e in at.exception]
    finally:
        data._run_cached = real  # type: ignore[assignment]
    return calls


def job_pages(db: str, pages: list[str] | None = None) -> dict[str, Any]:
    """Per page (all of PAGES, or `pages`): recorded queries cold (new connection) and warm
    (median of 3), and the page's AppTest rerun after a filter change with the caches cleared."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from ui import navigation
    from warehouse.db import connect

    os.environ["PANTAU_DB"] = db
    os.environ["PANTAU_BOOTSTRAP"] = "0"
    out: dict[str, Any] = {}
    for page in pages or PAGES:
        calls = _record_page(page, None)
        seen: dict[str, tuple] = {}
        for name, fn, args, kwargs in calls:  # a query asked twice is one query
            seen.setdefault(repr((name, args, sorted(kwargs.items()))), (fn, args, kwargs))
        con = connect(db)
        t0, c0 = time.perf_counter(), time.process_time()
        for fn, args, kwargs in seen.values():
            fn(con, *args, **kwargs)
        cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
        warm, warm_cpu = [], []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            for fn, args, kwargs in seen.values():
                fn(con, *args, **kwargs)
            warm.append(time.perf_counter() - t0)
            warm_cpu.append(time.process_time() - c0)
        con.close()
        # Full rerun with the caches cleared: what a filter change (new cache keys) costs.
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.run()
        if page != "ringkasan":
            at.switch_page({s.key: s.path for s in navigation.PAGES}[page]).run()
        st.cache_data.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        at.run()
        rerun, rerun_cpu = time.perf_counter() - t0, time.process_time() - c0
        # CPU of this process (DuckDB's threads included): steadier than wall on a busy machine.
        out[page] = {
            "queries": len(seen),
            "query_calls": len(calls),
            "cold_ms": cold * 1000,
            "cold_cpu_ms": cold_cpu * 1000,
            "warm_ms": statistics.median(warm) * 1000,
            "warm_cpu_ms": statistics.median(warm_cpu) * 1000,
            "rerun_ms": rerun * 1000,
            "rerun_cpu_ms": rerun_cpu * 1000,
        }
    return out


def job_first_start(db: str) -> dict[str, Any]:
    from etl.bootstrap import ensure_warehouse

    return _timed(lambda: {"built": ensure_warehouse(db)})


JOBS = {
    "load": job_load,
    "duckdb_csv": job_duckdb_csv,
    "pandas_csv": job_pandas_csv,
    "fastexcel": job_fastexcel,
    "pandas_xlsx": job_pandas_xlsx,
    "one_file": job_one_file,
    "pages": job_pages,
    "first_start": job_first_start,
}


PARTIAL: list[Any] = [None, {}]  # (JSON path, figures so far): written after every job


def child(job: str, *args: Any, tree: str | None = None) -> dict[str, Any]:
    """Run one job in a fresh interpreter (importing the project from `tree` when given); its
    JSON result. The figures so far are written to the --json file after every job, so a run
    stopped midway still leaves what it measured."""
    cmd = [sys.executable, __file__, "--job", job, json.dumps(args)]
    cmd += ["--tree", tree] if tree else []
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if res.returncode:
        raise RuntimeError(f"{job} failed:\n{res.stderr[-3000:]}")
    out = json.loads(res.stdout.strip().splitlines()[-1])
    path, so_far = PARTIAL
    so_far.setdefault("jobs_so_far", []).append({job: out})
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(so_far, indent=2, default=str) + "\n")
    return out


# ------------------------------------------------------------------------------ the whole run


def _rate(d: dict[str, Any], key: str = "wall_s") -> float:
    return d["rows"] / d[key] if d[key] else float("nan")


def reexport(tmp: Path, n_files: int, n_opd: int, master: Path, before: str | None,
             rounds: int, say: Any) -> dict[str, Any]:  # fmt: skip
    """The reexport item (see the module's doc): {tree name: [figures of each round]}."""
    import province_data as pdata

    say(f"writing {n_files} CSV files and their re-exports ({n_files * pdata.ROWS_PER_CSV} rows)")
    for i in range(n_files):
        pdata.write_csv(tmp / "re_first", i, n_opd)
        pdata.write_csv(tmp / "re_again", i, n_opd, again=10)
    trees = {"after": None} if before is None else {"before": before, "after": None}
    for name, tree in trees.items():
        say(f"{name}: the first export into its own warehouse")
        child("load", str(tmp / f"re_{name}.duckdb"), str(master), [str(tmp / "re_first")],
              tree=tree)  # fmt: skip
    out: dict[str, Any] = {name: [] for name in trees}
    for r in range(rounds):
        order = list(trees) if r % 2 == 0 else list(reversed(trees))
        for name in order:
            say(f"round {r + 1}, {name}: the re-export")
            work = tmp / "re_work.duckdb"
            shutil.copy(tmp / f"re_{name}.duckdb", work)
            out[name].append(
                child("load", str(work), str(master), [str(tmp / "re_again")], tree=trees[name])
            )
            work.unlink()
    return out


def tree_rounds(tmp: Path, master: Path, folders: list[Path], before: str, rounds: int,
                say: Any, tag: str) -> dict[str, Any]:  # fmt: skip
    """The same folders loaded into a new warehouse by each tree, --rounds rounds alternated
    (before, after; then after, before; ...), each load in a fresh child; {tree name: [figures
    of each round]} and the median CPU ratio after/before (xlsx and csv with --before)."""
    trees = {"before": before, "after": None}
    out: dict[str, Any] = {name: [] for name in trees}
    for r in range(rounds):
        for name in list(trees) if r % 2 == 0 else list(reversed(trees)):
            say(f"{tag} round {r + 1}, {name}")
            db = tmp / f"{tag}_{name}_{r}.duckdb"
            out[name].append(
                child("load", str(db), str(master), [str(f) for f in folders], tree=trees[name])
            )
            db.unlink()
    med = {n: statistics.median(x["cpu_s"] for x in out[n]) for n in trees}
    out["cpu_ratio"] = med["after"] / med["before"]
    return out


def per_folder(tmp: Path, master: Path, steps: list[int], ten: list[Path], extra: list[Path],
               before: str, rounds: int, say: Any) -> dict[str, Any]:  # fmt: skip
    """The per_folder item (see the module's doc): {size: {"folder"|"file": {tree: [figures of
    each round]}, ratios}}."""
    trees = {"before": before, "after": None}
    out: dict[str, Any] = {}
    for size in steps:
        got: dict[str, Any] = {"folder": {n: [] for n in trees}, "file": {n: [] for n in trees}}
        for r in range(rounds):
            for name in list(trees) if r % 2 == 0 else list(reversed(trees)):
                say(f"per_folder {size} round {r + 1}, {name}")
                work = tmp / "pf.duckdb"
                shutil.copy(tmp / f"wh_{size}.duckdb", work)
                got["folder"][name].append(
                    child("load", str(work), str(master), [str(tmp / "ten")], tree=trees[name])
                )
                shutil.copy(tmp / f"wh_{size}.duckdb", work)
                got["file"][name].append(
                    child("one_file", str(work), [str(e) for e in extra], tree=trees[name])
                )
                work.unlink()
        for kind in ("folder", "file"):
            med = {n: statistics.median(x["cpu_s"] for x in got[kind][n]) for n in trees}
            got[f"{kind}_cpu_ratio"] = med["after"] / med["before"]
        out[str(size)] = got
    return out


def run(posts: int, xlsx_rows: int, only: set[str], tmp: Path, *, before: str | None = None,
        reexport_rows: int = 50_000, rounds: int = 2) -> dict[str, Any]:  # fmt: skip
    import province_data as pdata

    n_files = max(2, posts // pdata.ROWS_PER_CSV)
    n_opd = max(2, min(100, n_files // 2))  # two months of every OPD
    master = pdata.write_master(tmp / "master.csv", max(n_opd, 20))
    res: dict[str, Any] = {"posts": posts, "xlsx_rows": xlsx_rows}

    def say(msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.1f}] {msg}", flush=True)

    need_wh = only & {"csv", "per_file", "per_folder", "pages"}
    if need_wh:
        # Three folders so the 10k and 100k warehouses are copies on the way to the big one.
        steps = [f for f in (10_000, 100_000) if f < posts] + [posts]
        say(f"writing {n_files} CSV files ({posts} rows)")
        files: list[Path] = []
        done = 0
        for k, size in enumerate(steps):
            folder = tmp / f"csv{k}"
            while done * pdata.ROWS_PER_CSV < size:
                files.append(pdata.write_csv(folder, done, n_opd))
                done += 1
        extra = [pdata.write_csv(tmp / "extra", n_files + i, n_opd) for i in range(2)]
        db = tmp / "wh.duckdb"
        loads = []
        for k, size in enumerate(steps):
            say(f"load_paths csv{k} -> {size} posts")
            loads.append(child("load", str(db), str(master), [str(tmp / f"csv{k}")]))
            shutil.copy(db, tmp / f"wh_{size}.duckdb")
        total = {
            "rows": sum(x["rows"] for x in loads),
            "wall_s": sum(x["wall_s"] for x in loads),
            "cpu_s": sum(x["cpu_s"] for x in loads),
            "cpu_children_s": sum(x["cpu_children_s"] for x in loads),
            "peak_mb": max(x["peak_mb"] for x in loads),
            "peak_children_mb": max(x["peak_children_mb"] for x in loads),
            "files": sum(x["files"] for x in loads),
        }
        res["csv_load"] = total
        if "csv" in only:
            say("baseline: DuckDB read_csv")
            res["csv_duckdb"] = child(
                "duckdb_csv", str(tmp / "base.duckdb"), [str(f) for f in files]
            )
            say("baseline: pandas read_csv + executemany (1 file)")
            res["csv_pandas"] = child("pandas_csv", str(tmp / "pd.duckdb"), [str(files[0])])
            if before is not None:
                folders = [tmp / f"csv{k}" for k in range(len(steps))]
                res["csv_trees"] = tree_rounds(tmp, master, folders, before, rounds, say, "csv")
        if "per_file" in only:
            res["per_file"] = {}
            for size in steps:
                say(f"one new 5,000-row file into {size}")
                work = tmp / "work.duckdb"
                shutil.copy(tmp / f"wh_{size}.duckdb", work)
                res["per_file"][str(size)] = child("one_file", str(work), [str(e) for e in extra])
                work.unlink()
        if "per_folder" in only and before is not None:
            ten = [pdata.write_csv(tmp / "ten", n_files + 2 + i, n_opd) for i in range(10)]
            res["per_folder"] = per_folder(tmp, master, steps, ten, extra, before, rounds, say)
        if "pages" in only:
            say("pages")
            res["pages"] = child("pages", str(tmp / f"wh_{posts}.duckdb"))
    if "xlsx" in only:
        n_books = max(1, xlsx_rows // 10_000)
        say(f"writing {n_books} xlsx logbooks ({xlsx_rows} rows)")
        books = [
            pdata.write_logbook(tmp / "logbook", i + 1, xlsx_rows // n_books)
            for i in range(n_books)
        ]
        say("xlsx load_paths")
        res["xlsx_load"] = child(
            "load", str(tmp / "xl.duckdb"), str(master), [str(tmp / "logbook")]
        )
        if before is not None:
            res["xlsx_trees"] = tree_rounds(tmp, master, [tmp / "logbook"], before, rounds,
                                            say, "xlsx")  # fmt: skip
        say("baseline: fastexcel")
        res["xlsx_fastexcel"] = child("fastexcel", [str(b) for b in books])
        say("baseline: pandas + openpyxl + executemany (1 file)")
        res["xlsx_pandas"] = child("pandas_xlsx", str(tmp / "pdx.duckdb"), [str(books[0])])
    if "reexport" in only:
        k = max(2, min(n_files, reexport_rows // pdata.ROWS_PER_CSV))
        res["reexport"] = reexport(tmp, k, n_opd, master, before, rounds, say)
    if "first_start" in only:
        say("first start on the sample")
        res["first_start"] = child("first_start", str(tmp / "boot.duckdb"))
    return res


def report(res: dict[str, Any]) -> list[str]:
    lines = []

    def row(what: str, ours: str, base: str, ratio: float | None, goal: str) -> None:
        r = f"{ratio:.3g}x" if ratio is not None else ""
        lines.append(f"| {what} | {ours} | {base} | {r} | {goal} |")

    lines.append("| what | ours | baseline in the same run | ratio | goal |")
    lines.append("|---|---|---|---|---|")
    if "xlsx_load" in res:
        a, b, c = res["xlsx_load"], res["xlsx_fastexcel"], res["xlsx_pandas"]
        row(f"xlsx logbooks into the warehouse ({a['rows']:,} rows)", f"{_rate(a):,.0f} rows/s",
            f"fastexcel read: {_rate(b):,.0f} rows/s", _rate(a) / _rate(b), ">= 0.7x")  # fmt: skip
        row("xlsx vs pandas + openpyxl + executemany (CPU of all processes)",
            f"{_rate(a, 'cpu_s'):,.0f} rows/CPU-s ({a['cpu_children_s']:.1f} of {a['cpu_s']:.1f} CPU-s in child processes)",
            f"{_rate(c, 'cpu_s'):,.0f} rows/CPU-s", _rate(a, "cpu_s") / _rate(c, "cpu_s"), ">= 20x")  # fmt: skip
    if "xlsx_trees" in res:
        t = res["xlsx_trees"]
        each = {n: " / ".join(f"{x['cpu_s']:.2f}" for x in t[n]) for n in ("after", "before")}
        kids = {
            n: " / ".join(f"{x['cpu_children_s']:.2f}" for x in t[n]) for n in ("after", "before")
        }
        row("xlsx load, CPU of all processes, this tree vs --before (alternated)",
            f"{each['after']} s (parse children {kids['after']})",
            f"--before: {each['before']} s (parse children {kids['before']})", t["cpu_ratio"], "")  # fmt: skip
    if "csv_trees" in res:
        t = res["csv_trees"]
        each = {n: " / ".join(f"{x['cpu_s']:.2f}" for x in t[n]) for n in ("after", "before")}
        row(f"CSV load of {t['after'][0]['rows']:,} rows, CPU of all processes, this tree vs --before (alternated)",
            f"{each['after']} s", f"--before: {each['before']} s", t["cpu_ratio"], "")  # fmt: skip
    if "csv_duckdb" in res:
        a, b, c = res["csv_load"], res["csv_duckdb"], res["csv_pandas"]
        row(f"Meta CSVs into the warehouse ({a['rows']:,} rows, {a['files']} files)",
            f"{_rate(a):,.0f} rows/s ({a['wall_s']:.0f} s)", f"DuckDB read_csv: {_rate(b):,.0f} rows/s",
            _rate(a) / _rate(b), ">= 0.5x")  # fmt: skip
        row("CSV vs pandas read_csv + executemany (CPU of all processes)",
            f"{_rate(a, 'cpu_s'):,.0f} rows/CPU-s ({a['cpu_children_s']:.1f} of {a['cpu_s']:.1f} CPU-s in child processes)",
            f"{_rate(c, 'cpu_s'):,.0f} rows/CPU-s", _rate(a, "cpu_s") / _rate(c, "cpu_s"), ">= 20x")  # fmt: skip
        row(f"peak memory, importing {a['rows']:,} rows",
            f"{a['peak_mb']:,.0f} MB (the loading process; each parse child holds one file)",
            f"DuckDB read_csv: {b['peak_mb']:,.0f} MB", None, "< 1.5 GB")  # fmt: skip
    if "per_file" in res:
        pf = res["per_file"]
        cpu = " / ".join(f"{v['cpu_s']:.2f}" for v in pf.values())
        wall = " / ".join(f"{v['wall_s']:.2f}" for v in pf.values())
        sizes = " / ".join(f"{int(k):,}" for k in pf)
        first, last = list(pf.values())[0], list(pf.values())[-1]
        row(f"one new 5,000-row file into {sizes} posts", f"{cpu} s CPU ({wall} s wall)", "",
            last["cpu_s"] / first["cpu_s"], "flat")  # fmt: skip
    if "per_folder" in res:
        for size, got in res["per_folder"].items():
            for kind, what in (("folder", "ten new 5,000-row files (folder)"),
                               ("file", "one new 5,000-row file")):  # fmt: skip
                b = " / ".join(f"{x['cpu_s']:.2f}" for x in got[kind]["before"])
                a = " / ".join(f"{x['cpu_s']:.2f}" for x in got[kind]["after"])
                row(f"{what} into {int(size):,} posts, CPU", f"{a} s", f"--before tree: {b} s",
                    got[f"{kind}_cpu_ratio"], "")  # fmt: skip
    if "pages" in res:
        p = res["pages"]
        row("all of one page's queries, warm", ", ".join(f"{k} {v['warm_ms']:.0f} ms" for k, v in p.items()),
            "", None, "< 150 ms")  # fmt: skip
        row(
            "same, cold",
            ", ".join(f"{k} {v['cold_ms']:.0f} ms" for k, v in p.items()),
            "",
            None,
            "< 1 s",
        )
        row("page rerun after a filter change (AppTest, caches cleared)",
            ", ".join(f"{k} {v['rerun_ms']:.0f} ms" for k, v in p.items()), "", None, "<= 500 ms")  # fmt: skip
    if "reexport" in res:
        re = res["reexport"]
        after = re["after"]
        rows = after[0]["rows"]
        cpu = " / ".join(f"{x['cpu_s']:.1f}" for x in after)
        if "before" in re:
            b = re["before"]
            ratio = statistics.median(x["cpu_s"] for x in after) / statistics.median(
                x["cpu_s"] for x in b
            )
            row(f"a re-export of {rows:,} rows (10% captions edited) into the warehouse holding them, CPU",
                f"{cpu} s", "the --before tree: " + " / ".join(f"{x['cpu_s']:.1f}" for x in b) + " s",
                ratio, "")  # fmt: skip
        else:
            row(f"a re-export of {rows:,} rows (10% captions edited), CPU", f"{cpu} s", "",
                None, "")  # fmt: skip
    if "first_start" in res:
        f = res["first_start"]
        row("first start on the bundled sample", f"{f['wall_s']:.1f} s wall, {f['cpu_s']:.1f} s CPU",
            "", None, "< 10 s")  # fmt: skip
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--posts", type=int, default=int(os.environ.get("PANTAU_BENCH_POSTS", 1_000_000))
    )
    ap.add_argument("--xlsx-rows", type=int, default=100_000)
    ap.add_argument("--only", default=",".join(ITEMS))
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    ap.add_argument(
        "--before", help="reexport, xlsx, csv: a tree (git archive) to measure alternately"
    )
    ap.add_argument("--reexport-rows", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=2, help="reexport, xlsx, csv: rounds per tree")
    ap.add_argument("--job", help=argparse.SUPPRESS)
    ap.add_argument("--tree", help=argparse.SUPPRESS)
    ap.add_argument("job_args", nargs="?", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.tree:  # the job imports the project (etl, warehouse) from that tree
        sys.path.insert(0, str(Path(a.tree).resolve()))
    if a.job:
        print(json.dumps(JOBS[a.job](*json.loads(a.job_args)), default=str))
        return 0
    only = {s.strip() for s in a.only.split(",") if s.strip()}
    unknown = only - set(ITEMS)
    if unknown:
        ap.error(f"unknown items {sorted(unknown)}; choose from {ITEMS}")
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    load_before = os.getloadavg()
    PARTIAL[0] = a.json
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as d:
        res = run(a.posts, a.xlsx_rows, only, Path(d), before=a.before,
                  reexport_rows=a.reexport_rows, rounds=a.rounds)  # fmt: skip
    res["machine"] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "started": started,
    }
    lines = report(res)
    print("\n".join(lines))
    print(
        f"load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f}; {os.cpu_count()} CPUs"
    )
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps({**res, "table": lines}, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
