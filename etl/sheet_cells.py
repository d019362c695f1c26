"""Cells an xlsx holds that calamine's grid does not show: merged ranges and formulas without a
saved value (xlsx_layout.SheetLayout). Offices merge one date cell over all the posts of a day; a
file written by a program that does not compute formulas has formula cells with no value.
"""

from __future__ import annotations

import polars as pl

from etl.readers import RawSheet
from etl.schema import REJECT_SCHEMA


def fill_merges(
    grid: pl.DataFrame, sheet: RawSheet, data_start: int, columns: dict[int, str],
    headers: dict[str, str], where: str,
) -> tuple[pl.DataFrame, list[str]]:  # fmt: skip
    """Copy the top-left value of every merge range in the data rows down its first column.

    data_start: grid index of the first data row. A range spanning columns counts as one cell
    in its first column (the covered cells stay empty). Returns the grid and one report line per
    column filled.
    """
    filled: dict[int, list[str]] = {}
    cols = {c: grid[c].to_list() for c in grid.columns}
    for r0, c0, r1, c1 in sheet.merges:
        i0, i1 = r0 - sheet.first_row, r1 - sheet.first_row
        j = c0 - sheet.first_col
        name = f"c{j}"
        if i0 < data_start or i1 <= i0 or name not in cols:
            continue
        values = cols[name]
        if i0 >= len(values) or values[i0] in (None, ""):
            continue
        n = 0
        for i in range(i0 + 1, min(i1, len(values) - 1) + 1):
            if values[i] in (None, ""):
                values[i] = values[i0]
                n += 1
        if n:
            filled.setdefault(j, []).append(f"{_ref(r0, c0)}:{_ref(r1, c1)}")
    if not filled:
        return grid, []
    out = grid.with_columns([pl.Series(f"c{j}", cols[f"c{j}"], dtype=pl.String) for j in filled])
    lines = []
    for j, ranges in filled.items():
        fld = columns.get(j)
        head = headers.get(fld, fld) if fld else f"kolom {_col_letters(j + sheet.first_col)}"
        lines.append(
            f"{where}, kolom '{head}': sel gabungan (merge) {', '.join(ranges)} berlaku untuk "
            "setiap baris di dalamnya; nilainya diisi ke baris-baris itu."
        )
    return out, lines


def formula_rejects(
    sheet: RawSheet, data_start: int, columns: dict[int, str], headers: dict[str, str]
) -> pl.DataFrame:
    """One reject per data row holding a formula without a saved value in a mapped column."""
    rows = []
    for r, c in sheet.formulas_without_value:
        j = c - sheet.first_col
        fld = columns.get(j)
        if fld is None or r - sheet.first_row < data_start:
            continue
        rows.append(
            {
                "sheet": sheet.name,
                "row_number": r,
                "column_name": headers.get(fld, fld),
                "value": f"sel {_ref(r, c)}",
                "reason": "Sel berisi rumus tanpa nilai tersimpan (berkas dibuat oleh program "
                "yang tidak menghitung rumus): buka di Excel, simpan ulang, lalu unggah lagi",
            }
        )
    return pl.DataFrame(rows, schema=REJECT_SCHEMA).unique(
        subset="row_number", keep="first", maintain_order=True
    )


def _col_letters(n: int) -> str:
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def _ref(r: int, c: int) -> str:
    return f"{_col_letters(c)}{r}"
