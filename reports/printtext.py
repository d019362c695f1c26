"""Text from posts and names made safe for paper, spreadsheets and CSV.

Captions are data written by OPD operators: they use "Unicode bold" letters (U+1D400...), emoji,
and sometimes start with "=", "+", "-" or "@". Rules (one place for every writer):
- `for_print`: NFKC folds letterform variants (mathematical bold/italic, full-width, ligatures)
  to the plain letters every font has; emoji are kept (the PDF embeds an emoji font, see
  reports.fonts). Skin-tone modifiers are dropped because the PDF writer draws them as a separate
  coloured square instead of joining them to the hand.
- `csv_cell`: a text cell starting with a formula trigger gets a leading apostrophe, which Excel
  and LibreOffice show as text (the OWASP "CSV injection" rule); numbers are left alone.
xlsx needs no rewriting: the writers store text with write_string, which never makes a formula.
"""

from __future__ import annotations

import unicodedata

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_SKIN_TONES = {chr(c) for c in range(0x1F3FB, 0x1F400)}


def for_print(text: str) -> str:
    """Plain letterforms for print: NFKC, skin-tone modifiers removed (emoji themselves kept)."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch not in _SKIN_TONES)


def csv_cell(value: object) -> object:
    """A CSV cell that spreadsheet programs never run as a formula (text only; numbers stay)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
