"""Every file's parse (posts, rejects, assumptions, notes, refusals), to prove a speed change
left what the loader reads identical.

    .venv/bin/python benchmarks/parse_dump.py dump OUT.pickle ROOT... [--tree CHECKOUT]
    .venv/bin/python benchmarks/parse_dump.py compare BEFORE.pickle AFTER.pickle

`dump` parses every data file under the ROOTs (etl.load_folder.plan_paths: what a folder load
picks up), in that order, through the same entry the loader uses (etl.load.parse_bytes: the
bounded child process, export date included), with the code of --tree (default: this
checkout), and pickles the result per file. `compare` names every file whose parse differs
(each table's posts and rejects frames, format, sheet, platform, account, export date, title,
notes, assumptions, declared period; or the refusal's kind and message) and exits 1 when any
does. Give both runs the same ROOT paths: a file without an export date in its name or content
takes its modification time.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

FIELDS = (
    "format", "sheet", "platform", "account_handle", "exported_at", "title", "notes",
    "assumptions", "period", "period_source",
)  # fmt: skip


def dump(out: Path, roots: list[str]) -> int:
    from etl.load import parse_bytes
    from etl.load_folder import plan_paths

    result: dict[str, Any] = {}
    t0 = time.perf_counter()
    for f, _optional in plan_paths(roots):
        p = parse_bytes(f, f.read_bytes(), name=f.name, file_path=str(f))
        tables = [
            ({k: getattr(t, k) for k in FIELDS}, t.posts, t.rejects) for t in p.tables
        ]  # fmt: skip
        err = None if p.error is None else (type(p.error).__name__, str(p.error))
        result[str(f)] = (p.sha256, p.exported, err, tables)
    out.write_bytes(pickle.dumps(result))
    print(f"{len(result)} files parsed in {time.perf_counter() - t0:.1f} s -> {out}")
    return 0


def _same_frame(a: Any, b: Any) -> bool:
    return bool(a.schema == b.schema and a.equals(b, null_equal=True))


def compare(before: Path, after: Path) -> int:
    a, b = pickle.loads(before.read_bytes()), pickle.loads(after.read_bytes())
    differ = sorted(set(a) ^ set(b))
    for name in sorted(set(a) & set(b)):
        (sha_a, exp_a, err_a, tab_a), (sha_b, exp_b, err_b, tab_b) = a[name], b[name]
        same = (sha_a, exp_a, err_a, len(tab_a)) == (sha_b, exp_b, err_b, len(tab_b)) and all(
            ma == mb and _same_frame(pa, pb) and _same_frame(ra, rb)
            for (ma, pa, ra), (mb, pb, rb) in zip(tab_a, tab_b, strict=True)
        )
        if not same:
            differ.append(name)
    posts = sum(t[1].height for v in b.values() for t in v[3])
    rejects = sum(t[2].height for v in b.values() for t in v[3])
    refused = sum(v[2] is not None for v in b.values())
    print(
        f"{len(b)} files ({posts} posts, {rejects} rejects, {refused} refusals): "
        f"{len(differ)} differ"
    )
    for name in differ:
        print("  DIFFERS:", name)
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("roots", nargs="+")
    d.add_argument("--tree", type=Path, default=HERE.parent)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        sys.path.insert(0, str(args.tree.resolve()))
        return dump(args.out, args.roots)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
