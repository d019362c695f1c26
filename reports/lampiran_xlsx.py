"""A lampiran as an Excel workbook (xlsxwriter): kop, letter block, title, numbered table,
signature; cells written as strings, never formulas."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import polars as pl

from reports import letterhead
from reports.letterhead import Kop, LetterRef, Signature
from reports.table_spec import (
    XLSX_PAPER,
    Column,
    Paper,
    char_widths,
    check_spec,
    is_wide,
    spec_rows,
    title_lines,
)


def to_xlsx(
    df: pl.DataFrame,
    *,
    title: str,
    subtitle: str | None = None,
    columns: Sequence[Column],
    paper: Paper = "A4",
    letter_ref: str | None = None,
    signature: Signature | None = None,
    sheet_name: str = "Lampiran",
    kop: Kop | None = None,
    letter: LetterRef | None = None,
) -> bytes:
    """The table as an .xlsx attachment, ready to print.

    Rows from the top: kop (when given and not empty: merged rows, logo, double rule), the
    letter block (Lampiran Surat Nomor/Tanggal/Perihal) on the right, the title block, the
    header row, numbered rows, the signature block. Numbers stay numbers (Excel shows
    thousands/decimal separators from the reader's regional setting: Indonesian Windows prints
    1.234,5); dates carry the Indonesian locale code [$-421] so months print as "Desember";
    text is written with write_string (a caption "=SUM(A1)" stays text); links are
    hyperlinks. Print setup: paper A4 (code 9) or F4 (Folio code 14, see XLSX_PAPER),
    landscape when wide, header row repeated on each page, fit to page width, "Halaman x dari
    y" in the footer.
    """
    import xlsxwriter

    check_spec(df, columns, paper)
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf, {"in_memory": True, "remove_timezone": True, "strings_to_formulas": False,
              "strings_to_urls": False}
    )  # fmt: skip
    ws = wb.add_worksheet(sheet_name[:31])
    title_fmt = wb.add_format({"bold": True, "font_size": 12, "align": "center"})
    sub_fmt = wb.add_format({"font_size": 11, "align": "center"})
    head_fmt = wb.add_format(
        {
            "bold": True,
            "bg_color": "#D9E1F2",
            "border": 1,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
        }
    )
    base = {"border": 1, "valign": "top"}
    cell_fmts = {
        "teks": wb.add_format({**base, "text_wrap": True}),
        "angka": wb.add_format({**base, "num_format": "#,##0"}),
        "desimal": wb.add_format({**base, "num_format": "#,##0.0"}),
        "skor": wb.add_format({**base, "num_format": "#,##0.0"}),
        "persen": wb.add_format({**base, "num_format": "0.0%"}),
        "hari": wb.add_format({**base, "num_format": "#,##0"}),
        "tanggal": wb.add_format({**base, "num_format": "[$-421]d mmmm yyyy"}),
        "waktu": wb.add_format({**base, "num_format": "[$-421]d mmmm yyyy hh.mm"}),
        "tautan": wb.add_format({**base, "font_color": "blue", "underline": 1, "text_wrap": True}),
    }
    no_fmt = wb.add_format({**base, "align": "center"})

    n_cols = len(columns) + 1
    row0 = 0
    if kop is not None and not kop.is_empty():
        row0 = letterhead.xlsx_kop(wb, ws, kop, n_cols)
    side_col = max(1, n_cols - 3)
    if letter is not None:
        row0 = letterhead.xlsx_lines(ws, letter.lines(), row0, side_col) + 1
    lines = title_lines(title, subtitle, letter_ref)
    for i, line in enumerate(lines):
        fmt = title_fmt if i < len(lines) - (1 if subtitle else 0) else sub_fmt
        if n_cols > 1:
            ws.merge_range(row0 + i, 0, row0 + i, n_cols - 1, line, fmt)
        else:
            ws.write_string(row0 + i, 0, line, fmt)
    header_row = row0 + len(lines) + 1

    ws.write(header_row, 0, "No", head_fmt)
    for j, (_, header, _) in enumerate(columns, start=1):
        ws.write_string(header_row, j, header, head_fmt)

    for i, row in enumerate(spec_rows(df, columns), start=1):
        r = header_row + i
        ws.write_number(r, 0, i, no_fmt)
        for j, ((_, _, kind), value) in enumerate(zip(columns, row, strict=True), start=1):
            fmt = cell_fmts[kind]
            if value is None or (kind == "tautan" and not str(value).strip()):
                ws.write_blank(r, j, None, fmt)
            elif kind in ("tanggal", "waktu") and isinstance(value, dt.date):
                ws.write_datetime(r, j, value, fmt)
            elif kind in ("angka", "desimal", "skor", "persen", "hari"):
                ws.write_number(r, j, float(value), fmt)
            elif kind == "tautan" and str(value).startswith(("http://", "https://")):
                # Excel refuses addresses over 2,079 characters: those stay plain text.
                if len(str(value)) <= 2079:
                    ws.write_url(r, j, str(value), fmt, string=str(value))
                else:
                    ws.write_string(r, j, str(value), fmt)
            else:
                ws.write_string(r, j, str(value), fmt)

    ws.set_column(0, 0, 5)
    for j, width in enumerate(char_widths(df, columns), start=1):
        ws.set_column(j, j, width)

    last = header_row + df.height
    if signature is not None:
        letterhead.xlsx_lines(ws, signature.lines(), last + 2, side_col)

    ws.freeze_panes(header_row + 1, 0)
    ws.repeat_rows(header_row)
    ws.set_paper(XLSX_PAPER[paper])
    if is_wide(df, columns):
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    ws.set_margins(left=0.6, right=0.6, top=0.7, bottom=0.7)
    ws.center_horizontally()
    ws.set_footer("&CHalaman &P dari &N")
    wb.close()
    return buf.getvalue()
