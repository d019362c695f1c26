"""CLI commands over loads: load (files and folders, one transaction per file), history
(every load with its counts and assumptions), undo. Messages in Bahasa Indonesia."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from etl.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE

COMMANDS = ("load", "history", "undo")


def run(
    con: duckdb.DuckDBPyConnection, args: argparse.Namespace, column_map: dict[str, str] | None
) -> int:
    if args.cmd == "load":
        return _cmd_load(con, args, column_map)
    if args.cmd == "history":
        return _cmd_history(con, args.json)
    return _cmd_undo(con, args.load_id)


def _progress(i: int, n: int, path: str) -> None:
    if n > 1:
        print(f"[{i}/{n}] {Path(path).name}", file=sys.stderr, flush=True)


def _cmd_load(
    con: duckdb.DuckDBPyConnection, args: argparse.Namespace, column_map: dict[str, str] | None
) -> int:
    from etl.label_passes import label_batch, postponed
    from etl.load import load_file
    from etl.load_folder import plan_paths
    from etl.load_report import LoadReport
    from etl.name_id import retry_name_id_waits

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        for p in missing:
            print(f"Berkas atau folder tidak ditemukan: {p}", file=sys.stderr)
        return EXIT_USAGE
    if args.opd:
        # Checked once up front: an unknown --opd would fail every file the same way.
        from etl.opd_index import OpdIndex, OpdNotFound

        try:
            OpdIndex.from_db(con).resolve_option(args.opd)
        except OpdNotFound as exc:
            print(f"--opd: {exc}", file=sys.stderr)
            return EXIT_USAGE
    files = plan_paths(args.paths)
    if not files:
        print("Tidak ada berkas ekspor untuk dimuat di path yang diberikan.", file=sys.stderr)
        return EXIT_FAILED
    reports = []
    # Labels and campaign links once for the whole run, after the last file (label_batch).
    labels: set[int] | None = None if args.dry_run else set()

    def load_one(f: Path, optional: bool) -> LoadReport:
        return load_file(
            con, f, opd=args.opd, column_map=column_map, format_hint=args.format_hint,
            date_order=args.date_order, loaded_by=args.loaded_by, dry_run=args.dry_run,
            optional=optional, labels=labels,
        )  # fmt: skip

    for i, (f, optional) in enumerate(files, start=1):  # each report printed when done
        _progress(i, len(files), str(f))
        r = load_one(f, optional)
        reports.append(r)
        print(r.to_json() if args.json else r.summary() + "\n", flush=True)
    if not args.dry_run:
        for k in retry_name_id_waits(reports, files, load_one):
            print(reports[k].to_json() if args.json else reports[k].summary() + "\n", flush=True)
    problem = label_batch(con, labels) if labels is not None else None
    if problem is not None:  # the loads stay; their labels wait for the next load or start
        print(f"Peringatan: {postponed(problem)}", file=sys.stderr)
    failed = sum(r.status in ("failed", "needs_review") for r in reports)
    if not args.json and len(reports) > 1:
        done = sum(r.status == "loaded" for r in reports)
        skipped = sum(r.status == "skipped" for r in reports)
        print(
            f"Ringkasan: {done} dimuat, {skipped} dilewati, {failed} gagal, dari {len(reports)} berkas."
        )
    return EXIT_FAILED if failed or problem is not None else EXIT_OK


def _cmd_history(con: duckdb.DuckDBPyConnection, as_json: bool) -> int:
    from etl.load import history

    df = history(con)
    if as_json:
        for row in df.drop("sha256").iter_rows(named=True):
            print(json.dumps(row, ensure_ascii=False, default=str))
        return EXIT_OK
    if df.height == 0:
        print("Belum ada muatan.")
        return EXIT_OK
    for r in df.iter_rows(named=True):
        period = (
            f"{r['period_start']} s.d. {r['period_end']}" if r["period_start"] else "tanpa periode"
        )
        print(
            f"#{r['load_id']:<5} {r['loaded_at']:%Y-%m-%d %H:%M}  {r['status']:<8} "
            f"{r['file_name']}  | {r['opd'] or '-'} | {period} | baru {r['n_new']}, "
            f"diperbarui {r['n_updated']}, duplikat {r['n_duplicate']}, ditolak {r['n_rejected']}"
        )
        # The assumptions the load made, as kept with it (loads.report).
        stored = json.loads(r["report"]) if r.get("report") else {}
        for a in stored.get("assumptions") or []:
            print(f"        asumsi: {a}")
    return EXIT_OK


def _cmd_undo(con: duckdb.DuckDBPyConnection, load_id: int) -> int:
    from etl.load import UndoError, undo_load

    try:
        n = undo_load(con, load_id)
    except UndoError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    print(f"Muatan #{load_id} dibatalkan; {n} postingan dihitung ulang.")
    return EXIT_OK
