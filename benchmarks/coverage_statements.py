"""The statements that read coverage, with the covered days kept at load time (coverage_day,
coverage_opd_day) and with the old expansion of every live span (the view and macros kept in
tests/warehouse/before/coverage_day_280.sql), alternated in one process on one warehouse.

    .venv/bin/python benchmarks/coverage_statements.py WAREHOUSE [--n 9]

Each statement is run old, new, old, new ... --n times each with the parameters a page gives
(the newest whole month, the six months before it, the year before for a comparison); medians
of CPU and wall ms, and the new/old ratio. The results of each pair are compared too (equal
frames, or the script stops): on a shared machine the same process and alternation keep the
machine's load out of the ratio better than two processes would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

STATEMENTS = ("q_period_judgement", "q_periods_judgement", "q_compared_opds",
              "q_opd_month_heatmap", "q_opd_daily_counts", "q_account_dormancy",
              "q_coverage_bare_opds")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--n", type=int, default=9)
    a = ap.parse_args()
    import shutil
    import tempfile

    from tests.coverage.test_coverage_days_reference import _params, as_before, load_before
    from tests.warehouse.test_judgement_planning import parameters, run, same
    from warehouse import analyst_settings, periods
    from warehouse.db import connect, sql_text
    from warehouse.queries import run as run_queries
    from warehouse.queries.judgement import JUDGED, JUDGED_AS_OF, JUDGED_PERIODS

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "w.duckdb"
        shutil.copy(a.warehouse, db)
        con = connect(db)
        load_before(con)
        data_end = run_queries.read_data_end(con)
        assert data_end is not None
        month = (data_end.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        end = periods.add_months(month, 1) - dt.timedelta(days=1)
        opd = con.execute("SELECT min(opd_id) FROM account").fetchone()[0]
        p = _params(parameters(month, end, ((), (), ()), analyst_settings.Settings(), data_end,
                               end))  # fmt: skip
        p = {**p, "opd_id": opd, "starts": [month, periods.add_months(month, -1),
                                            periods.add_months(month, -12)],
             "ends_excl": [end + dt.timedelta(days=1), month,
                           periods.add_months(end + dt.timedelta(days=1), -12)],
             "start": periods.add_months(month, -5)}  # fmt: skip
        judged = run(con, sql_text("q_period_judgement"), p, {}).to_arrow()
        tables = {JUDGED: judged, JUDGED_AS_OF: judged, JUDGED_PERIODS: judged}
        print(f"{a.warehouse}: data end {data_end}, month {month}; load "
              f"{' '.join(f'{x:.1f}' for x in __import__('os').getloadavg())}")  # fmt: skip
        print(f"{'statement':<24} {'old cpu':>8} {'new cpu':>8} {'ratio':>6}"
              f" {'old wall':>9} {'new wall':>9}")  # fmt: skip
        for name in STATEMENTS:
            new_sql = sql_text(name)
            old_sql = as_before(new_sql)
            times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
            for _ in range(a.n):
                got = {}
                for side, sql in (("old", old_sql), ("new", new_sql)):
                    w, c = time.perf_counter(), time.process_time()
                    got[side] = run(con, sql, p, tables)
                    times[side].append(((time.process_time() - c) * 1000,
                                        (time.perf_counter() - w) * 1000))  # fmt: skip
                same(got["old"], got["new"], name)
            med = {s: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v))
                   for s, v in times.items()}  # fmt: skip
            print(f"{name:<24} {med['old'][0]:8.1f} {med['new'][0]:8.1f}"
                  f" {med['new'][0] / med['old'][0]:5.2f}x {med['old'][1]:9.1f}"
                  f" {med['new'][1]:9.1f}", flush=True)  # fmt: skip
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
