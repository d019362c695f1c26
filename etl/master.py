"""Diskominfo's master list "Daftar Akun Medsos OPD" (xlsx or csv) -> opd, opd_alias, account.

The sheet is typed by hand: title rows above the header, headers in several spellings, "-" for
"no account", Ya/Tidak or Sudah/Belum for training. Operator name and phone are personal data:
they are stored in opd and never printed, logged or put into messages.

This module turns the sheet's rows into OPD entries; the words live in master_vocab, the reading
of cells and headers in master_sheet, the writing in master_upsert.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from etl.master_report import MasterRejected, MasterReport
from etl.master_sheet import find_header, is_number, not_an_opd_row, read_rows
from etl.master_upsert import upsert_master
from etl.master_vocab import PLATFORM_FIELDS, kind_of, split_accounts, yes_no

__all__ = ["MasterRejected", "MasterReport", "load_master"]


def load_master(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    data: bytes | None = None,
    file_name: str | None = None,
) -> MasterReport:
    """Upsert OPDs, aliases and accounts from the master list, in one transaction."""
    path = Path(file_name or path) if data is not None else Path(path)
    name = file_name or path.name
    report = MasterReport(file=name)
    sheets = read_rows(path, data)

    entries: list[dict[str, Any]] = []
    found_header = False
    for sheet, rows in sheets:
        hdr = find_header(rows)
        if hdr is None:
            continue
        found_header = True
        start, mapping, headers = hdr
        where_sheet = f', lembar "{sheet}"' if sheet else ""
        for i in range(start, len(rows)):
            row = rows[i]
            vals = {f: (row[j] if j < len(row) else None) for j, f in mapping.items()}
            excel_row = i + 1
            where = f"{name}{where_sheet}, baris {excel_row}"
            if all(v is None for v in vals.values()):
                continue
            if not_an_opd_row(vals):
                continue  # a footer: place and date, signature block, notes
            if vals.get("name") is None:
                # Group rows ("I. SEKRETARIAT DAERAH") and a signature block under a platform
                # column are not OPDs; a numbered row with accounts but no name is an error.
                numbered = "no" not in vals or is_number(vals.get("no"))
                if numbered and any(vals.get(p) for p in PLATFORM_FIELDS):
                    report.errors.append(f'{where}, kolom "{headers["name"]}": nama OPD kosong.')
                continue  # a numbering-only or footer row
            report.rows_read += 1
            entry: dict[str, Any] = {"row": excel_row, "where": where, **vals}
            kind_text = vals.get("kind")
            kind = kind_of(kind_text) or kind_of(vals["name"])
            if kind is None:
                if kind_text:
                    report.notes.append(
                        f'{where}, kolom "{headers["kind"]}": jenis "{kind_text}" tidak dikenal, '
                        "dicatat sebagai lainnya."
                    )
                kind = "lainnya"
            entry["kind"] = kind
            trained = yes_no(vals.get("trained"))
            if trained == "bad":
                report.notes.append(
                    f'{where}, kolom "{headers["trained"]}": nilai "{vals["trained"]}" bukan '
                    "Ya/Tidak atau Sudah/Belum; dicatat sebagai tidak diketahui."
                )
                trained = None
            entry["trained"] = trained
            entry["accounts"] = [
                (p, written, headers[p])
                for p in PLATFORM_FIELDS
                for written in split_accounts(vals.get(p))
            ]
            # the platforms this row speaks for: a column the sheet lacks drops nothing
            entry["platform_columns"] = [p for p in PLATFORM_FIELDS if p in headers]
            entries.append(entry)
    if not found_header:
        raise MasterRejected(
            f"Berkas {name}: baris judul kolom tidak ditemukan. Daftar Akun harus punya kolom "
            '"Nama OPD" (atau "Nama Perangkat Daerah"/"Instansi") dan kolom akun seperti '
            '"Instagram" atau "Facebook".'
        )

    from warehouse import backup

    if con.execute("SELECT count(*) FROM opd").fetchall()[0][0]:
        backup.before(con, "master")  # replacing a master list: a snapshot first
    con.execute("BEGIN TRANSACTION")
    try:
        upsert_master(con, entries, report)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return report
