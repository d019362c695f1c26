"""The load report: what one file's load did and every assumption it made.

LoadReport is what the CLI prints (summary(), to_json()) and what the upload page shows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from etl.schema import REJECT_SCHEMA

JSON_KEYS = ("file", "format", "opd", "rows_read", "new", "updated", "duplicate", "rejected",
             "status", "error", "load_id", "assumptions", "declared_period")  # fmt: skip
STATUS_LABEL = {"loaded": "DIMUAT", "skipped": "DILEWATI", "failed": "GAGAL",
                "needs_review": "PERLU DIPERIKSA"}  # fmt: skip


@dataclass
class LoadReport:
    file: str
    format: str | None = None
    opd: str | None = None
    rows_read: int = 0
    new: int = 0
    updated: int = 0
    duplicate: int = 0
    rejected: int = 0
    status: str = "loaded"  # loaded | skipped | failed | needs_review (nothing written)
    error: str | None = None
    load_id: int | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    notes: list[str] = field(default_factory=list)
    # Every assumption the load made (date order and why, zone, years, fill-downs, duplicates).
    assumptions: list[str] = field(default_factory=list)
    # The period the file says it covers (file name, title, sheet), and where that was read.
    declared_start: dt.date | None = None
    declared_end: dt.date | None = None
    declared_source: str | None = None
    rejects: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=REJECT_SCHEMA))
    preview: pl.DataFrame | None = None
    # A file without a post whose Meta name id no earlier load tied to an account (etl.name_id):
    # a folder load tries it again once the folder's other files are in (load_paths).
    waits_for_name_id: bool = False

    @property
    def declared_period(self) -> dict[str, str | None] | None:
        if self.declared_start is None or self.declared_end is None:
            return None
        return {
            "start": self.declared_start.isoformat(),
            "end": self.declared_end.isoformat(),
            "source": self.declared_source,
        }

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in JSON_KEYS}

    def to_json(self) -> str:
        """The CLI's `--json` object: JSON_KEYS, plus `notes`, `period` ([start, end] ISO dates
        of the posts loaded, or nulls) and `rejects` (every rejected row: sheet, row_number,
        column_name, value, reason), so a script can point the operator at each bad cell."""
        d = self.to_dict()
        d["notes"] = self.notes
        d["period"] = [_iso(self.period_start), _iso(self.period_end)]
        d["rejects"] = self.rejects.to_dicts()
        return json.dumps(d, ensure_ascii=False, default=str)

    def stored(self) -> str:
        """What the loads row keeps (loads.report): the JSON report plus up to 200 rejects."""
        d = self.to_dict()
        d["notes"] = self.notes
        d["rejects"] = self.rejects.head(200).to_dicts()
        d["period"] = [_iso(self.period_start), _iso(self.period_end)]
        return json.dumps(d, ensure_ascii=False, default=str)

    def summary(self) -> str:
        """Readable report, Bahasa Indonesia."""
        status = STATUS_LABEL.get(self.status, self.status)
        head = f"[{status}] {self.file}" + (f" (muatan #{self.load_id})" if self.load_id else "")
        lines = [head]
        if self.error:
            lines.append(f"  Pesan      : {self.error}")
        if self.status in ("loaded", "needs_review") or self.rows_read:
            lines += [
                f"  Format     : {self.format or '-'}",
                f"  OPD        : {self.opd or '-'}",
                f"  Periode    : {_fmt_date(self.period_start)} s.d. {_fmt_date(self.period_end)}",
                f"  Baris      : {self.rows_read} dibaca, {self.new} baru, {self.updated} "
                f"diperbarui, {self.duplicate} duplikat, {self.rejected} ditolak",
            ]
        if self.declared_start and self.declared_end:
            lines.append(
                f"  Periode berkas: {_fmt_date(self.declared_start)} s.d. "
                f"{_fmt_date(self.declared_end)} ({self.declared_source})"
            )
        lines += [f"  Catatan    : {n}" for n in self.notes]
        if self.assumptions:
            lines.append("  Asumsi muatan:")
            lines += [f"    - {a}" for a in self.assumptions]
        if self.rejects.height:
            lines.append("  Baris ditolak (maks. 10):")
            for sheet, row, col, value, reason in self.rejects.head(10).iter_rows():
                where = ", ".join(
                    x
                    for x in (
                        f'lembar "{sheet}"' if sheet else "",
                        f"baris {row}" if row is not None else "",
                        f'kolom "{col}"' if col else "",
                    )
                    if x
                )
                val = f' nilai "{value}"' if value not in (None, "") else ""
                lines.append(f"    - {where}{val}: {reason}")
        return "\n".join(lines)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _fmt_date(d: dt.date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else "-"
