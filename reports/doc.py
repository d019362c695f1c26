"""A report as a list of blocks, written once and rendered to PDF (fpdf2) or DOCX (python-docx)
by reports.doc_pdf / reports.doc_docx, so the monthly report and the rapor read the same in
both formats.

Blocks: Heading, Para, Bullets, Figures (label / value / comparison rows), Picture (PNG bytes),
Table (a lampiran column spec, see reports.lampiran), NewPage (optionally with the kop again,
for a rapor whose every page goes to a different OPD head), Sign (the signature block).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

from reports.letterhead import Kop, Signature


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 0 page title (centred), 1 section, 2 sub-section


@dataclass(frozen=True)
class Para:
    text: str
    small: bool = False
    centered: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    """Key figures: (label, value, comparison text) rows."""

    rows: tuple[tuple[str, str, str], ...]
    per_row: int = 3  # boxes per row (6 = one compact row, for a one-page rapor)


@dataclass(frozen=True)
class Picture:
    png: bytes
    width_frac: float = 1.0  # of the text width
    caption: str = ""


@dataclass(frozen=True)
class Table:
    frame: pl.DataFrame
    columns: Sequence[tuple[str, str, str]]
    numbered: bool = True  # a "No" column first (off when the table has its own rank)


@dataclass(frozen=True)
class NewPage:
    with_kop: bool = False


@dataclass(frozen=True)
class Sign:
    """The document's signature block here (nothing when the document has none)."""


Block = Heading | Para | Bullets | Figures | Picture | Table | NewPage | Sign


@dataclass
class Document:
    """title/subtitle open the first page under the kop; the signature prints where a Sign
    block stands."""

    title: str
    subtitle: str
    blocks: list[Block] = field(default_factory=list)
    kop: Kop | None = None
    signature: Signature | None = None
    paper: str = "A4"

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
