"""CLI commands of the learned content model: retrain (with before/after quality on the
held-out split), accept or reject a candidate, list versions. Messages in Bahasa Indonesia."""

from __future__ import annotations

import argparse
import json
from typing import Any

import duckdb

from etl.exit_codes import EXIT_FAILED, EXIT_OK

COMMANDS = ("retrain", "model-accept", "model-reject", "models")

_SCORES = (
    ("akurasi", "akurasi"),
    ("f1_ucapan", "F1 ucapan-vs-lainnya"),
    ("f1_makro", "F1 makro 7 label"),
    ("f1_figur", "F1 figur"),
)


def add_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    r = sub.add_parser(
        "retrain",
        help="latih ulang model label konten (contoh bawaan + koreksi analis + label logbook)",
    )
    r.add_argument("--by", dest="by", metavar="NAMA", help="nama petugas")
    r.add_argument("--note", metavar="CATATAN", help="catatan versi")
    r.add_argument(
        "--accept", action="store_true", help="langsung pakai kandidat dan labeli ulang semua"
    )
    a = sub.add_parser("model-accept", help="pakai model kandidat dan labeli ulang semua postingan")
    a.add_argument("version", type=int, metavar="VERSI")
    a.add_argument("--by", dest="by", metavar="NAMA", help="nama petugas")
    j = sub.add_parser("model-reject", help="tolak model kandidat")
    j.add_argument("version", type=int, metavar="VERSI")
    sub.add_parser("models", help="daftar versi model label konten")


def format_report(rep: dict[str, Any]) -> str:
    """The retraining report as the analyst reads it (before = the active model)."""
    lines = [
        f"Model kandidat versi {rep['version']}: dilatih dengan {rep['n_train']} caption "
        f"({rep['n_koreksi']} koreksi analis, {rep['n_logbook']} label logbook OPD), "
        f"diukur pada {rep['n_holdout']} caption yang disisihkan.",
        f"{'ukuran':<22} {'aturan saja':>12} {'sebelum (v' + str(rep['versi_sebelum']) + ')':>14} "
        f"{'sesudah':>9}",
    ]
    for key, name in _SCORES:
        lines.append(
            f"{name:<22} {rep['aturan_saja'][key]:>12.3f} {rep['sebelum'][key]:>14.3f} "
            f"{rep['sesudah'][key]:>9.3f}"
        )
    return "\n".join(lines)


def run(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    from etl.classify.model_store import accept_model, model_versions, reject_model, retrain

    if args.cmd == "retrain":
        rep = retrain(con, by=args.by, note=args.note)
        print(format_report(rep))
        if args.accept:
            n = accept_model(con, rep["version"], by=args.by)
            print(f"Model versi {rep['version']} dipakai; {n} postingan dilabeli ulang.")
        else:
            print(
                f"Belum dipakai. Setujui dengan: model-accept {rep['version']} "
                f"(atau tolak: model-reject {rep['version']})."
            )
        return EXIT_OK
    if args.cmd == "model-accept":
        try:
            n = accept_model(con, args.version, by=args.by)
        except ValueError as exc:
            print(str(exc))
            return EXIT_FAILED
        print(f"Model versi {args.version} dipakai; {n} postingan dilabeli ulang.")
        return EXIT_OK
    if args.cmd == "model-reject":
        reject_model(con, args.version)
        print(f"Model versi {args.version} ditolak.")
        return EXIT_OK
    for row in model_versions(con).iter_rows(named=True):
        q = json.loads(row["quality"]) if row["quality"] else {}
        after = q.get("sesudah", {})
        score = f" F1 makro {after['f1_makro']:.3f}" if after else ""
        print(f"v{row['version']} {row['status']:<8} {row['created_at']:%Y-%m-%d %H:%M} "
              f"{row['created_by'] or '-'}{score} {row['note'] or ''}")  # fmt: skip
    return EXIT_OK
