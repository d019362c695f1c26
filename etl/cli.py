"""Command line: python -m etl --db FILE <perintah> ....

Exit codes: 0 every file loaded or skipped as already loaded; 1 a file failed (or the command
failed); 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from etl.exit_codes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from etl.schema import PLATFORMS
from warehouse import settings

if TYPE_CHECKING:  # the CLI starts fast: duckdb is imported when a command needs it
    import duckdb


class _Parser(argparse.ArgumentParser):
    """argparse with Indonesian error lines (exit code 2 stays)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        message = (
            message.replace("the following arguments are required", "argumen wajib belum diisi")
            .replace("unrecognized arguments", "argumen tidak dikenal")
            .replace("invalid choice", "pilihan tidak sah")
            .replace("invalid int value", "bukan bilangan bulat")
            .replace("expected one argument", "perlu satu nilai")
        )
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: kesalahan: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m etl", description="Muat ekspor media sosial OPD ke gudang data.")
    p.add_argument(
        "--db", help="berkas gudang data DuckDB (bawaan: $PANTAU_DB atau warehouse/pantau.duckdb)"
    )
    sub = p.add_subparsers(dest="cmd", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True

    o = sub.add_parser("opd", help="muat Daftar Akun Medsos OPD (xlsx/csv)")
    o.add_argument("master", metavar="BERKAS", help="Daftar Akun Medsos OPD (.xlsx atau .csv)")

    ld = sub.add_parser("load", help="muat berkas atau folder ekspor")
    ld.add_argument("paths", nargs="+", metavar="PATH", help="berkas atau folder (rekursif)")
    ld.add_argument("--opd", help="nama, singkatan, atau alias OPD pemilik berkas")
    ld.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"Judul Kolom=field"',
        help="petakan judul kolom yang tidak dikenal ke kolom baku (boleh berulang)",
    )
    ld.add_argument("--format", dest="format_hint", metavar="FORMAT", help="paksa format berkas")
    ld.add_argument("--json", action="store_true", help="satu objek JSON per baris per berkas")
    ld.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        help="urutan tanggal angka bila berkas tidak memastikannya: dmy (hari/bulan) atau mdy "
        "(bulan/hari)",
    )
    ld.add_argument("--by", dest="loaded_by", metavar="NAMA", help="nama petugas yang memuat")
    ld.add_argument("--dry-run", action="store_true", help="periksa saja, tanpa menyimpan")

    h = sub.add_parser("history", help="riwayat muatan")
    h.add_argument("--json", action="store_true", help="satu objek JSON per baris")

    u = sub.add_parser("undo", help="batalkan satu muatan")
    u.add_argument("load_id", type=int, metavar="LOAD_ID", help="nomor muatan")

    a = sub.add_parser("akun", help="petakan nama akun di berkas ke akun di Daftar Akun (sekali)")
    a.add_argument("--platform", required=True, choices=PLATFORMS, help="platform akun")
    a.add_argument("--nama", required=True, help="nama atau handle akun seperti tertulis di berkas")
    a.add_argument("--akun", required=True, help="handle atau URL akun di Daftar Akun Medsos OPD")

    sub.add_parser("relabel", help="hitung ulang label konten semua postingan")
    k = sub.add_parser("campaigns", help="muat daftar kampanye (xlsx/csv) dan cocokkan postingan")
    k.add_argument(
        "campaign_file", metavar="BERKAS", help="Nama Kampanye, Mulai, Selesai, Tagar, Kata Kunci"
    )
    b = sub.add_parser("bootstrap", help="bangun gudang data dari sample_data/ bila masih kosong")
    b.add_argument(
        "--sample-dir", metavar="FOLDER", help="folder data contoh lain (bawaan: sample_data/)"
    )
    from etl import cli_backup, cli_model, cli_reports, cli_users

    cli_reports.add_parsers(sub)
    cli_backup.add_parsers(sub)
    cli_model.add_parsers(sub)
    cli_users.add_parsers(sub)
    return p


def _parse_map(items: Sequence[str], parser: argparse.ArgumentParser) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for item in items:
        header, sep, target = item.partition("=")
        if not sep or not header.strip() or not target.strip():
            parser.error(f'--map "{item}" harus berbentuk "Judul Kolom=field"')
        out[header.strip()] = target.strip()
    return out or None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    db = settings.db_path(args.db)

    if args.cmd == "bootstrap":
        from etl.bootstrap import SampleDataError, ensure_warehouse
        from warehouse.db import WarehouseLocked

        try:
            built = ensure_warehouse(db, root=Path(args.sample_dir) if args.sample_dir else None)
        except (WarehouseLocked, SampleDataError) as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_FAILED
        print(
            f"Gudang data dibangun dari {args.sample_dir or 'sample_data/'}: {db}"
            if built
            else f"Gudang data sudah berisi, tidak diubah: {db}"
        )
        return EXIT_OK

    from etl import cli_backup
    from warehouse.db import WarehouseLocked, connect
    from warehouse.integrity import WarehouseCorrupt

    column_map = _parse_map(args.map, parser) if args.cmd == "load" else None
    try:
        con = connect(db, check=args.cmd not in cli_backup.NO_CHECK)
    except (WarehouseLocked, WarehouseCorrupt) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    try:
        return _dispatch(con, args, column_map)
    except BrokenPipeError:
        return _output_closed(args.cmd)
    except Exception as exc:  # a readable line instead of a traceback; nothing was half-written
        print(f"Perintah {args.cmd} gagal: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        con.close()


def _output_closed(cmd: str) -> int:
    """The reader of stdout went away (`metrics | head`): nothing more can be printed there, so
    stdout goes to /dev/null (Python's own flush at exit would fail again). A read-only
    command's work is done; a load stops before its next file, said on stderr."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    if cmd == "load":
        print("Keluaran terputus: berkas sesudahnya tidak dimuat.", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _dispatch(
    con: duckdb.DuckDBPyConnection, args: argparse.Namespace, column_map: dict[str, str] | None
) -> int:
    if args.cmd == "opd":
        return _cmd_opd(con, args.master)
    if args.cmd == "akun":
        return _cmd_akun(con, args)
    if args.cmd == "relabel":
        return _cmd_relabel(con)
    if args.cmd == "campaigns":
        return _cmd_campaigns(con, args.campaign_file)
    from etl import cli_backup, cli_loads, cli_model, cli_reports, cli_users

    if args.cmd in cli_loads.COMMANDS:
        return cli_loads.run(con, args, column_map)
    if args.cmd in cli_users.COMMANDS:
        return cli_users.run(con, args)
    if args.cmd in cli_backup.COMMANDS:
        return cli_backup.run(con, args)
    if args.cmd in cli_model.COMMANDS:
        return cli_model.run(con, args)
    if args.cmd in cli_reports.COMMANDS:
        return cli_reports.run(con, args)
    return EXIT_USAGE


def _cmd_campaigns(con: duckdb.DuckDBPyConnection, path: str) -> int:
    from etl.campaign_file import CampaignFileError
    from etl.campaigns import load_campaign_file

    try:
        done = load_campaign_file(con, path)
    except CampaignFileError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    for name, campaign_id, n in done:
        print(f"Kampanye #{campaign_id} {name}: {n} postingan cocok.")
    return EXIT_OK


def _cmd_relabel(con: duckdb.DuckDBPyConnection) -> int:
    from etl.classify import classify_posts
    from warehouse import backup

    backup.before(con, "relabel")
    con.execute("BEGIN TRANSACTION")
    try:
        n = classify_posts(con, None)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    print(f"Label konten dihitung ulang untuk {n} postingan.")
    return EXIT_OK


def _cmd_opd(con: duckdb.DuckDBPyConnection, master: str) -> int:
    from etl.master import MasterRejected, load_master

    path = Path(master)
    if not path.is_file():
        print(f"Berkas tidak ditemukan: {master}", file=sys.stderr)
        return EXIT_FAILED
    try:
        report = load_master(con, path)
    except MasterRejected as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    # The report never holds operator names or phone numbers (personal data).
    print(report.summary())
    return EXIT_OK


def _cmd_akun(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    from etl.accounts import map_alias

    try:
        account_id, n = map_alias(con, args.platform, args.nama, args.akun)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    print(
        f"'{args.nama}' ({args.platform}) kini dikenali sebagai akun #{account_id} "
        f"('{args.akun}'); {n} postingan yang sudah dimuat dikaitkan ke akun itu."
    )
    return EXIT_OK
