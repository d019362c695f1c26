"""What keeping the covered days at load time adds to a load (warehouse.coverage_days), as the
table of covered days grows.

    .venv/bin/python benchmarks/coverage_refresh.py WAREHOUSE [--fillers 0,1000,4000] [--n 15]

WAREHOUSE: one with coverage rows (benchmarks/coverage_rows.py). For each filler count, a copy
of it is given that many more accounts, each covered every day for two years by one load (the
table of covered days grows by 730 rows an account), then the refresh a load runs after writing
its coverage rows (refresh_loads) is timed for three kinds of file, each inserted and rolled
back --n times, median CPU and wall ms:
- one account's month (a Meta export of one page);
- one OPD's month, every account (a logbook);
- every account's month (a month's exports of the whole warehouse in one folder batch).
And the undo of such a load (the same refresh after its status changes). A load of a
5,000-row CSV costs 600-900 ms CPU on this machine kind (README, province speed table).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _fill(con: Any, n: int) -> None:
    """n more accounts (under their own OPDs), each covered every day of 2023-2024."""
    if not n:
        return
    from warehouse import coverage_days

    con.execute("BEGIN TRANSACTION")
    (top,) = con.execute("SELECT max(opd_id) FROM opd").fetchall()[0]
    con.execute(
        "INSERT INTO opd (opd_id, name, kind) SELECT $top + i, 'Filler ' || i, 'desa'"
        " FROM range(1, $n + 1) t(i)",
        {"top": top, "n": n},
    )
    (top_acc,) = con.execute("SELECT max(account_id) FROM account").fetchall()[0]
    con.execute(
        "INSERT INTO account (account_id, opd_id, platform, handle, handle_norm) SELECT"
        " $top_acc + i, $top + i, 'instagram', 'filler' || i, 'filler' || i"
        " FROM range(1, $n + 1) t(i)",
        {"top": top, "top_acc": top_acc, "n": n},
    )
    (load_id,) = con.execute(
        "INSERT INTO loads (file_name, sha256, status) VALUES ('filler', 'filler', 'loaded')"
        " RETURNING load_id"
    ).fetchall()[0]
    con.execute(
        "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
        " period_end, basis) SELECT $load_id, $top + i, 'instagram', NULL, DATE '2023-01-01',"
        " DATE '2024-12-30', 'title' FROM range(1, $n + 1) t(i)",
        {"load_id": load_id, "top": top, "n": n},
    )
    coverage_days.rebuild(con)
    con.execute("COMMIT")


_KINDS = {
    # (opd_id, platform, account_id) of the coverage rows, from the first OPD's first account
    "one account": "SELECT opd_id, platform, account_id FROM account ORDER BY account_id LIMIT 1",
    "one OPD (logbook)": "SELECT opd_id, NULL, NULL FROM account ORDER BY account_id LIMIT 1",
    "every account": "SELECT opd_id, platform, account_id FROM account"
    " WHERE handle NOT LIKE 'filler%'",
}


def _time(con: Any, kind: str, n: int) -> dict[str, float]:
    from warehouse import coverage_days

    rows = con.execute(_KINDS[kind]).fetchall()
    (month,) = con.execute(
        "SELECT CAST(date_trunc('month', max(day)) AS DATE) FROM coverage_day"
    ).fetchall()[0]
    out: dict[str, list[float]] = {"load_cpu": [], "load_wall": [], "undo_cpu": [], "undo_wall": []}
    for _ in range(n):
        con.execute("BEGIN TRANSACTION")
        (load_id,) = con.execute(
            "INSERT INTO loads (file_name, sha256, status) VALUES ('x', 'x', 'loaded')"
            " RETURNING load_id"
        ).fetchall()[0]
        con.executemany(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) VALUES (?, ?, ?, ?, ?, CAST(? + INTERVAL 1 MONTH AS DATE) - 1,"
            " 'file_name')",
            [[load_id, o, p, a, month, month] for o, p, a in rows],
        )
        w, c = time.perf_counter(), time.process_time()
        coverage_days.refresh_loads(con, [load_id])
        out["load_wall"].append((time.perf_counter() - w) * 1000)
        out["load_cpu"].append((time.process_time() - c) * 1000)
        con.execute("UPDATE loads SET status = 'undone' WHERE load_id = ?", [load_id])
        w, c = time.perf_counter(), time.process_time()
        coverage_days.refresh_loads(con, [load_id])
        out["undo_wall"].append((time.perf_counter() - w) * 1000)
        out["undo_cpu"].append((time.process_time() - c) * 1000)
        con.execute("ROLLBACK")
    return {k: statistics.median(v) for k, v in out.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--fillers", default="0,1000,4000")
    ap.add_argument("--n", type=int, default=15)
    a = ap.parse_args()
    from warehouse.db import connect

    with tempfile.TemporaryDirectory() as tmp:
        for fillers in (int(x) for x in a.fillers.split(",")):
            db = Path(tmp) / "w.duckdb"
            shutil.copy(a.warehouse, db)
            con = connect(db)
            _fill(con, fillers)
            (days,) = con.execute("SELECT count(*) FROM coverage_day").fetchall()[0]
            for kind in _KINDS:
                t = _time(con, kind, a.n)
                print(
                    f"{days:>9,} covered days | {kind:<18} | load {t['load_cpu']:6.1f} ms CPU"
                    f" ({t['load_wall']:6.1f} wall) | undo {t['undo_cpu']:6.1f} ms CPU"
                    f" ({t['undo_wall']:6.1f} wall)",
                    flush=True,
                )
            con.close()
            db.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
