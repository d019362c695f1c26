"""Render a reports.doc.Document to PDF (fpdf2): portrait A4 or F4, kop on the first page (and
on each NewPage(with_kop=True)), title block, "Halaman x dari y" at the foot, fonts and text
handling as the lampiran (reports.fonts, reports.printtext)."""

from __future__ import annotations

import io

from reports import doc, fonts, letterhead
from reports.pdf_table import draw_table
from reports.printtext import for_print
from reports.table_spec import A4_MM, F4_MM


def render(d: doc.Document, *, core_font: bool = False) -> bytes:
    """PDF bytes. Raises ValueError for an unknown paper."""
    from fpdf import FPDF

    if d.paper not in ("A4", "F4"):
        raise ValueError(f"Ukuran kertas tidak dikenal: {d.paper!r} (pilih A4 atau F4).")

    class _Pdf(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(family, "", 8)
            self.cell(0, 6, f"Halaman {self.page_no()} dari {{nb}}", align="C")

    pdf = _Pdf(orientation="P", unit="mm", format=F4_MM if d.paper == "F4" else A4_MM)
    family = fonts.setup(pdf, core_font=core_font, text=_all_text(d))
    unicode_ok = family != "Helvetica"

    def clean(text: str) -> str:
        text = for_print(text)
        return text if unicode_ok else fonts.latin1(text)

    pdf.set_title(clean(d.title))
    pdf.set_creator("Pantau Medsos")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    if d.kop is not None:
        letterhead.pdf_kop(pdf, d.kop, family, clean)
    if d.title:
        pdf.set_font(family, "B", 14)
        pdf.multi_cell(0, 7, clean(d.title), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 10.5)
        pdf.multi_cell(0, 6, clean(d.subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in d.blocks:
        if isinstance(block, doc.Sign):
            if d.signature is not None:
                letterhead.pdf_signature(pdf, d.signature, family, clean)
        elif isinstance(block, doc.NewPage):
            pdf.add_page()
            if block.with_kop and d.kop is not None:
                letterhead.pdf_kop(pdf, d.kop, family, clean)
        elif isinstance(block, doc.Heading) and block.level == 0:
            pdf.set_font(family, "B", 13)
            pdf.multi_cell(0, 6.5, clean(block.text), align="C", new_x="LMARGIN", new_y="NEXT")
        elif isinstance(block, doc.Heading):
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            pdf.ln(2 if block.level == 1 else 1)
            pdf.set_font(family, "B", 12.5 if block.level == 1 else 10.5)
            pdf.multi_cell(0, 6.5 if block.level == 1 else 5.5, clean(block.text),
                           new_x="LMARGIN", new_y="NEXT")  # fmt: skip
            pdf.ln(1 if block.level == 1 else 0.5)
        elif isinstance(block, doc.Para) and block.centered:
            pdf.set_font(family, "", 9.5)
            pdf.multi_cell(0, 5, clean(block.text), align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif isinstance(block, doc.Para):
            pdf.set_font(family, "", 8.5 if block.small else 10)
            pdf.multi_cell(0, 4.4 if block.small else 5.2, clean(block.text), new_x="LMARGIN",
                           new_y="NEXT")  # fmt: skip
            pdf.ln(1.5)
        elif isinstance(block, doc.Bullets):
            pdf.set_font(family, "", 10)
            for item in block.items:
                pdf.cell(5, 5.2, "\u2022" if unicode_ok else "-")
                pdf.multi_cell(0, 5.2, clean(item), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif isinstance(block, doc.Figures):
            _figures(pdf, block, family, clean, width)
        elif isinstance(block, doc.Picture):
            _picture(pdf, block, family, clean, width)
        elif isinstance(block, doc.Table):
            if block.frame.height:
                draw_table(pdf, block.frame, block.columns, family, clean, numbered=block.numbered)
            pdf.ln(3)
    return bytes(pdf.output())


def _all_text(d: doc.Document) -> str:
    """Every character the document prints (fonts.setup embeds only the fallbacks needed)."""
    from reports.table_spec import format_cell

    bits = [d.title, d.subtitle, "\u2022"]
    bits += [t for _, t in d.kop.lines()] if d.kop else []
    bits += d.signature.lines() if d.signature else []
    for b in d.blocks:
        if isinstance(b, doc.Table):
            bits += [h for _, h, _ in b.columns]
            bits += [format_cell(v, k) for c, _, k in b.columns for v in b.frame[c].to_list()]
        elif not isinstance(b, doc.Picture):
            bits.append(repr(b))
    return for_print("".join(bits))


def _figures(pdf, block: doc.Figures, family: str, clean, width: float) -> None:
    """Key figures as a grid of boxes: label, big value, comparison (wrapped in the box)."""
    per_row, gap = block.per_row, 2.5
    compact = per_row > 3
    box_w = (width - gap * (per_row - 1)) / per_row
    min_h = 21.0 if compact else 19.0
    sizes = (6.8, 10, 6.3) if compact else (8, 14, 7.5)
    note_top, note_line = 14.0, sizes[2] * 0.42
    box_h = min_h
    for i, (label, value, note) in enumerate(block.rows):
        col = i % per_row
        if col == 0:
            # A row's boxes grow to its longest comparison, so a note never runs into the next
            # row (a partial comparison names its OPDs and both compared figures).
            pdf.set_font(family, "", sizes[2])
            notes = [n for _, _, n in block.rows[i : i + per_row]]
            lines = max(
                len(pdf.multi_cell(box_w - 3, note_line, clean(n), dry_run=True, output="LINES"))
                for n in notes
            )
            box_h = max(min_h, note_top + lines * note_line + 1.5)
            if pdf.get_y() + box_h > pdf.h - 20:
                pdf.add_page()
            y = pdf.get_y()
        x = pdf.l_margin + col * (box_w + gap)
        pdf.set_draw_color(180, 180, 180)
        pdf.rect(x, y, box_w, box_h)
        pdf.set_xy(x + 1.5, y + 1.2)
        pdf.set_font(family, "", sizes[0])
        pdf.multi_cell(box_w - 3, sizes[0] * 0.42, clean(label), align="L", new_x="LEFT",
                       new_y="NEXT")  # fmt: skip
        pdf.set_xy(x + 1.5, y + (7.5 if compact else 6.5))
        pdf.set_font(family, "B", sizes[1])
        pdf.cell(box_w - 3, 6, clean(value))
        pdf.set_xy(x + 1.5, y + note_top)
        pdf.set_font(family, "", sizes[2])
        pdf.multi_cell(box_w - 3, note_line, clean(note), align="L", new_x="LEFT",
                       new_y="NEXT")  # fmt: skip
        if col == per_row - 1 or i == len(block.rows) - 1:
            pdf.set_xy(pdf.l_margin, y + box_h + gap)
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(2)


def _picture(pdf, block: doc.Picture, family: str, clean, width: float) -> None:
    from PIL import Image

    with Image.open(io.BytesIO(block.png)) as im:
        w_px, h_px = im.size
    w = width * block.width_frac
    h = w * h_px / max(w_px, 1)
    if pdf.get_y() + h + 8 > pdf.h - 18:
        pdf.add_page()
    x = pdf.l_margin + (width - w) / 2
    pdf.image(io.BytesIO(block.png), x=x, y=pdf.get_y(), w=w, h=h)
    pdf.set_y(pdf.get_y() + h + 1)
    if block.caption:
        pdf.set_font(family, "", 8.5)
        pdf.multi_cell(0, 4.2, clean(block.caption), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
