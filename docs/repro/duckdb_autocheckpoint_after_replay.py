"""Minimal reproduction: rows of a commit replayed from the WAL become invisible to filters after
the first automatic (commit-triggered) checkpoint, on DuckDB 2.0.0. Needs only duckdb.

    python docs/repro/duckdb_autocheckpoint_after_replay.py [--rows 200000] [--threshold 16MB]
    exit 0: not reproduced; exit 1: reproduced (prints both counts)

1. A table with an ART index on the filtered column; 4 small committed, checkpointed batches.
2. A child process commits a big batch (insert + a delete in the same transaction, which puts
   the rows themselves in the WAL) and exits without checkpointing: what `kill -9` after COMMIT
   and before the checkpoint leaves (the WAL holds the commit, the database file does not).
3. Open (the WAL is replayed), run one statement that commits (CREATE OR REPLACE VIEW) with the
   WAL above checkpoint_threshold, so that commit runs the automatic checkpoint. Close.
4. Open again: count(*) FILTER (WHERE k = 5) sees the rows, WHERE k = 5 sees none; a DELETE
   WHERE k = 5 deletes none. With an explicit CHECKPOINT as the first statement in step 3
   instead, or without the index, both counts agree.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def write(db: str, rows: int) -> None:
    import duckdb

    con = duckdb.connect(db)
    con.execute("CREATE TABLE obs (load_id INTEGER, txt VARCHAR, v BIGINT)")
    con.execute("CREATE INDEX obs_load_idx ON obs (load_id)")
    for load in range(1, 5):
        con.execute(f"INSERT INTO obs SELECT {load}, 'k' || i, i FROM range(300) t(i)")
    con.execute("CHECKPOINT")
    con.execute("SET checkpoint_threshold = '1TB'")  # keep the commit in the WAL only
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    con.execute("BEGIN")
    con.execute(f"INSERT INTO obs SELECT 5, repeat('x', 300) || i, i FROM range({rows}) t(i)")
    con.execute("DELETE FROM obs WHERE load_id = 5 AND v % 1000 = 0")
    con.execute("COMMIT")
    os._exit(0)  # no checkpoint, no clean close


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--threshold", default="16MB", help="checkpoint_threshold at step 3")
    ap.add_argument("--first", default="CREATE OR REPLACE VIEW v AS SELECT 1",
                    help="the committing statement of step 3 ('CHECKPOINT' to see the fix)")  # fmt: skip
    ap.add_argument("--_write", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a._write:
        write(a._write, a.rows)
    import duckdb

    with tempfile.TemporaryDirectory() as d:
        db = str(Path(d) / "r.duckdb")
        subprocess.run([sys.executable, __file__, "--_write", db, "--rows", str(a.rows)],
                       check=True)  # fmt: skip
        wal = os.path.getsize(db + ".wal")
        con = duckdb.connect(db)  # step 3: replay
        con.execute(f"SET checkpoint_threshold = '{a.threshold}'")
        con.execute(a.first)
        con.close()
        con = duckdb.connect(db)  # step 4
        seen, filtered = con.execute(
            "SELECT count(*) FILTER (WHERE load_id = 5),"
            " (SELECT count(*) FROM obs WHERE load_id = 5) FROM obs"
        ).fetchall()[0]
        con.execute("BEGIN")
        (deleted,) = con.execute("DELETE FROM obs WHERE load_id = 5").fetchall()[0]
        con.execute("ROLLBACK")
        con.close()
    print(
        f"duckdb {duckdb.__version__}, WAL {wal:,} B, step 3 {a.first!r}: load 5 counted "
        f"{seen}, WHERE load_id = 5 sees {filtered}, DELETE removes {deleted}"
    )
    return 1 if not (seen == filtered == deleted) else 0


if __name__ == "__main__":
    sys.exit(main())
