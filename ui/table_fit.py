"""Screen tables that fit 1366x768: a data grid whose columns are wider than the page (904 px
beside the sidebar) scrolled sideways and hid its last columns. Here the columns' widths are
estimated from their text; when they do not fit, the columns of short values (numbers, dates,
kinds) keep their width and the text columns share what is left, their text wrapping in
taller rows. Headers marked short on a Col show that shorter text, the full one on hover."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

# The main column at 1366 px beside the 300 px sidebar is 904 px; the grid's border and
# scrollbar take the rest.
FIT_PX = 880
# Source Sans at 14 px: about 6.5 px a character, 16 px of cell padding; the grid draws each
# column some 11 px wider than asked (borders, resize handle), measured at 1366 px.
_CHAR_PX, _PAD_PX, _EXTRA_PX = 6.5, 16, 11
# Text columns never narrower than this (two or three words a line).
MIN_TEXT_PX = 100
# Kinds whose text may wrap inside its column (sentences, names, reasons, grades).
WRAPPING = {"text", "long", "caption", "reason", "grade"}


def text_px(text: str) -> int:
    """Estimated width in px of one line of grid text (header or cell)."""
    return int(len(text) * _CHAR_PX + _PAD_PX)


def natural_widths(
    shown: pl.DataFrame, headers: dict[str, str], links: dict[str, str] | None = None
) -> dict[str, int]:
    """Per column of `shown` (display strings): the width of its widest cell or header
    (headers: column -> header text shown; links: link column -> the text it shows)."""
    links = links or {}
    out = {}
    for c in shown.columns:
        if c in links:  # drawn as its link text, not the address
            out[c] = max(text_px(headers.get(c, c)), text_px(links[c]))
            continue
        cells = [str(v) for v in shown.get_column(c).to_list() if v is not None]
        out[c] = max([text_px(headers.get(c, c))] + [text_px(v) for v in cells])
    return out


def fit(
    shown: pl.DataFrame,
    kinds: dict[str, str],
    headers: dict[str, str],
    budget: int = FIT_PX,
    link_text: str = "",
) -> tuple[dict[str, int], bool]:
    """Widths (column -> px) that make `shown` fit `budget`, and whether rows must wrap.

    kinds: column -> Col.kind ("rank" for the row number). Empty widths when the columns fit
    as they are. Text columns (WRAPPING) share what the others leave, in proportion to their
    natural width, never below MIN_TEXT_PX."""
    links = {c: link_text for c, k in kinds.items() if k == "link"}
    natural = natural_widths(shown, headers, links)
    budget -= _EXTRA_PX * len(natural)
    if sum(natural.values()) <= budget:
        return {}, False
    flexible = [c for c in shown.columns if kinds.get(c, "text") in WRAPPING]
    fixed = {c: w for c, w in natural.items() if c not in flexible}
    # Every text column first gets its floor (or its natural width when narrower), then what
    # is left goes to them in proportion to how much more they would need.
    base = {c: min(natural[c], MIN_TEXT_PX) for c in flexible}
    room = max(0, budget - sum(fixed.values()) - sum(base.values()))
    need = {c: natural[c] - base[c] for c in flexible}
    total = sum(need.values()) or 1
    widths = dict(fixed)
    for c in flexible:
        widths[c] = base[c] + min(need[c], int(room * need[c] / total))
    wraps = any(widths[c] < natural[c] for c in flexible)
    return widths, wraps


def headers_of(cols: Sequence) -> dict[str, str]:
    """Column label -> header shown on the grid (Col.short when it has one)."""
    return {c.label: (c.short or c.label) for c in cols}
