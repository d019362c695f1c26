"""The fonts embedded in PDFs: DejaVu Sans for text, Noto for symbols and emoji (Debian packages
fonts-dejavu-core, fonts-noto-core and fonts-noto-color-emoji; .ci/run installs them).

fpdf2 falls back glyph by glyph to the next font that has it, so a caption with "✅🎉" prints
the emoji in colour (Noto Color Emoji) instead of losing them. Without DejaVu the writers use
the core Helvetica (latin-1 only) and say so through `has_unicode()`.
"""

from __future__ import annotations

import functools
from pathlib import Path

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
NOTO_DIR = Path("/usr/share/fonts/truetype/noto")
TEXT_REGULAR = DEJAVU_DIR / "DejaVuSans.ttf"
TEXT_BOLD = DEJAVU_DIR / "DejaVuSans-Bold.ttf"
# Fallbacks in the order fpdf2 tries them: symbols, then colour emoji.
FALLBACKS = {
    "NotoSym": NOTO_DIR / "NotoSansSymbols-Regular.ttf",
    "NotoSym2": NOTO_DIR / "NotoSansSymbols2-Regular.ttf",
    "NotoEmoji": NOTO_DIR / "NotoColorEmoji.ttf",
}
FAMILY = "DejaVu"


def has_unicode() -> bool:
    return TEXT_REGULAR.exists() and TEXT_BOLD.exists()


@functools.cache
def cmap(path: str) -> frozenset[int]:
    """The code points a font file has glyphs for."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path, lazy=True).getBestCmap())


def setup(pdf, *, core_font: bool = False, text: str | None = None) -> str:
    """Register the text font and the fallbacks on an fpdf2 FPDF; return the family to use
    ("DejaVu", or "Helvetica" when DejaVu is missing or core_font is asked for).

    text: everything the document will print, when known; then only the fallback fonts that
    cover a character DejaVu lacks are embedded (parsing the 10 MB emoji font costs seconds,
    and a rapor for every OPD has no emoji). None registers every fallback."""
    if core_font or not has_unicode():
        return "Helvetica"
    pdf.add_font(FAMILY, "", str(TEXT_REGULAR))
    pdf.add_font(FAMILY, "B", str(TEXT_BOLD))
    missing = None
    if text is not None:
        have = cmap(str(TEXT_REGULAR)) & cmap(str(TEXT_BOLD))
        missing = {ord(ch) for ch in set(text)} - have
    present = []
    for name, path in FALLBACKS.items():
        if not path.exists():
            continue
        if missing is not None:
            covered = missing & cmap(str(path))
            if not covered:
                continue
            missing -= covered
        pdf.add_font(name, "", str(path))
        present.append(name)
    if present:
        pdf.set_fallback_fonts(present, exact_match=False)
    return FAMILY


def latin1(text: str) -> str:
    """Core fonts speak latin-1 only: map the usual typographic characters, drop the rest."""
    table = {"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"',
             "\u201d": '"', "\u2026": "...", "\u2022": "-", "\u221e": "inf"}  # fmt: skip
    text = "".join(table.get(ch, ch) for ch in text)
    return text.encode("latin-1", "replace").decode("latin-1")
