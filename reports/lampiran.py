"""Any report table as an official-letter attachment (lampiran): Excel (xlsxwriter) or PDF (fpdf2).

Both writers take the same column spec: a list of (column, Indonesian header, kind), where kind is
one of KINDS ("tautan" = a link to the post, clickable in both). On top: the kop surat
(reports.letterhead.Kop) and the "Lampiran Surat Nomor / Tanggal / Perihal" block when given,
then the title block ("LAMPIRAN ..."); a numbered "No" column comes first; the signature block
(jabatan, nama, pangkat/golongan, NIP) at the end. Paper: A4 or F4 (215 x 330 mm, the folio paper
Indonesian offices print letters on), landscape when the table is wide. Text from posts is data:
xlsx cells are written as strings (never formulas); PDF text is printed literally (no markup) in
plain letterforms (reports.printtext.for_print) with an emoji font as fallback (reports.fonts).

The column spec and cell texts live in reports.table_spec, the Excel writer in
reports.lampiran_xlsx, the PDF table in reports.pdf_table; this module writes the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from reports import fonts, letterhead
from reports.lampiran_xlsx import to_xlsx
from reports.letterhead import Kop, LetterRef, Signature
from reports.pdf_table import draw_table
from reports.printtext import for_print
from reports.table_spec import (
    A4_MM,
    F4_MM,
    Column,
    Paper,
    check_spec,
    format_cell,
    is_wide,
    title_lines,
)

# to_xlsx and Signature are re-exported: pages and tests call lampiran.to_xlsx(..., signature=
# lampiran.Signature(...)) beside lampiran.to_pdf.
__all__ = ["Signature", "to_pdf", "to_xlsx"]


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

    check_spec(df, columns, paper)
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

    lines = title_lines(title, subtitle, letter_ref)
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
