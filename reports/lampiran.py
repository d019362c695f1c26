"""Any report table as an official-letter attachment (lampiran): Excel (xlsxwriter) or PDF (fpdf2).

Both writers take the same column spec: a list of (column, Indonesian header, kind), where kind is
one of KINDS ("tautan" = a link to the post, clickable in both). On top: the kop surat
(reports.letterhead.Kop) and the "Lampiran Surat Nomor / Tanggal / Perihal" block when given,
then the title block ("LAMPIRAN ..."); a numbered "No" column comes first; the signature block
(jabatan, nama, pangkat/golongan, NIP) at the end. Paper: A4 or F4 (215 x 330 mm, the folio paper
Indonesian offices print letters on), landscape when the table is wide. Text from posts is data:
xlsx cells are written as strings (never formulas); PDF text is printed literally (no markup) in
plain letterforms (reports.printtext.for_print) with an emoji font as fallback (reports.fonts).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any, Literal

import polars as pl

from reports import fonts, idfmt, letterhead
from reports.letterhead import Kop, LetterRef, Signature
from reports.printtext import for_print

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


def _check(df: pl.DataFrame, columns: Sequence[Column], paper: str) -> None:
    if paper not in XLSX_PAPER:
        raise ValueError(f"Ukuran kertas tidak dikenal: {paper!r} (pilih A4 atau F4).")
    missing = [c for c, _, _ in columns if c not in df.columns]
    if missing:
        raise ValueError(f"Kolom tidak ada di tabel: {', '.join(missing)}")
    bad = [k for _, _, k in columns if k not in KINDS]
    if bad:
        raise ValueError(f"Jenis kolom tidak dikenal: {', '.join(bad)}")


def _rows(df: pl.DataFrame, columns: Sequence[Column]) -> zip:
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


def _title_lines(title: str, subtitle: str | None, letter_ref: str | None) -> list[str]:
    first = title.strip()
    lines = [] if first.upper().startswith("LAMPIRAN") else ["LAMPIRAN"]
    if letter_ref:
        lines.append(letter_ref)
    lines.append(first.upper() if lines else first)
    if subtitle:
        lines.append(subtitle)
    return lines


def _widths(df: pl.DataFrame, columns: Sequence[Column]) -> list[int]:
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
    return sum(_widths(df, columns)) + 5 > WIDE_CHARS


# --------------------------------------------------------------------------- Excel


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

    _check(df, columns, paper)
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
    lines = _title_lines(title, subtitle, letter_ref)
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

    for i, row in enumerate(_rows(df, columns), start=1):
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
    for j, width in enumerate(_widths(df, columns), start=1):
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


# --------------------------------------------------------------------------- PDF


def to_pdf(
    df: pl.DataFrame,
    *,
    title: str,
    subtitle: str | None = None,
    columns: Sequence[Column],
    paper: Paper = "A4",
    letter_ref: str | None = None,
    signature: Signature | None = None,
    core_font: bool = False,
    kop: Kop | None = None,
    letter: LetterRef | None = None,
) -> bytes:
    """The table as a PDF attachment: kop and letter block when given, title block, numbered
    rows with Indonesian numbers and dates, the header repeated on every page, "Halaman x dari
    y" at the foot, and an optional signature block. Uses DejaVu Sans with Noto symbol and
    colour-emoji fallbacks when installed (reports.fonts), else core Helvetica with text made
    latin-1 safe (core_font=True forces the latter). Cell text is printed literally."""
    from fpdf import FPDF

    _check(df, columns, paper)
    orientation = "L" if is_wide(df, columns) else "P"
    fmt = F4_MM if paper == "F4" else A4_MM

    class _Pdf(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(family, "", 8)
            self.cell(0, 6, f"Halaman {self.page_no()} dari {{nb}}", align="C")

    pdf = _Pdf(orientation=orientation, unit="mm", format=fmt)
    family = fonts.setup(
        pdf,
        core_font=core_font,
        text=_all_text(df, columns, title, subtitle, kop, letter, signature),
    )
    unicode_ok = family != "Helvetica"

    def clean(text: str) -> str:
        text = for_print(text)
        return text if unicode_ok else fonts.latin1(text)

    pdf.set_title(clean(title))
    pdf.set_creator("Pantau Medsos")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    if kop is not None and not kop.is_empty():
        letterhead.pdf_kop(pdf, kop, family, clean)
    if letter is not None:
        letterhead.pdf_letter_ref(pdf, letter, family, clean)

    lines = _title_lines(title, subtitle, letter_ref)
    for i, line in enumerate(lines):
        is_sub = subtitle is not None and i == len(lines) - 1
        pdf.set_font(family, "" if is_sub else "B", 10 if is_sub else 12)
        pdf.multi_cell(0, 6, clean(line), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    draw_table(pdf, df, columns, family, clean)

    if signature is not None:
        letterhead.pdf_signature(pdf, signature, family, clean)
    return bytes(pdf.output())


def _all_text(df, columns, *parts) -> str:
    """Every character the PDF will print (to embed only the fallback fonts needed)."""
    bits = [for_print(format_cell(v, k)) for c, _, k in columns for v in df[c].to_list()]
    bits += [for_print(h) for _, h, _ in columns]
    for part in parts:
        if isinstance(part, str):
            bits.append(part)
        elif part is not None:
            bits += [x if isinstance(x, str) else x[1] for x in part.lines()]
    return "".join(bits)


SHORT_TEXT = 18  # a text column whose values are all this short is sized to fit, not wrapped


def pdf_widths(pdf, df, columns, family: str, clean, numbered: bool) -> list[float]:
    """Column widths in mm from the real glyph widths: numbers, dates and short text exactly as
    wide as their longest value (or the header's longest word); long text (captions, names)
    and links share the rest in proportion to their length. Falls back to proportions of the
    character estimate when the fixed columns alone would not fit."""
    pad = 2.4  # fpdf2's cell padding on both sides, plus a little air
    room = pdf.w - pdf.l_margin - pdf.r_margin
    sample = df.head(200)
    fixed: list[float | None] = []
    flex_chars: list[int] = []
    for (col, header, kind), chars in zip(columns, _widths(df, columns), strict=True):
        texts = [clean(format_cell(v, kind)) for v in sample[col].to_list()]
        pdf.set_font(family, "B", 8)
        head = max((pdf.get_string_width(w) for w in clean(header).split()), default=0) + pad
        pdf.set_font(family, "", 8)
        longest = max((len(t) for t in texts), default=0)
        if kind not in ("teks", "tautan") or longest <= SHORT_TEXT:
            value = max((pdf.get_string_width(t) for t in texts), default=0) + pad
            fixed.append(max(head, value))
            flex_chars.append(0)
        else:
            fixed.append(None)
            flex_chars.append(chars)
    if numbered:
        pdf.set_font(family, "B", 8)
        fixed.insert(0, pdf.get_string_width(str(max(df.height, 10))) + pad + 1)
        flex_chars.insert(0, 0)
    used = sum(w for w in fixed if w is not None)
    rest = room - used
    total_flex = sum(flex_chars)
    if rest < 20 * sum(1 for w in fixed if w is None):
        base = [*([4] if numbered else []), *_widths(df, columns)]
        return [room * b / sum(base) for b in base]
    if total_flex == 0:
        return [w * room / used for w in fixed]  # type: ignore[operator]
    return [w if w is not None else rest * c / total_flex
            for w, c in zip(fixed, flex_chars, strict=True)]  # fmt: skip


def draw_table(
    pdf, df: pl.DataFrame, columns: Sequence[Column], family: str, clean, numbered: bool = True
) -> None:
    """The table at the cursor (fpdf2), numbered unless told not to, header repeated on each
    page, links clickable, cell text printed literally (no markdown). Shared by the lampiran
    and the reports."""
    from fpdf.fonts import FontFace

    numeric = {"angka", "desimal", "persen", "hari", "skor"}
    pdf.set_font(family, "", 8)
    widths = pdf_widths(pdf, df, columns, family, clean, numbered)
    aligns = [*(["C"] if numbered else []), *("R" if k in numeric else "L" for _, _, k in columns)]
    pdf.set_font(family, "", 8)
    heading = FontFace(emphasis="BOLD", fill_color=(217, 225, 242))
    with pdf.table(
        col_widths=widths,
        text_align=aligns,
        headings_style=heading,
        line_height=4.5,
        repeat_headings=1,
        markdown=False,
    ) as table:
        head = table.row()
        if numbered:
            head.cell("No")
        for _, header, _ in columns:
            head.cell(clean(header))
        for i, row in enumerate(_rows(df, columns), start=1):
            r = table.row()
            if numbered:
                r.cell(str(i))
            for (_, _, kind), value in zip(columns, row, strict=True):
                if kind == "tautan" and value:
                    r.cell(clean(format_cell(value, kind)), link=str(value))
                else:
                    r.cell(clean(format_cell(value, kind)))
