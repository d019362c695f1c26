"""Any lampiran table as CSV that Excel opens right: UTF-8 with BOM (Excel reads a BOM-less file
as the machine's ANSI code page and garbles "é" and emoji), comma separated, header row, values
as the lampiran prints them for text and plain machine numbers for figures, and text cells made
formula-safe (reports.printtext.csv_cell)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

import polars as pl

from reports.printtext import csv_cell

NUMERIC = {"angka", "desimal", "persen", "hari", "skor"}


def to_csv(df: pl.DataFrame, columns: Sequence[tuple[str, str, str]]) -> bytes:
    """Bytes of a CSV with the columns' headers; fractions (kind "persen") stay fractions 0..1
    and dates ISO (YYYY-MM-DD), so a spreadsheet can compute with them. Raises ValueError for a
    column missing from df."""
    missing = [c for c, _, _ in columns if c not in df.columns]
    if missing:
        raise ValueError(f"Kolom tidak ada di tabel: {', '.join(missing)}")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["No", *(csv_cell(h) for _, h, _ in columns)])
    series = [df[c].to_list() for c, _, _ in columns]
    for i in range(df.height):
        row: list[object] = [i + 1]
        for (_, _, kind), values in zip(columns, series, strict=True):
            v = values[i]
            if v is None:
                row.append("")
            elif kind in NUMERIC:
                row.append(v)
            elif isinstance(v, dt.datetime):
                row.append(v.strftime("%Y-%m-%d %H:%M"))
            elif isinstance(v, dt.date):
                row.append(v.isoformat())
            else:
                row.append(csv_cell(str(v)))
        w.writerow(row)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
