"""Reading the master list's cells: every sheet of an xlsx or a csv as rows of text, the header
row (one or two rows, in any of the known spellings) and the rows under the table that are not
OPDs (group titles, signature blocks).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from etl.master_report import MasterRejected
from etl.master_vocab import HEADER_ALIASES, PLATFORM_FIELDS
from etl.matching import normalize_opd_name


def _cell(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)  # phone numbers and row numbers typed as numbers
    s = str(v).strip()
    return s or None


def read_rows(path: Path, data: bytes | None) -> list[tuple[str | None, list[list[str | None]]]]:
    """Every sheet as (sheet name, rows of cells); row i is Excel row i + 1."""
    suffix = path.suffix.lower()
    raw = data if data is not None else path.read_bytes()
    if suffix in {".xlsx", ".xlsm"}:
        import openpyxl  # a few hundred rows: exact Excel row numbers matter more than speed

        from etl.filecheck import check_bytes
        from etl.schema import FileRejected
        from warehouse.settings import parse_limits

        try:  # read here, not in the bounded child: refuse what would take the server down
            check_bytes(raw, path.name, parse_limits())
        except FileRejected as exc:
            raise MasterRejected(str(exc)) from exc

        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        out = []
        for ws in wb.worksheets:
            rows = [[_cell(v) for v in r] for r in ws.iter_rows(values_only=True)]
            out.append((ws.title, rows))
        wb.close()
        return out
    if suffix in {".csv", ".txt"}:
        for enc in ("utf-8-sig", "cp1252"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        first, _, rest = text.partition("\n")
        if first.strip().lower().startswith("sep="):  # Excel's "sep=;" line
            delim = first.strip()[4:5] or ","
            rows = [[_cell(v) for v in r] for r in csv.reader(io.StringIO(rest), delimiter=delim)]
            return [(None, [[None], *rows])]  # keep Excel row numbers: line 1 was sep=
        sample = text[:4096]
        delim = ";" if sample.count(";") > sample.count(",") else ","
        rows = [[_cell(v) for v in r] for r in csv.reader(io.StringIO(text), delimiter=delim)]
        return [(None, rows)]
    raise MasterRejected(
        f"Berkas {path.name}: format tidak didukung untuk Daftar Akun (gunakan .xlsx atau .csv)."
    )


def _map_row(row: list[str | None]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for j, v in enumerate(row):
        f = HEADER_ALIASES.get(normalize_opd_name(v)) if v else None
        if f and f not in mapping.values():
            mapping[j] = f
    return mapping


def find_header(
    rows: list[list[str | None]],
) -> tuple[int, dict[int, str], dict[str, str]] | None:
    """Header within the first 30 rows: (first data row index, column index -> field, field ->
    header as written). Two-row headers are common ("No" and "Nama OPD" merged over two rows
    beside "Akun Media Sosial" spanning Instagram | Facebook | ...): the row below fills in."""
    for i, row in enumerate(rows[:30]):
        mapping = _map_row(row)
        if "name" not in mapping.values():
            continue
        labels = {f: str(row[j]) for j, f in mapping.items()}
        start = i + 1
        if not any(f in PLATFORM_FIELDS for f in mapping.values()) and i + 1 < len(rows):
            below = rows[i + 1]
            for j, f in _map_row(below).items():
                if j not in mapping and f not in mapping.values():
                    mapping[j] = f
                    labels[f] = str(below[j])
            start = i + 2
        # A master sheet names OPDs and at least one platform column (not a pivot or a recap).
        if any(f in PLATFORM_FIELDS for f in mapping.values()):
            return start, mapping, labels
    return None


def is_number(v: str | None) -> bool:
    return v is not None and re.fullmatch(r"\d+\.?", v.strip()) is not None


_FOOTER_WORDS = ("mengetahui", "nip ", "kepala ", "keterangan", "catatan", "jumlah", "total")


def not_an_opd_row(vals: dict[str, Any]) -> bool:
    """Rows under the table that are not OPDs: no number where the sheet numbers its rows and no
    account, or signature-block words."""
    name = normalize_opd_name(vals.get("name"))
    if any(name.startswith(w) or name == w.strip() for w in _FOOTER_WORDS):
        return True
    has_account = any(vals.get(p) for p in PLATFORM_FIELDS)
    return "no" in vals and vals.get("no") is None and not has_account
