"""The load report: what one file's load did and every assumption it made.

LoadReport is what the CLI prints (summary(), to_json()) and what the upload page shows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import polars as pl

from etl.schema import REJECT_SCHEMA

JSON_KEYS = ("file", "format", "opd", "rows_read", "new", "updated", "duplicate", "rejected",
             "status", "error", "load_id")  # fmt: skip


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
    status: str = "loaded"  # loaded | skipped | failed
    error: str | None = None
    load_id: int | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    notes: list[str] = field(default_factory=list)
    rejects: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=REJECT_SCHEMA))
    preview: pl.DataFrame | None = None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in JSON_KEYS}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def summary(self) -> str:
        """Readable report, Bahasa Indonesia."""
        status = {"loaded": "DIMUAT", "skipped": "DILEWATI", "failed": "GAGAL"}.get(
            self.status, self.status
        )
        head = f"[{status}] {self.file}" + (f" (muatan #{self.load_id})" if self.load_id else "")
        lines = [head]
        if self.error:
            lines.append(f"  Pesan      : {self.error}")
        if self.status == "loaded" or self.rows_read:
            lines += [
                f"  Format     : {self.format or '-'}",
                f"  OPD        : {self.opd or '-'}",
                f"  Periode    : {_fmt_date(self.period_start)} s.d. {_fmt_date(self.period_end)}",
                f"  Baris      : {self.rows_read} dibaca, {self.new} baru, {self.updated} "
                f"diperbarui, {self.duplicate} duplikat, {self.rejected} ditolak",
            ]
        lines += [f"  Catatan    : {n}" for n in self.notes]
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


def _fmt_date(d: dt.date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else "-"
