"""A table drawn into an fpdf2 document: widths from the real glyph widths, header repeated on
every page, links clickable. Shared by the lampiran PDF and the reports."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from reports.table_spec import Column, char_widths, format_cell, spec_rows

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
    for (col, header, kind), chars in zip(columns, char_widths(df, columns), strict=True):
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
        base = [*([4] if numbered else []), *char_widths(df, columns)]
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
        for i, row in enumerate(spec_rows(df, columns), start=1):
            r = table.row()
            if numbered:
                r.cell(str(i))
            for (_, _, kind), value in zip(columns, row, strict=True):
                if kind == "tautan" and value:
                    r.cell(clean(format_cell(value, kind)), link=str(value))
                else:
                    r.cell(clean(format_cell(value, kind)))
