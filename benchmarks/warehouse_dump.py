"""Every table and view of a warehouse, sorted, to prove a speed change left the data identical.

    .venv/bin/python benchmarks/warehouse_dump.py dump WAREHOUSE OUT_DIR [--strip PREFIX ...]
        [--drop TABLE.COLUMN ...]
    .venv/bin/python benchmarks/warehouse_dump.py compare DIR_BEFORE DIR_AFTER

`dump` writes one TSV per table and view (every column as text, rows sorted), leaving out the
columns stamped with the time of the run (loaded_at, created_at, ...); --strip removes a path
prefix (the checkout a file was loaded from); --drop leaves out a column one side has and the
other has not (a migration's new column: say so when comparing). `compare` names the tables that differ and exits
1 when any does. Build both warehouses from checkouts whose sample_data/ files have the same
modification times (`touch -r`): a file without an export date in its name or content takes
its modification time as export date (etl/export_date.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

RUN_STAMPS = {"loaded_at", "created_at", "applied_at", "updated_at", "at_wib", "overridden_at"}


def dump(db: str, out: Path, strip: list[str], drop: list[str] | None = None) -> int:
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(db, read_only=True)
    names = [
        n for (n,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    ]
    for name in sorted(names):
        cols = [
            c
            for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                " ORDER BY ordinal_position",
                [name],
            ).fetchall()
            if c not in RUN_STAMPS and f"{name}.{c}" not in (drop or [])
        ]
        text = ", ".join(f'"{c}"::VARCHAR' for c in cols)
        rows = con.execute(f'SELECT {text} FROM "{name}"').fetchall()  # names from the catalog
        lines = []
        for r in rows:
            line = "\t".join("" if v is None else str(v).replace("\n", "\\n") for v in r)
            for p in strip:
                line = line.replace(p, "")
            lines.append(line)
        (out / f"{name}.tsv").write_text("\t".join(cols) + "\n" + "\n".join(sorted(lines)) + "\n")
    con.close()
    print(f"{len(names)} tables and views written to {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.glob("*.tsv")} | {p.name for p in b.glob("*.tsv")})
    bad = [n for n in names if not (a / n).is_file() or not (b / n).is_file()
           or (a / n).read_bytes() != (b / n).read_bytes()]  # fmt: skip
    print(f"{len(names)} tables and views compared, {len(bad)} differ: {', '.join(bad) or '-'}")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("db")
    d.add_argument("out", type=Path)
    d.add_argument("--strip", action="append", default=[])
    d.add_argument("--drop", action="append", default=[], help="TABLE.COLUMN left out")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        return dump(args.db, args.out, args.strip, args.drop)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
