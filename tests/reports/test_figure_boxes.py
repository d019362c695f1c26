"""Key-figure boxes in PDF reports hold their whole comparison: a long note (a partial
comparison names its OPDs and both compared figures) grows its row instead of running into
the next row's boxes."""

from __future__ import annotations

from fpdf import FPDF

from reports import doc, doc_pdf, fonts

LONG = (
    "-258 vs 1 Desember 2025–20 Mei 2026 (pada 29 dari 46 OPD yang datanya lengkap di kedua "
    "periode: 2.850 vs 3.108)"
)


def _draw(rows: tuple[tuple[str, str, str], ...]) -> tuple[list[float], list[float]]:
    """(top of each box, bottom of each note's text) in mm, as _figures draws them."""
    pdf = FPDF()
    pdf.add_page()
    family = fonts.setup(pdf, text="".join("".join(r) for r in rows))
    tops: list[float] = []
    bottoms: list[float] = []
    rect, multi_cell = pdf.rect, pdf.multi_cell

    def record_rect(x, y, w, h, *a, **k):
        tops.append(y)
        return rect(x, y, w, h, *a, **k)

    def record_cell(*a, **k):
        out = multi_cell(*a, **k)
        if not k.get("dry_run"):
            bottoms.append(pdf.get_y())
        return out

    pdf.rect, pdf.multi_cell = record_rect, record_cell  # type: ignore[method-assign]
    width = pdf.w - pdf.l_margin - pdf.r_margin
    doc_pdf._figures(pdf, doc.Figures(rows), family, lambda s: s, width)
    return tops, bottoms[1::2]  # multi_cell runs for the label, then for the note


def test_a_long_note_ends_above_the_next_rows_boxes():
    rows = tuple((f"Angka {i}", "5.744", LONG) for i in range(6))
    tops, note_bottoms = _draw(rows)
    second_row_top = tops[3]
    assert max(note_bottoms[:3]) < second_row_top


def test_short_notes_keep_the_usual_box():
    tops, _ = _draw(tuple((f"Angka {i}", "29", "-1 vs Mei 2026") for i in range(6)))
    assert tops[3] - tops[0] == 19.0 + 2.5  # the minimum height and the gap
