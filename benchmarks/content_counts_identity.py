"""Every query that reads the per-month content counts (post_content_month, macro content_counts),
answered the old way (counted post by post) and the new way on one warehouse, in one process:
the results must be identical.

    .venv/bin/python benchmarks/content_counts_identity.py WAREHOUSE OLD_TREE [TAG,...]

OLD_TREE is a checkout of the code before post_content_month (e.g. `git archive main`). The
warehouse is opened from a copy with this tree's code (migration 140 fills post_content_month
from posts and labels); every call of benchmarks/query_dump.py (all filters and settings there)
of a function whose SQL now reads content_counts is answered; then the old tree's q_*.sql files
of those functions (counted from scoped_posts) are put in place on the same connection and every
call is answered again. Frames are compared with DataFrame.equals (same columns, types, order,
values, nulls). Exit 1 when any differs. TAGs keep only the calls of those filter/settings
pairs of query_dump (e.g. month/default,all/other), for a shorter run on a large warehouse.
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

# Functions whose SQL reads content_counts, and their files (as of post_content_month's change:
# the files other than q_content_mix were later read as one, q_content_figures.sql, so with a
# tree after 34a797d only content_mix is answered the old way; its test compares the rest).
OLD_FILES = (
    "q_content_mix", "q_content_share_by_opd", "q_content_mix_by_opd", "q_content_mix_over_time",
    "q_figure_share_trend",
)  # fmt: skip
REACHED = {
    "content_mix", "content_share_by_opd", "content_mix_by_opd", "content_mix_over_time",
    "figure_share_trend",
}  # fmt: skip


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
            and (tags is None or k.split(":")[0] in tags)
        ]
        t0 = time.perf_counter()
        new = _answer(calls)
        t_new = time.perf_counter() - t0
        old_sql = old_tree / "warehouse" / "sql"
        texts = {n: (old_sql / f"{n}.sql").read_text(encoding="utf-8") for n in OLD_FILES}
        real = db.sql_text
        db.sql_text = lambda name: texts.get(name) or real(name)  # type: ignore[assignment]
        for mod in list(sys.modules.values()):  # the query runner imported it by name
            if getattr(mod, "sql_text", None) is real:
                mod.sql_text = db.sql_text  # type: ignore[attr-defined]
        assert all("content_counts" not in t for t in texts.values()), "old files not in place"
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
