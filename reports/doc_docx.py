"""Render a reports.doc.Document to Word (python-docx), for staff who edit the report before
sending it: the same blocks as the PDF; kop as centred paragraphs with the logo and a double
rule under them; tables in the "Table Grid" style; charts as pictures; A4 or F4 pages."""

from __future__ import annotations

import io

from reports import doc, letterhead
from reports.table_spec import A4_MM, F4_MM, format_cell

NUMERIC = {"angka", "desimal", "persen", "hari", "skor"}


def _double_rule(paragraph) -> None:
    """A double bottom border under a paragraph (the kop's rule), via the w:pBdr element."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "double"), ("w:sz", "12"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _kop(document, kop: letterhead.Kop) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    sizes = {"gov": 13, "agency": 15, "address": 9, "contact": 8.5}
    if kop.logo:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(io.BytesIO(kop.logo), height=Mm(18))
    last = None
    for style, text in kop.lines():
        last = document.add_paragraph()
        last.alignment = WD_ALIGN_PARAGRAPH.CENTER
        last.paragraph_format.space_after = Pt(0)
        run = last.add_run(text)
        run.font.size = Pt(sizes[style])
        run.bold = style in ("gov", "agency")
    if last is not None:
        _double_rule(last)


def _table(document, block: doc.Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cols = list(block.columns)
    heads = (["No"] if block.numbered else []) + [h for _, h, _ in cols]
    t = document.add_table(rows=1, cols=len(heads))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.size = Pt(8.5)
    series = [block.frame[c].to_list() for c, _, _ in cols]
    for i in range(block.frame.height):
        cells = t.add_row().cells
        values = ([str(i + 1)] if block.numbered else []) + [
            format_cell(s[i], k) for s, (_, _, k) in zip(series, cols, strict=True)
        ]
        kinds = (["angka"] if block.numbered else []) + [k for _, _, k in cols]
        for cell, text, kind in zip(cells, values, kinds, strict=True):
            cell.text = text
            para = cell.paragraphs[0]
            if kind in NUMERIC:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in para.runs:
                run.font.size = Pt(8.5)


def render(d: doc.Document) -> bytes:
    """DOCX bytes. Text is set as plain runs (no field codes, no markup is interpreted)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    w, h = F4_MM if d.paper == "F4" else A4_MM
    section.page_width, section.page_height = Mm(w), Mm(h)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(18))
    section.top_margin = section.bottom_margin = Mm(15)
    text_w = w - 36
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)

    def kop() -> None:
        if d.kop is not None:
            _kop(document, d.kop)

    kop()
    if d.title:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(d.title)
        r.bold, r.font.size = True, Pt(14)
        p = document.add_paragraph(d.subtitle)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in d.blocks:
        if isinstance(block, doc.NewPage):
            document.add_page_break()
            if block.with_kop:
                kop()
        elif isinstance(block, doc.Sign):
            if d.signature is not None:
                for line in d.signature.lines():
                    p = document.add_paragraph(line)
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    p.paragraph_format.space_after = Pt(0)
        elif isinstance(block, doc.Heading):
            if block.level == 0:
                p = document.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r = p.add_run(block.text)
                r.bold, r.font.size = True, Pt(13)
            else:
                document.add_heading(block.text, level=block.level)
        elif isinstance(block, doc.Para):
            p = document.add_paragraph(block.text)
            if block.centered:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if block.small:
                for r in p.runs:
                    r.font.size = Pt(8.5)
        elif isinstance(block, doc.Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, doc.Figures):
            t = document.add_table(rows=0, cols=3)
            t.style = "Table Grid"
            for label, value, note in block.rows:
                cells = t.add_row().cells
                cells[0].text, cells[1].text, cells[2].text = label, value, note
                for run in cells[1].paragraphs[0].runs:
                    run.bold = True
            document.add_paragraph()
        elif isinstance(block, doc.Picture):
            document.add_picture(io.BytesIO(block.png), width=Mm(text_w * block.width_frac))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if block.caption:
                document.add_paragraph(block.caption).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, doc.Table):
            if block.frame.height:
                _table(document, block)
            document.add_paragraph()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
