"""Kill an import at random moments (parse, write, COMMIT/WAL write, checkpoint), then open the
warehouse the way the app does and check every load is wholly present or absent and undo works.

    python -m tests.hostile.killtest --kills 50 --rows 200000      # the long version
    (tests/hostile/test_kill.py runs 3 kills on a small file in CI)

Each kill: a copy of a base warehouse (master list + 3 small loads), `python -m etl load BIG`
in a child, SIGKILL at a moment chosen from the seed: a random time, or when the WAL has grown
past a random size (the commit writing it), or after the WAL stopped growing (checkpoint). Then
`python -m etl history` (the project's connect(): replay, integrity check) and the checks below
in this process. Prints one line per kill and a summary.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


@dataclass
class KillResult:
    moment: str  # random | wal | checkpoint
    after_s: float
    wal_bytes: int  # WAL size when killed
    present: bool  # the big load survived (committed before the kill)
    problems: list[str]
    killed: bool = True  # False: the load ended before the chosen moment came


def _etl(db: Path, *args: str, **kw) -> subprocess.Popen:
    kw.setdefault("stdout", subprocess.DEVNULL)
    kw.setdefault("stderr", subprocess.DEVNULL)
    return subprocess.Popen(
        [sys.executable, "-m", "etl", "--db", str(db), *args], cwd=ROOT, text=True, **kw
    )  # fmt: skip


def build_base(work: Path, rows: int, small_loads: int = 3) -> tuple[Path, Path]:
    """(base warehouse, big CSV): master + `small_loads` small loads; the big file of `rows`
    posts."""
    from load_speed import master_csv, write_csv

    from etl.load_folder import load_paths
    from etl.master import load_master
    from warehouse.db import connect

    base = work / "base.duckdb"
    con = connect(base)
    load_master(con, master_csv(work / "master.csv"))
    small = []
    for i in range(small_loads):
        write_csv(work / f"small{i}.csv", i, 300)
        small.append(work / f"small{i}.csv")
    assert all(r.status == "loaded" for r in load_paths(con, small))
    con.close()
    big = work / "big.csv"
    write_big(big, rows)
    return base, big


def write_big(path: Path, rows: int) -> None:
    """An Instagram export of `rows` posts, every row valid: times within January-October
    2026 (the loader holds a file with most dates implausible for review, loading nothing)."""
    import datetime as dt

    from load_speed import IG_HEADER, caption

    base = dt.datetime(2026, 1, 1, 7, 0)
    lines = [IG_HEADER]
    for i in range(rows):
        pid = f"7{i:09d}"
        at = base + dt.timedelta(minutes=(i * 37) % (300 * 24 * 60))
        lines.append(
            f'"{pid}","1784","opd{i % 20}.bench","OPD","{caption(i)}",0,"{at:%m/%d/%Y %H:%M}",'
            f'"https://www.instagram.com/p/B{pid}/","IG image",,"Lifetime",{100 + i},{80 + i},'
            f"{10 + i % 50},{i % 3},0,{i % 7},{i % 5}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def _wal(db: Path) -> int:
    try:
        return os.path.getsize(str(db) + ".wal")
    except OSError:
        return 0


def one_kill(base: Path, big: Path, db: Path, moment: str, rnd: random.Random, full_s: float,
             wal_window: tuple[int, int]) -> KillResult:  # fmt: skip
    for p in (db, Path(str(db) + ".wal")):
        p.unlink(missing_ok=True)
    shutil.copy(base, db)
    proc = _etl(db, "load", str(big), stdout=subprocess.PIPE)
    committed = threading.Event()  # the CLI prints a file's report after its COMMIT

    def watch() -> None:
        assert proc.stdout is not None
        if proc.stdout.readline():
            committed.set()
        proc.stdout.read()

    threading.Thread(target=watch, daemon=True).start()
    t0 = time.monotonic()
    at = rnd.uniform(0.05, full_s) if moment == "random" else None
    wait = rnd.uniform(0.0, 0.4)
    start, peak = wal_window
    mark = rnd.randint(start + 1, max(start + 1, peak))
    grew = None
    while proc.poll() is None:
        now, size = time.monotonic() - t0, _wal(db)
        if moment == "random" and now >= at:
            break
        if moment == "wal" and size >= mark:  # the commit is writing the WAL
            break
        if moment == "checkpoint" and committed.is_set():  # commit done: checkpoint, close
            grew = now if grew is None else grew
            if now - grew >= wait:
                break
        time.sleep(0.001)
    killed_wal = _wal(db)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    return KillResult(
        moment, time.monotonic() - t0, killed_wal, False, check_after(db), killed=killed
    )


def check_after(db: Path) -> list[str]:
    """Open as the app does, then: integrity, wholly present or absent, undo exact."""
    from warehouse.backup import content_hashes
    from warehouse.db import connect
    from warehouse.integrity import WarehouseCorrupt, problems

    opened = _etl(db, "history", stderr=subprocess.PIPE)
    _, err = opened.communicate(timeout=600)
    out: list[str] = []
    if opened.returncode != 0:
        out.append(f"history exit {opened.returncode}: {err.strip()[:300]}")
    try:
        con = connect(db)
    except WarehouseCorrupt as exc:
        return [*out, f"refused: {str(exc)[:300]}"]
    try:
        out += problems(con)
        big = con.execute("SELECT load_id, status FROM loads WHERE load_id > 3").fetchall()
        present = [lid for lid, st in big if st == "loaded"]
        for table in ("post_observation", "posts", "post_link"):
            rows = dict(
                con.execute(f"SELECT load_id, count(*) FROM {table} GROUP BY ALL").fetchall()
            )
            stray = {k: v for k, v in rows.items() if k > 3 and k not in present}
            if stray:
                out.append(f"{table}: rows of absent loads {stray}")
        if present:
            (lid,) = present
            (n_obs,) = con.execute(
                "SELECT count(*) FROM post_observation WHERE load_id = ?", [lid]
            ).fetchall()[0]
            (n_new,) = con.execute("SELECT n_new FROM loads WHERE load_id = ?", [lid]).fetchall()[0]
            if n_obs != n_new:
                out.append(f"load {lid}: {n_obs} observations visible, {n_new} reported new")
            before = content_hashes(con)["post_observation"]
            from etl.load import undo_load

            undo_load(con, lid)
            left = con.execute(
                "SELECT (SELECT count(*) FROM post_observation WHERE load_id = $i),"
                " (SELECT count(*) FROM posts WHERE load_id = $i OR first_load_id = $i),"
                " (SELECT count(*) FROM post_observation)",
                {"i": lid},
            ).fetchall()[0]
            if left[:2] != (0, 0) or left[2] != before[0] - n_obs:
                out.append(f"undo {lid} left rows: {left}")
        out += problems(con)
    finally:
        con.close()
    return out


def measure(base: Path, big: Path, db: Path) -> tuple[float, tuple[int, int]]:
    """A full, unkilled load: its duration and the WAL sizes the commit writes between (the
    size before the burst after the longest still period, parse and prepare; the peak)."""
    shutil.copy(base, db)
    proc = _etl(db, "load", str(big))
    t0, trail = time.monotonic(), [(0.0, 0)]
    while proc.poll() is None:
        size = _wal(db)
        if size != trail[-1][1]:
            trail.append((time.monotonic() - t0, size))
        time.sleep(0.001)
    gaps = [(trail[i][0] - trail[i - 1][0], i) for i in range(1, len(trail)) if trail[i][1]]
    _, j = max(gaps) if gaps else (0.0, 1)
    peak = max(size for _, size in trail)
    return time.monotonic() - t0, (trail[j - 1][1], peak)


def run(kills: int, rows: int, seed: int, work: Path, log=print) -> list[KillResult]:
    base, big = build_base(work, rows)
    db = work / "k.duckdb"
    full_s, window = measure(base, big, db)
    for p in (db, Path(str(db) + ".wal")):
        p.unlink(missing_ok=True)
    log(
        f"full load of {rows} rows: {full_s:.1f} s, commit writes the WAL from {window[0]:,} to {window[1]:,} bytes"
    )
    rnd = random.Random(seed)
    moments = ["random", "wal", "checkpoint"]
    results = []
    for i in range(kills):
        r = one_kill(base, big, db, moments[i % 3], rnd, full_s, window)
        con_present = _present(db)
        r.present = con_present
        results.append(r)
        log(
            f"kill {i + 1:3d} {r.moment:<10} at {r.after_s:6.2f} s, WAL {r.wal_bytes:>11,} B: "
            f"{'' if r.killed else '(ended before the kill) '}"
            f"load {'present' if r.present else 'absent '} "
            f"{'OK' if not r.problems else 'PROBLEM ' + '; '.join(r.problems)}"
        )
    bad = sum(1 for r in results if r.problems)
    log(
        f"{len(results)} kills: {sum(r.present for r in results)} loads committed, "
        f"{len(results) - sum(r.present for r in results)} absent, "
        f"{sum(not r.killed for r in results)} ended before the kill, {bad} with problems"
    )
    return results


def _present(db: Path) -> bool:
    """After check_after's undo the load is 'undone' when it had been committed."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return bool(
            con.execute(
                "SELECT count(*) FROM loads WHERE load_id > 3 AND status = 'undone'"
            ).fetchall()[0][0]
        )
    finally:
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        results = run(a.kills, a.rows, a.seed, Path(d))
    return 1 if any(r.problems for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
