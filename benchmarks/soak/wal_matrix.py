"""Kill a big import at many moments, keep each killed database + WAL pair, then open every pair
with several open sequences and compare what each access path sees, in that open and in the
next one (where the corruption of docs/duckdb-wal-replay-visibility.md shows).

    python benchmarks/soak/wal_matrix.py capture OUT --rows 200000 [--kills 24] [--seed 5]
    python benchmarks/soak/wal_matrix.py open OUT [--seq plain,views,...]

`capture`: a base warehouse (master list + 4 small loads, so the big one is load 5), one
unkilled load of the big file through the real loader (its parse done once and kept), the rows
it wrote exported; then the load repeated by a fast writer (the same statements in the same
order in one transaction, fed those rows: seconds instead of minutes; WALM_SQL=0 for the real
loader) and killed (SIGKILL) at chosen WAL sizes (WALM_WAL: fractions of the peak), after the
COMMIT at chosen delays (WALM_AFTER: the checkpoint and close) and at random times. Each killed
pair is copied to OUT/kNN/ untouched, with meta.json.

`open`: for every pair and every open sequence (SEQUENCES), a fresh copy opened in a child
process running the sequence, then closed and opened again plainly. Per table holding load_id:
per-load counts by GROUP BY, by WHERE load_id = k and by WHERE hash(load_id) = hash(k), in both
opens, and the rows DELETE ... WHERE load_id = 5 would remove. MISMATCH lines are the bug.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TABLES = ("post_observation", "posts", "post_link", "rejects")


def _wal(db: Path) -> int:
    try:
        return os.path.getsize(str(db) + ".wal")
    except OSError:
        return 0


def build_base(work: Path, rows: int) -> tuple[Path, Path]:
    """The kill test's base warehouse (4 small loads) and big CSV, parsed once beforehand."""
    from tests.hostile.killtest import build_base as killtest_base

    base, big = killtest_base(work, rows, small_loads=4)
    parse_once(big)
    return base, big


def _start(db: Path, big: Path) -> subprocess.Popen:
    """The load as the CLI does it (connect(), load_tables, COMMIT, close), the file's parse
    done once beforehand (big.pickle beside big: parsing 200,000 rows takes minutes)."""
    cmd = [sys.executable, "-m", "etl", "--db", str(db), "load", str(big)]
    if (big.parent / "load5").is_dir() and os.environ.get("WALM_SQL", "1") == "1":
        cmd = [sys.executable, __file__, "_sqlload", str(db), str(big.parent / "load5")]
    elif Path(str(big) + ".pickle").exists():
        cmd = [sys.executable, __file__, "_load", str(db), str(big)]
    return subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )  # fmt: skip


def parse_once(big: Path) -> None:
    import hashlib
    import pickle

    from etl.sandbox import parse_file

    tables = parse_file(big)
    sha = hashlib.sha256(big.read_bytes()).hexdigest()
    Path(str(big) + ".pickle").write_bytes(pickle.dumps((tables, sha)))


LOAD5_TABLES = ("loads", "post_observation", "rejects", "post_link", "load_coverage", "posts")


def export_load(db: Path, dest: Path, load_id: int = 5) -> None:
    """The rows one committed load wrote, per table, as parquet (the fast writer's input)."""
    import duckdb

    dest.mkdir(exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
    for t in LOAD5_TABLES:
        con.execute(f"COPY (SELECT * FROM {t} WHERE load_id = {load_id}) TO '{dest / t}.parquet'")
    con.close()


def sql_load_child(db: str, src: str) -> None:
    """The statements write_prepared runs, in its order, in one transaction, fed the rows a
    real load of the same file wrote (seconds instead of minutes of parsing and matching)."""
    from warehouse.db import connect

    con = connect(db)
    if os.environ.get("WALM_NO_CHECKPOINT") == "1":  # what a kill after COMMIT leaves, no kill
        con.execute("SET checkpoint_threshold = '1TB'")
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
    p = {t: f"'{Path(src) / t}.parquet'" for t in LOAD5_TABLES}
    con.execute("BEGIN TRANSACTION")
    con.execute(f"INSERT INTO loads SELECT * REPLACE (0 AS n_new) FROM {p['loads']}")
    con.execute(f"INSERT INTO post_observation SELECT * FROM {p['post_observation']}")
    con.execute(f"INSERT INTO rejects SELECT * FROM {p['rejects']}")
    con.execute(f"INSERT INTO post_link SELECT * FROM {p['post_link']}")
    con.execute(f"INSERT INTO load_coverage SELECT * FROM {p['load_coverage']}")
    con.execute(f"DELETE FROM posts WHERE post_key IN (SELECT post_key FROM {p['posts']})")
    con.execute(
        f"INSERT INTO posts SELECT * REPLACE (NULL AS content_type, NULL AS content_reason)"
        f" FROM {p['posts']}"
    )
    con.execute(f"UPDATE loads SET n_new = (SELECT n_new FROM {p['loads']}) WHERE load_id = 5")
    con.execute(
        f"UPDATE posts SET content_type = o.content_type, content_reason = o.content_reason"
        f" FROM {p['posts']} o WHERE posts.post_key = o.post_key"
    )
    con.execute("COMMIT")
    print("loaded 5", flush=True)
    if os.environ.get("WALM_NO_CHECKPOINT") == "1":
        os._exit(0)
    con.close()


def load_child(db: str, big: str) -> None:
    import pickle

    from etl.load import load_tables
    from warehouse.db import connect

    tables, sha = pickle.loads(Path(big + ".pickle").read_bytes())
    con = connect(db)
    r = load_tables(con, tables, file_name=Path(big).name, sha256=sha, file_path=big)
    print(f"{r.status} {r.load_id} {r.new}", flush=True)
    con.close()


def _watch(proc: subprocess.Popen) -> threading.Event:
    done = threading.Event()  # the CLI prints a file's report after its COMMIT

    def run() -> None:
        assert proc.stdout is not None
        if proc.stdout.readline():
            done.set()
        proc.stdout.read()

    threading.Thread(target=run, daemon=True).start()
    return done


def trail(base: Path, big: Path, db: Path) -> dict:
    """An unkilled load: WAL size over time, when the report came (commit done), the end."""
    shutil.copy(base, db)
    proc = _start(db, big)
    done = _watch(proc)
    t0, seen, committed_at = time.monotonic(), [(0.0, 0)], None
    while proc.poll() is None:
        size = _wal(db)
        now = time.monotonic() - t0
        if size != seen[-1][1]:
            seen.append((now, size))
        if committed_at is None and done.is_set():
            committed_at = now
        time.sleep(0.0005)
    end = time.monotonic() - t0
    files = sorted(p.name for p in db.parent.iterdir())
    return {"trail": seen, "committed_at": committed_at, "end": end, "files": files,
            "peak": max(s for _, s in seen)}  # fmt: skip


def capture(out: Path, rows: int, kills: int, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(os.environ.get("WALM_WORK") or tempfile.mkdtemp(prefix="walm"))
    work.mkdir(parents=True, exist_ok=True)
    if (work / "base.duckdb").exists() and (work / "big.csv").exists():
        base, big = work / "base.duckdb", work / "big.csv"
    else:
        base, big = build_base(work, rows)
    shutil.copy(base, out / "base.duckdb")
    db = work / "k.duckdb"
    t = trail(base, big, db)
    (out / "trail.json").write_text(json.dumps(t, indent=1))
    if not (big.parent / "load5").is_dir() and os.environ.get("WALM_SQL", "1") == "1":
        export_load(db, big.parent / "load5")
        t = trail(base, big, db)  # again, with the fast writer
        (out / "trail_sql.json").write_text(json.dumps(t, indent=1))
    peak = t["peak"]
    print(f"unkilled: {t['end']:.1f} s, WAL peak {peak:,} B, report at {t['committed_at']}")
    print(
        "WAL trail (s, bytes):",
        [(round(a, 2), b) for a, b in t["trail"][:: max(1, len(t["trail"]) // 25)]],
    )
    rnd = random.Random(seed)
    plan: list[tuple[str, float]] = []
    fractions = os.environ.get("WALM_WAL", "0.01,0.1,0.3,0.5,0.7,0.9,0.97,0.995,1.0")
    delays = os.environ.get("WALM_AFTER", "0,0.005,0.02,0.05,0.1,0.2,0.4,0.8")
    for f in filter(None, fractions.split(",")):
        plan.append(("wal", float(f)))
    for d in filter(None, delays.split(",")):
        plan.append(("after", float(d)))
    while len(plan) < kills:
        plan.append(("random", rnd.uniform(0.1, t["end"])))
    first = int(os.environ.get("WALM_FIRST", "0"))  # numbering, to add pairs to an OUT
    for i, (moment, x) in enumerate(plan[:kills], start=first):
        for p in db.parent.glob("k.duckdb*"):
            p.unlink()
        shutil.copy(base, db)
        proc = _start(db, big)
        done = _watch(proc)
        t0, since = time.monotonic(), None
        while proc.poll() is None:
            now, size = time.monotonic() - t0, _wal(db)
            if moment == "wal" and size >= x * peak:
                break
            if moment == "random" and now >= x:
                break
            if moment == "after" and done.is_set():
                since = now if since is None else since
                if now - since >= x:
                    break
            time.sleep(0.0002)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        dest = out / f"k{i:02d}"
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir()
        for p in db.parent.glob("k.duckdb*"):
            shutil.copy(p, dest / p.name)
        meta = {"moment": moment, "x": x, "killed": killed, "at_s": time.monotonic() - t0,
                "wal": _wal(db), "committed": done.is_set(),
                "files": {p.name: p.stat().st_size for p in dest.iterdir()}}  # fmt: skip
        (dest / "meta.json").write_text(json.dumps(meta))
        print(f"k{i:02d} {moment:<6} {x:<8.3f} killed={killed} at {meta['at_s']:.2f}s "
              f"WAL {meta['wal']:,} committed={meta['committed']} files={meta['files']}", flush=True)  # fmt: skip


# ---- opening ---------------------------------------------------------------------------------

SEQUENCES = {
    "plain": [],
    "readonly": ["READONLY"],
    "checkpoint": ["CHECKPOINT"],
    "tz": ["SET TimeZone = 'Asia/Jakarta'"],
    "views": ["VIEWS"],
    "seed": ["SEED"],
    "old_project": ["SET TimeZone = 'Asia/Jakarta'", "MIGRATE"],
    "project": ["CONNECT"],
    "project_nocheck": ["CONNECT_NOCHECK"],
}


def _counts(con) -> dict:
    """Per table: per-load counts by GROUP BY (full scan), by WHERE load_id = k (the filter
    pushed into the scan) and by WHERE hash(load_id) = hash(k) (evaluated after the scan; note
    that load_id + 0 = k is simplified back into a pushed-down filter)."""

    def one(sql: str, k: int) -> int:
        return int(con.execute(sql, [k]).fetchall()[0][0])

    out: dict = {}
    for table in TABLES:
        grouped = dict(con.execute(f"SELECT load_id, count(*) FROM {table} GROUP BY 1").fetchall())
        ids = sorted(set(grouped) | {5})
        where = {k: one(f"SELECT count(*) FROM {table} WHERE load_id = ?", k) for k in ids}
        hashed = {
            k: one(f"SELECT count(*) FROM {table} WHERE hash(load_id) = hash(?::INTEGER)", k)
            for k in ids
        }
        out[table] = {"group": {k: grouped.get(k, 0) for k in ids}, "where": where,
                      "hash": hashed}  # fmt: skip
    return out


def open_and_count(db: str, steps: list[str]) -> dict:
    """Counts in the open that ran `steps`, then in a second, plain open of the same file
    (what the next CLI command sees), with the rows a DELETE of load 5 would remove."""
    import duckdb

    first = _open_and_count(db, steps)
    if "refused" in first:
        return first
    con = duckdb.connect(db)
    second = _counts(con)
    con.execute("BEGIN")
    (deleted,) = con.execute("DELETE FROM post_observation WHERE load_id = 5").fetchall()[0]
    con.execute("ROLLBACK")
    con.close()
    return {**first, **{f"reopen:{t}": v for t, v in second.items()}, "_deleted5": deleted}


def _open_and_count(db: str, steps: list[str]) -> dict:
    import duckdb

    if steps == ["CONNECT"] or steps == ["CONNECT_NOCHECK"]:
        from warehouse.db import connect
        from warehouse.integrity import WarehouseCorrupt

        try:
            con = connect(db, check=steps == ["CONNECT"])
        except WarehouseCorrupt as exc:
            return {"refused": str(exc).splitlines()[1:4]}
    else:
        con = duckdb.connect(db, read_only=steps == ["READONLY"])
        for s in steps:
            if s == "READONLY":
                continue
            if s == "VIEWS":
                from warehouse.migrations import create_views

                create_views(con)
            elif s == "SEED":
                from warehouse.vocabulary import seed_lookup_tables

                seed_lookup_tables(con)
            elif s == "MIGRATE":
                from warehouse.migrations import migrate

                migrate(con)
            else:
                con.execute(s)
    out = _counts(con)
    con.close()
    return out


def open_all(out: Path, seqs: list[str]) -> None:
    pairs = sorted(p for p in out.iterdir() if p.is_dir() and (p / "meta.json").exists())
    bad = 0
    for pair in pairs:
        meta = json.loads((pair / "meta.json").read_text())
        for seq in seqs:
            with tempfile.TemporaryDirectory() as d:
                for p in pair.glob("k.duckdb*"):
                    shutil.copy(p, Path(d) / p.name)
                r = subprocess.run(
                    [sys.executable, __file__, "_one", str(Path(d) / "k.duckdb"), seq],
                    cwd=ROOT, capture_output=True, text=True,
                )  # fmt: skip
            if r.returncode != 0:
                print(f"{pair.name} {seq:<16} ERROR {r.stderr.strip()[-300:]}")
                continue
            res = json.loads(r.stdout.strip().splitlines()[-1])
            if "refused" in res:
                print(f"{pair.name} {meta['moment']:<6} {seq:<16} REFUSED {res['refused']}")
                bad += 1
                continue
            mism = []
            deleted = res.pop("_deleted5", None)
            for table, v in res.items():
                for k in v["group"]:
                    g, w, h = v["group"][k], v["where"][k], v["hash"][k]
                    if not (g == w == h):
                        mism.append(f"{table}[{k}] group={g} where={w} hash={h}")
            n5 = res["post_observation"]["group"].get("5", 0)
            if deleted is not None and deleted != n5:
                mism.append(f"undo deletes {deleted} of {n5}")
            print(f"{pair.name} {meta['moment']:<6} {meta['x']:<7.3f} {seq:<16} load5 obs={n5:<7} "
                  + ("MISMATCH " + "; ".join(mism) if mism else "ok"), flush=True)  # fmt: skip
            bad += bool(mism)
    print(f"{len(pairs)} pairs x {len(seqs)} sequences: {bad} mismatches/refusals")


def main() -> None:
    if sys.argv[1] == "_sqlload":
        sql_load_child(sys.argv[2], sys.argv[3])
        return
    if sys.argv[1] == "_load":
        load_child(sys.argv[2], sys.argv[3])
        return
    if sys.argv[1] == "_one":
        print(json.dumps(open_and_count(sys.argv[2], SEQUENCES[sys.argv[3]])))
        return
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cmd", choices=["capture", "open"])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--kills", type=int, default=24)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--seq", default=",".join(SEQUENCES))
    a = ap.parse_args()
    if a.cmd == "capture":
        capture(a.out, a.rows, a.kills, a.seed)
    else:
        open_all(a.out, a.seq.split(","))


if __name__ == "__main__":
    main()
