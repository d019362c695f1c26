"""Run every benchmark in turn and print its figures (`make bench`).

Each script measures its own baseline in the same run and prints ratios, because machines here
are noisy: compare ratios, not seconds, between runs. Sizes can be made smaller for a quick look:

    .venv/bin/python benchmarks/run.py            # full sizes (tens of minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # small sizes (about 2 minutes)
    .venv/bin/python benchmarks/run.py --huge 10000000 page_scale.py   # pages at 10M posts too
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (script, full-size arguments, quick arguments)
BENCHMARKS: list[tuple[str, list[str], list[str]]] = [
    ("parse_speed.py", ["--rows", "100000"], ["--rows", "20000", "--repeat", "1"]),
    ("load_speed.py", [], ["--files", "10", "--rows", "200", "--baseline-files", "1"]),
    ("classify_speed.py", ["1000000"], ["100000"]),
    ("classify_eval.py", [], []),
    ("classify_cv.py", [], ["3"]),
    ("query_speed.py", ["--posts", "1000000"], ["--posts", "100000"]),
    ("report_speed.py", ["--copies", "4"], ["--copies", "1"]),
    # First start on the bundled sample (wall and CPU of all processes).
    ("province.py", ["--only", "first_start", "--json", "benchmarks/results/first-start.json"],
     ["--only", "first_start"]),
    # A page's rerun and queries at 500k vs 20k posts (--huge adds a 10M-post warehouse).
    ("page_scale.py", ["--json", "benchmarks/results/page-scale.json"],
     ["--small", "2000", "--large", "50000", "--pages", "ringkasan"]),
]  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes")
    ap.add_argument(
        "--huge", type=int, default=0,
        help="page_scale.py also at this many posts (10000000: about 4 GB of disk, an hour)",
    )  # fmt: skip
    ap.add_argument("only", nargs="*", help="run only these scripts (e.g. classify_speed.py)")
    args = ap.parse_args()
    failed = 0
    for script, full, quick in BENCHMARKS:
        if args.only and script not in args.only:
            continue
        cmd = [sys.executable, str(HERE / script), *(quick if args.quick else full)]
        if script == "page_scale.py" and args.huge:
            cmd += ["--huge", str(args.huge)]
        print(f"\n===== {script} {' '.join(cmd[2:])}", flush=True)
        t = time.perf_counter()
        rc = subprocess.call(cmd, cwd=HERE.parent)
        print(f"===== {script}: {time.perf_counter() - t:.0f} s, exit {rc}", flush=True)
        failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
