"""Every query that reads the per-day counts (post_day_count), answered the old way and the new
way on one warehouse, in one process: the results must be identical.

    .venv/bin/python benchmarks/day_counts_identity.py WAREHOUSE OLD_TREE [TAG,...]

OLD_TREE is a checkout of the code before post_day_count (e.g. `git archive main`). The
warehouse is opened from a copy with this tree's code (migration 125 fills post_day_count from
posts), every call of benchmarks/query_dump.py (all filters and settings there) of a function
whose SQL reads the changed macros and files is answered; then the old tree's definitions of
those macros and files (views/025_v_coverage.sql, views/030_scope_and_activity.sql,
q_date_bounds.sql, q_platforms.sql: counted from posts) are put in place on the same
connection and every call is answered again. Frames are compared with DataFrame.equals (same
columns, types, order, values, nulls). Exit 1 when any differs. Fast enough for 1M posts
(query_dump.py dumps every query, this only those the change reaches); TAGs keep only the
calls of those filter/settings pairs of query_dump (e.g. month/default,all/other), for a
shorter run on a large warehouse.

It checked one change (post_day_count) and is kept as its evidence: run it from a checkout of
any commit up to 9c2ca73. Later coverage queries (q_coverage_status, account_month_status over
v_coverage_island) no longer fit the old views it swaps in; the coverage grid is now checked
against a recount by tests/coverage/test_coverage_recount.py.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# Functions whose SQL reads opd_activity / opd_judgement, account_month_coverage, date
# bounds or platforms (directly or through another of them).
REACHED = {
    "date_bounds", "platforms", "kpi_summary", "activity_trend", "activity_by_kind",
    "top_bottom_opds", "opd_index", "opd_month_heatmap", "inactive_opds", "kecamatan_rollup",
    "trend", "trend_comparison", "keaktifan_figures", "inactive_reason_counts", "coverage_grid",
    "coverage_missing", "coverage_summary", "coverage_accounts", "opd_months",
    "opd_month_benchmark",
}  # fmt: skip
OLD_VIEWS = ("views/025_v_coverage.sql", "views/030_scope_and_activity.sql")
OLD_FILES = ("q_date_bounds", "q_platforms")


def _answer(calls: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, call in calls:
        try:
            out[key] = call()
        except Exception as exc:  # an error is a result too: it must stay the same
            out[key] = f"{type(exc).__name__}: {exc}"
    return out


def _same(a: Any, b: Any) -> bool:
    import polars as pl

    if isinstance(a, pl.DataFrame) and isinstance(b, pl.DataFrame):
        return a.equals(b)
    return bool(a == b)


def main(warehouse: Path, old_tree: Path, tags: set[str] | None = None) -> int:
    import query_dump

    from warehouse import db
    from warehouse.db import connect

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "w.duckdb"
        shutil.copy(warehouse, copy)
        con = connect(str(copy))
        ns = query_dump._namespace()
        calls = [
            (k, c)
            for k, c in query_dump._calls(ns, con)
            if k.split(":")[1].split("(")[0] in REACHED
        ]
        t0 = time.perf_counter()
        new = _answer(calls)
        t_new = time.perf_counter() - t0
        old_sql = old_tree / "warehouse" / "sql"
        for view in OLD_VIEWS:
            con.execute((old_sql / view).read_text(encoding="utf-8"))
        texts = {n: (old_sql / f"{n}.sql").read_text(encoding="utf-8") for n in OLD_FILES}
        real = db.sql_text
        db.sql_text = lambda name: texts.get(name) or real(name)  # type: ignore[assignment]
        for mod in list(sys.modules.values()):  # the query runner imported it by name
            if getattr(mod, "sql_text", None) is real:
                mod.sql_text = db.sql_text  # type: ignore[attr-defined]
        defs = con.execute(
            "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'opd_activity'"
            " AND macro_definition LIKE '%post_day_count%'"
        ).fetchone()
        assert defs is not None and defs[0] == 0, "the old rule is not in place"
        t0 = time.perf_counter()
        old = _answer(calls)
        t_old = time.perf_counter() - t0
        con.close()
    bad = [k for k in new if not _same(new[k], old[k])]
    errors = sum(isinstance(v, str) and "Error" in v for v in new.values())
    print(
        f"{len(calls)} calls of {len(REACHED)} functions: {len(bad)} differ;"
        f" {errors} answered with an error on both sides counted as results;"
        f" new {t_new:.1f} s, old {t_old:.1f} s (wall, one pass each)"
    )
    for k in bad[:20]:
        print("  differs:", k[:200])
    return 1 if bad else 0


if __name__ == "__main__":
    only = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), only))
