"""Text files -> a raw string grid: the encoding (UTF-8 as a whole, else line by line UTF-8 or
Windows-1252), the delimiter, the preview rows the header is found in, and the grid under it."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

import polars as pl

PREVIEW_ROWS = 30  # rows read to find the header (a sheet's, too)
PREVIEW_CHARS = 1 << 20


def decode_text(data: bytes, notes: list[str] | None = None) -> str:
    """UTF-8 (BOM or not), UTF-16 LE/BE with BOM (Excel 'Unicode text'), else line by line.

    A file that is not UTF-8 as a whole is decoded one line at a time: UTF-8 where the line is
    valid UTF-8, else cp1252 (one line pasted from an old Windows program must not turn every
    other line into mojibake). How many lines took which encoding goes to `notes`.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le", errors="replace")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    head = data[:4000]
    # UTF-16 without BOM: every other byte is NUL for Latin text.
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:
        return data.decode("utf-16-le", errors="replace")
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4:
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out, legacy, utf8 = [], 0, 0
    for line in data.splitlines(keepends=True):
        try:
            out.append(line.decode("utf-8"))
            utf8 += any(b > 0x7F for b in line)
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
            legacy += 1
    if notes is not None:
        mixed = f" dan {utf8} baris UTF-8" if utf8 else ""
        notes.append(
            f"Pengodean teks: {legacy} baris dibaca sebagai Windows-1252{mixed}; setiap baris "
            "didekode sendiri-sendiri sehingga huruf beraksen tetap utuh."
        )
    return "".join(out)


def sniff_delimiter(text: str) -> str:
    """',' ';' '\\t' or '|' by the most consistent field count over the first records."""
    first = text[:4096].split("\n", 1)[0].strip().lower()
    m = re.match(r"^sep=(.)", first)
    if m:
        return m.group(1)
    sample = text[:65536]
    best, best_score = ",", -1.0
    for d in (",", ";", "\t", "|"):
        counts: list[int] = []
        try:
            for i, rec in enumerate(csv.reader(io.StringIO(sample), delimiter=d)):
                if rec:
                    counts.append(len(rec))
                if i >= PREVIEW_ROWS:
                    break
        except csv.Error:
            continue
        if not counts:
            continue
        width, freq = Counter(counts).most_common(1)[0]
        # Prefer wide, consistent rows; a title row (width 1) is tolerated.
        score = (width - 1) * freq if width > 1 else 0
        if score > best_score:
            best, best_score = d, score
    return best


def preview_csv(text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    """First records (csv module, quote-aware) and the physical line each one starts on."""
    rows: list[list[str]] = []
    starts: list[int] = []
    # Only the head: wrapping the whole text in a StringIO copies it (30 records fit easily).
    reader = csv.reader(io.StringIO(text[:PREVIEW_CHARS]), delimiter=delimiter)
    line = 0
    try:
        for rec in reader:
            starts.append(line)
            rows.append(rec)
            line = reader.line_num
            if len(rows) >= PREVIEW_ROWS:
                break
    except csv.Error:
        pass
    return rows, starts


def read_csv_grid(text: str, delimiter: str, skip_lines: int) -> pl.DataFrame:
    """Whole CSV from a physical line on, every field a string; width = that line's width."""
    buf = io.BytesIO(text.encode("utf-8"))
    df = pl.read_csv(
        buf,
        has_header=False,
        separator=delimiter,
        skip_lines=skip_lines,
        infer_schema=False,
        truncate_ragged_lines=True,
        raise_if_empty=False,
        quote_char='"',
    )
    return df.rename({c: f"c{i}" for i, c in enumerate(df.columns)})
