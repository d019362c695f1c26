"""Kop surat, the "Lampiran Surat Nomor / Tanggal / Perihal" block and the signature block, drawn
the same way on every PDF (fpdf2) and Excel (xlsxwriter) document.

The layout follows the usual Indonesian government letterhead (Permendagri 1/2023 tata naskah
dinas): logo on the left, PEMERINTAH KABUPATEN/KOTA ..., the agency in larger type, address and
contacts, then a double rule (thick over thin) across the page. Blank fields print as dotted
placeholders so staff can fill them in by hand.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reports import idfmt

DOTS = "...................."


@dataclass(frozen=True)
class Kop:
    """The letterhead. logo: PNG/JPEG bytes or None."""

    government: str = ""  # "PEMERINTAH KABUPATEN SUKAMAJU"
    agency: str = ""  # "DINAS KOMUNIKASI DAN INFORMATIKA"
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: bytes | None = None

    def is_empty(self) -> bool:
        return not (self.government.strip() or self.agency.strip())

    def contact_line(self) -> str:
        parts = []
        if self.phone.strip():
            parts.append(f"Telepon {self.phone.strip()}")
        if self.email.strip():
            parts.append(f"Pos-el {self.email.strip()}")
        if self.website.strip():
            parts.append(f"Laman {self.website.strip()}")
        return "  \u2022  ".join(parts)

    def lines(self) -> list[tuple[str, str]]:
        """(style, text) from top to bottom; style is "gov", "agency", "address" or "contact"."""
        out = []
        if self.government.strip():
            out.append(("gov", self.government.strip().upper()))
        if self.agency.strip():
            out.append(("agency", self.agency.strip().upper()))
        if self.address.strip():
            out.append(("address", self.address.strip()))
        if self.contact_line():
            out.append(("contact", self.contact_line()))
        return out


@dataclass(frozen=True)
class LetterRef:
    """Which letter the attachment belongs to; blanks print as dots."""

    number: str = ""
    date: dt.date | None = None
    subject: str = ""

    def pairs(self) -> list[tuple[str, str]]:
        """(label, value) rows under the "Lampiran Surat" heading."""
        when = idfmt.format_date(self.date) if self.date else DOTS
        return [
            ("Nomor", self.number.strip() or DOTS),
            ("Tanggal", when),
            ("Perihal", self.subject.strip() or DOTS),
        ]

    def lines(self) -> list[str]:
        return ["Lampiran Surat", *(f"{k:<8} : {v}" for k, v in self.pairs())]


@dataclass(frozen=True)
class Signature:
    """The signature block at the end; blanks are dotted placeholders to fill in by hand."""

    position: str = "Kepala Dinas Komunikasi dan Informatika"
    region: str = ""  # e.g. "Kabupaten Contoh"
    place: str = ""  # city for "Contoh, 1 Desember 2025"
    date: dt.date | None = None
    name: str = ""
    nip: str = ""
    rank: str = ""  # pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)"

    def lines(self) -> list[str]:
        place = self.place or DOTS
        when = idfmt.format_date(self.date) if self.date else DOTS
        position = f"{self.position} {self.region}".strip()
        return [
            f"{place}, {when}",
            position,
            "",
            "",
            "",
            self.name or "(........................................)",
            self.rank or "........................................",
            f"NIP. {self.nip}" if self.nip else "NIP. ........................................",
        ]


# --------------------------------------------------------------------------- PDF

KOP_STYLE = {"gov": ("B", 13), "agency": ("B", 15), "address": ("", 9), "contact": ("", 8.5)}


def pdf_kop(pdf, kop: Kop, family: str, clean=lambda s: s) -> None:
    """Draw the kop at the top of the current page and leave the cursor under the double rule."""
    left, right = pdf.l_margin, pdf.w - pdf.r_margin
    top = pdf.get_y()
    logo_w = 0.0
    if kop.logo:
        logo_w = 22.0
        pdf.image(io.BytesIO(kop.logo), x=left, y=top, h=22.0, keep_aspect_ratio=True, w=logo_w)
    text_left = left + logo_w + 2 if logo_w else left
    # Centre the text over the page (as printed letterheads do), but never under the logo.
    text_w = right - text_left - (logo_w + 2 if logo_w else 0)
    for style, text in kop.lines():
        emphasis, size = KOP_STYLE[style]
        pdf.set_font(family, emphasis, size)
        pdf.set_x(text_left)
        pdf.multi_cell(text_w, size * 0.5, clean(text), align="C", new_x="LMARGIN", new_y="NEXT")
    y = max(pdf.get_y(), top + (23.0 if logo_w else 0)) + 1.5
    pdf.set_line_width(0.9)
    pdf.line(left, y, right, y)
    pdf.set_line_width(0.25)
    pdf.line(left, y + 1.2, right, y + 1.2)
    pdf.set_line_width(0.2)
    pdf.set_y(y + 4)


def pdf_letter_ref(pdf, ref: LetterRef, family: str, clean=lambda s: s) -> None:
    """The letter block at the right half of the page, under the kop."""
    pdf.set_font(family, "", 9.5)
    x = pdf.w / 2 + 5
    pdf.set_x(x)
    pdf.cell(0, 4.8, "Lampiran Surat", new_x="LMARGIN", new_y="NEXT")
    for label, value in ref.pairs():
        pdf.set_x(x)
        pdf.cell(16, 4.8, label)
        pdf.cell(4, 4.8, ":")
        pdf.multi_cell(pdf.w - pdf.r_margin - x - 20, 4.8, clean(value), new_x="LMARGIN",
                       new_y="NEXT")  # fmt: skip
    pdf.ln(3)


def pdf_signature(pdf, sig: Signature, family: str, clean=lambda s: s) -> None:
    block = sig.lines()
    if pdf.get_y() + 4.6 * len(block) + 5 > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.ln(5)
    x = pdf.w - pdf.r_margin - 90
    pdf.set_font(family, "", 10)
    for line in block:
        pdf.set_x(x)
        pdf.cell(90, 4.6, clean(line), align="C", new_x="LMARGIN", new_y="NEXT")


# --------------------------------------------------------------------------- Excel


def xlsx_kop(wb, ws, kop: Kop, n_cols: int, first_row: int = 0) -> int:
    """Write the kop rows (merged across n_cols, logo in the first cell, double rule under the
    last row); return the next free row."""
    fmts = {
        "gov": wb.add_format({"bold": True, "font_size": 13, "align": "center"}),
        "agency": wb.add_format({"bold": True, "font_size": 15, "align": "center"}),
        "address": wb.add_format({"font_size": 9, "align": "center", "text_wrap": True}),
        "contact": wb.add_format({"font_size": 9, "align": "center"}),
    }
    rule = wb.add_format({"bottom": 6})  # 6 = double line
    row = first_row
    for style, text in kop.lines():
        if n_cols > 1:
            ws.merge_range(row, 0, row, n_cols - 1, text, fmts[style])
        else:
            ws.write_string(row, 0, text, fmts[style])
        row += 1
    if kop.logo:
        from PIL import Image

        with Image.open(io.BytesIO(kop.logo)) as im:
            w, h = im.size
        scale = 70 / max(h, 1)  # about four rows tall
        ws.insert_image(
            first_row,
            0,
            "logo.png",
            {"image_data": io.BytesIO(kop.logo), "x_scale": scale, "y_scale": scale,
             "object_position": 3},
        )  # fmt: skip
        row = max(row, first_row + 4)
    for col in range(n_cols):
        ws.write_blank(row, col, None, rule)
    return row + 2


def xlsx_lines(ws, lines: list[str], row: int, col: int, fmt=None) -> int:
    """Plain lines one per row from (row, col); return the next free row."""
    for k, line in enumerate(lines):
        if line:
            ws.write_string(row + k, col, line, fmt) if fmt else ws.write_string(row + k, col, line)
    return row + len(lines)


def from_settings(con, day: dt.date | None) -> tuple[Kop | None, Signature | None]:
    """The kop and signature set in Pengaturan (warehouse.letter), the signature dated `day`;
    None for the parts the analyst switched off."""
    from warehouse.letter import get_letter, get_logo

    letter = get_letter(con)
    kop = None
    if letter.with_kop:
        kop = Kop(
            government=letter.kop_government,
            agency=letter.kop_agency,
            address=letter.kop_address,
            phone=letter.kop_phone,
            email=letter.kop_email,
            website=letter.kop_website,
            logo=get_logo(con),
        )
        kop = None if kop.is_empty() else kop
    sig = None
    if letter.with_signature:
        sig = Signature(
            position=letter.position,
            region=letter.region,
            place=letter.place,
            date=day,
            name=letter.name,
            nip=letter.nip,
            rank=letter.rank,
        )
    return kop, sig
