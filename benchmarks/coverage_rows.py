"""Give a synthetic warehouse (benchmarks/query_speed.py --keep) the coverage rows a real one has:
every account's months covered by one monthly export each, one account-month in `--miss`
left out (so comparisons leave OPDs out and some months are "data belum diterima").

    .venv/bin/python benchmarks/coverage_rows.py WAREHOUSE [--miss 12]

One live load per month (named as Meta names a month's export, exported the next month's first
midnight) and one coverage row per account-month, written by hand as the loader would have;
then the covered days kept at load time (warehouse.coverage_days) recomputed, when this tree
keeps them. The warehouse is migrated to this tree's schema first.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def add(path: Path, miss: int) -> int:
    """Coverage rows added to the warehouse at path; the number of coverage rows."""
    from warehouse.db import connect

    con = connect(path)
    try:
        con.execute("BEGIN TRANSACTION")
        lo, hi = con.execute(
            "SELECT date_trunc('month', min(pub_date)), date_trunc('month', max(pub_date))"
            " FROM post_day_count"
        ).fetchall()[0]
        months = [
            r[0]
            for r in con.execute(
                "SELECT CAST(unnest(generate_series($lo, $hi, INTERVAL 1 MONTH)) AS DATE)",
                {"lo": lo, "hi": hi},
            ).fetchall()
        ]
        for m in months:
            (load_id,) = con.execute(
                "INSERT INTO loads (file_name, sha256, format, platform, status, exported_at,"
                " loaded_at, rows_read) VALUES ($name, $sha, 'meta_instagram', NULL, 'loaded',"
                " CAST($m + INTERVAL 1 MONTH AS TIMESTAMP), CAST($m + INTERVAL 1 MONTH AS"
                " TIMESTAMP), 0) RETURNING load_id",
                {"name": f"{m:%b-01-%Y}_bench.csv", "sha": f"bench-{m}", "m": m},
            ).fetchall()[0]
            con.execute(
                "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
                " period_end, basis) SELECT $load_id, opd_id, platform, account_id, $m,"
                " CAST($m + INTERVAL 1 MONTH AS DATE) - 1, 'file_name' FROM account"
                " WHERE hash(account_id, $m) % $miss <> 0",
                {"load_id": load_id, "m": m, "miss": miss},
            )
        try:
            from warehouse import coverage_days
        except ImportError:  # a tree that keeps no covered days
            pass
        else:
            coverage_days.rebuild(con)
        con.execute("COMMIT")
        (n,) = con.execute("SELECT count(*) FROM load_coverage").fetchall()[0]
        return int(n)
    finally:
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--miss", type=int, default=12, help="one account-month in MISS left out")
    a = ap.parse_args()
    t0 = time.perf_counter()
    n = add(a.warehouse, a.miss)
    print(f"{n:,} coverage rows in {a.warehouse} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
