"""The campaign file an analyst keeps (Nama Kampanye, Mulai, Selesai, Tagar, Kata Kunci,
Keterangan) read into CampaignDef rows; every problem named by file, sheet, row and column."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from etl.campaign_terms import norm_terms
from etl.date_text import parse_datetime_series

# What the analyst writes as column headers (compared lower-case, spaces squeezed).
_HEADERS = {
    "name": ("nama kampanye", "kampanye", "nama program", "program", "nama"),
    "start": ("mulai", "tanggal mulai", "tgl mulai", "dari", "dari tanggal", "periode mulai"),
    "end": (
        "selesai",
        "tanggal selesai",
        "tgl selesai",
        "sampai",
        "s.d.",
        "sampai tanggal",
        "periode selesai",
        "berakhir",
    ),
    "hashtags": ("tagar", "hashtag", "tagar resmi", "tagar kampanye"),
    "keywords": ("kata kunci", "keyword", "kata kunci caption"),
    "description": ("keterangan", "deskripsi", "uraian", "catatan"),
}
_COLUMN_NAMES = {
    "name": "Nama Kampanye",
    "start": "Mulai",
    "end": "Selesai",
    "hashtags": "Tagar",
    "keywords": "Kata Kunci",
    "description": "Keterangan",
}


class CampaignFileError(ValueError):
    """A campaign file that cannot be used; the message lists every problem (Bahasa Indonesia)."""


@dataclass(frozen=True)
class CampaignDef:
    name: str
    start_date: dt.date | None
    end_date: dt.date | None
    hashtags: tuple[str, ...]
    keywords: tuple[str, ...]
    description: str | None
    sheet: str | None
    row: int  # Excel row number (1-based), for messages


def _cell_text(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s or None


def _read_grid(path: Path) -> list[tuple[str | None, list[list[object]]]]:
    """Every sheet as (sheet name, rows); rows[i] is Excel row i + 1 (CSV: line i + 1)."""
    suffix = path.suffix.lower()
    raw = path.read_bytes()
    if suffix in {".xlsx", ".xlsm"}:
        import openpyxl  # a handful of rows: exact cell values and row numbers matter here

        from etl.filecheck import check_bytes
        from etl.schema import FileRejected
        from warehouse.settings import parse_limits

        try:  # read here, not in the bounded child: refuse what would take the server down
            check_bytes(raw, path.name, parse_limits())
        except FileRejected as exc:
            raise CampaignFileError(str(exc)) from exc

        try:
            wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook gets the same message
            raise CampaignFileError(
                f"Berkas {path.name}: tidak bisa dibaca sebagai Excel ({exc})."
            ) from exc
        try:
            return [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb]
        finally:
            wb.close()
    if suffix in {".csv", ".txt"}:
        for enc in ("utf-8-sig", "utf-16", "cp1252"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        lines = text.splitlines()
        offset = 0
        if lines and lines[0].strip().lower().startswith("sep="):  # Excel's "sep=;" line
            delim, offset = (lines[0].strip()[4:5] or ","), 1
        else:
            sample = "\n".join(lines[:20])
            delim = max((";", ",", "\t"), key=sample.count)
        rows: list[list[object]] = [[None]] * offset
        rows += [
            list(r) for r in csv.reader(io.StringIO("\n".join(lines[offset:])), delimiter=delim)
        ]
        return [(None, rows)]
    raise CampaignFileError(
        f"Berkas {path.name}: format tidak didukung untuk daftar kampanye (gunakan .xlsx atau .csv)."
    )


def _header_map(row: list[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, v in enumerate(row):
        key = " ".join((_cell_text(v) or "").lower().replace("*", "").split())
        for field_, names in _HEADERS.items():
            if key in names and field_ not in found:
                found[field_] = i
    return found


def _parse_date(v: object) -> dt.date | None | str:
    """A date cell -> date; empty -> None; unreadable -> the text as written (caller reports)."""
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    text = _cell_text(v)
    if text is None or text in {"-", "–"}:
        return None
    parsed = parse_datetime_series(pl.Series([text]), order="dmy").item(0)
    return parsed.date() if parsed is not None else text


def read_campaign_file(path: str | os.PathLike[str]) -> list[CampaignDef]:
    """The campaigns an analyst keeps in a sheet (Nama Kampanye, Mulai, Selesai, Tagar, Kata
    Kunci, optional Keterangan). Kop rows above the header and blank rows are skipped. Every
    problem is collected and raised together as CampaignFileError naming file, sheet, row and
    column."""
    path = Path(path)
    if not path.is_file():
        raise CampaignFileError(f"Berkas tidak ditemukan: {path}")
    problems: list[str] = []
    out: list[CampaignDef] = []
    seen: dict[str, str] = {}
    header_found = False
    for sheet, rows in _read_grid(path):
        where_sheet = f"Berkas {path.name}" + (f", sheet '{sheet}'" if sheet else "")
        cols: dict[str, int] | None = None
        for r, row in enumerate(rows, start=1):
            if cols is None:
                m = _header_map(row)
                if "name" in m and ("hashtags" in m or "keywords" in m):
                    cols, header_found = m, True
                continue
            values = {
                f: (row[i] if (i := cols.get(f)) is not None and i < len(row) else None)
                for f in _HEADERS
            }
            if all(_cell_text(v) is None for v in values.values()):
                continue  # blank spacer row
            where = f"{where_sheet}, baris {r}"
            name = " ".join((_cell_text(values["name"]) or "").split())
            if not name:
                problems.append(f"{where}, kolom {_COLUMN_NAMES['name']}: nama kampanye kosong.")
                continue
            dates: dict[str, dt.date | None] = {}
            for f in ("start", "end"):
                d = _parse_date(values[f])
                if isinstance(d, str):
                    problems.append(
                        f"{where}, kolom {_COLUMN_NAMES[f]}: tanggal '{d}' tidak terbaca "
                        "(contoh yang benar: 01/03/2026 atau 1 Maret 2026)."
                    )
                    d = None
                dates[f] = d
            tags = norm_terms(_cell_text(values["hashtags"]), hashtag=True)
            words = norm_terms(_cell_text(values["keywords"]), hashtag=False)
            if not tags and not words:
                problems.append(
                    f"{where}: kampanye '{name}' belum punya tagar (kolom {_COLUMN_NAMES['hashtags']})"
                    f" atau kata kunci (kolom {_COLUMN_NAMES['keywords']})."
                )
            if dates["start"] and dates["end"] and dates["start"] > dates["end"]:
                problems.append(
                    f"{where}, kolom {_COLUMN_NAMES['end']}: tanggal selesai "
                    f"({dates['end']:%d-%m-%Y}) sebelum tanggal mulai ({dates['start']:%d-%m-%Y})."
                )
            if name.lower() in seen:
                problems.append(
                    f"{where}, kolom {_COLUMN_NAMES['name']}: kampanye '{name}' sudah ditulis di "
                    f"{seen[name.lower()]}."
                )
            seen.setdefault(name.lower(), f"baris {r}")
            out.append(
                CampaignDef(
                    name=name,
                    start_date=dates["start"],
                    end_date=dates["end"],
                    hashtags=tuple(tags),
                    keywords=tuple(words),
                    description=_cell_text(values["description"]),
                    sheet=sheet,
                    row=r,
                )
            )
    if not header_found:
        raise CampaignFileError(
            f"Berkas {path.name}: judul kolom tidak ditemukan; perlu kolom "
            "'Nama Kampanye' dan 'Tagar' atau 'Kata Kunci' (juga 'Mulai', 'Selesai')."
        )
    if not out and not problems:
        problems.append(f"Berkas {path.name}: tidak ada kampanye di bawah judul kolom.")
    if problems:
        raise CampaignFileError("Daftar kampanye tidak dimuat:\n" + "\n".join(problems))
    return out
