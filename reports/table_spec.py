"""The column spec every table writer shares, and a cell as Indonesian text.

A spec is a list of (column, Indonesian header, kind), kind one of KINDS ("tautan" = a link to
the post). Paper: A4 or F4 (215 x 330 mm, the folio paper Indonesian offices print letters
on); a table wider than WIDE_CHARS turns landscape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

import polars as pl

from reports import idfmt

Paper = Literal["A4", "F4"]
KINDS = ("teks", "angka", "desimal", "persen", "tanggal", "waktu", "hari", "skor", "tautan")
Column = tuple[str, str, str]

F4_MM = (215.0, 330.0)
A4_MM = (210.0, 297.0)
# xlsxwriter paper codes: 9 = A4. Excel has no F4 code; 14 = Folio 8.5 x 13 in (215.9 x 330.2
# mm) is the nearest standard size, within a millimetre of F4, so we use it for F4.
XLSX_PAPER = {"A4": 9, "F4": 14}
WIDE_CHARS = 110  # estimated table width (characters) above which a page turns landscape
# Width caps per kind (characters): captions and names get room, dates and numbers only what
# their longest value needs, links a readable stub (the full address stays clickable).
MAX_WIDTH = {"teks": 60, "tautan": 34}
MIN_WIDTH = {"teks": 10, "tautan": 14}


def check_spec(df: pl.DataFrame, columns: Sequence[Column], paper: str) -> None:
    if paper not in XLSX_PAPER:
        raise ValueError(f"Ukuran kertas tidak dikenal: {paper!r} (pilih A4 atau F4).")
    missing = [c for c, _, _ in columns if c not in df.columns]
    if missing:
        raise ValueError(f"Kolom tidak ada di tabel: {', '.join(missing)}")
    bad = [k for _, _, k in columns if k not in KINDS]
    if bad:
        raise ValueError(f"Jenis kolom tidak dikenal: {', '.join(bad)}")


def spec_rows(df: pl.DataFrame, columns: Sequence[Column]) -> zip:
    """Row tuples in column-spec order (a column may appear twice, e.g. in two formats)."""
    return zip(*(df[c].to_list() for c, _, _ in columns), strict=True)


def format_cell(value: Any, kind: str) -> str:
    """A value as Indonesian text (used by the PDF and for width estimates)."""
    if value is None:
        return idfmt.MISSING
    if kind == "angka":
        return idfmt.format_number(value, 0)
    if kind in ("desimal", "skor"):
        return idfmt.format_number(value, 1)
    if kind == "persen":
        return idfmt.format_percent(value)
    if kind == "hari":
        return idfmt.format_number(value, 0)
    if kind == "tanggal":
        return idfmt.format_date(value)
    if kind == "waktu":
        return idfmt.format_datetime(value) if isinstance(value, dt.datetime) else str(value)
    if kind == "tautan":
        return short_link(str(value))
    return str(value)


def short_link(url: str, limit: int = 40) -> str:
    """A printable stub of a post address: no scheme or "www.", cut in the middle when long."""
    bare = url.split("://", 1)[-1].removeprefix("www.")
    if len(bare) <= limit:
        return bare
    keep = limit - 3
    return bare[: keep // 2] + "..." + bare[-(keep - keep // 2) :]


def title_lines(title: str, subtitle: str | None, letter_ref: str | None) -> list[str]:
    first = title.strip()
    lines = [] if first.upper().startswith("LAMPIRAN") else ["LAMPIRAN"]
    if letter_ref:
        lines.append(letter_ref)
    lines.append(first.upper() if lines else first)
    if subtitle:
        lines.append(subtitle)
    return lines


def char_widths(df: pl.DataFrame, columns: Sequence[Column]) -> list[int]:
    """Character widths per column, sized by content: the longest formatted value in a sample
    (captions long, dates short), at least the header's longest word (headers wrap), within
    the kind's bounds (MIN_WIDTH / MAX_WIDTH, else 6..24)."""
    widths = []
    sample = df.head(200)
    for col, header, kind in columns:
        longest = max((len(format_cell(v, kind)) for v in sample[col].to_list()), default=0)
        word = max((len(w) for w in header.split()), default=0)
        lo, hi = MIN_WIDTH.get(kind, 6), MAX_WIDTH.get(kind, 24)
        widths.append(max(lo, min(hi, max(word + 3, longest + 2))))
    return widths


def is_wide(df: pl.DataFrame, columns: Sequence[Column]) -> bool:
    """Landscape when the estimated table width exceeds WIDE_CHARS."""
    return sum(char_widths(df, columns)) + 5 > WIDE_CHARS
