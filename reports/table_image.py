"""A lampiran table as a PNG for slides and chats (Pillow): title, header row, numbered rows,
Indonesian formats (reports.table_spec.format_cell), long text wrapped, columns sized like the
lampiran. Text is folded to plain letterforms (reports.printtext.for_print); characters the
text font lacks are drawn from the Noto symbol fonts, emoji from Noto Color Emoji.
"""

from __future__ import annotations

import functools
import io
import textwrap
from collections.abc import Sequence

import polars as pl
from PIL import Image, ImageDraw, ImageFont

from reports import fonts
from reports.printtext import for_print
from reports.table_spec import char_widths, format_cell

SIZE = 18  # text size in pixels
PAD = 8
CHAR_PX = 10  # average glyph width at SIZE, to turn character widths into pixels
MAX_ROWS = 60  # an image is for a slide: longer tables are cut with a note
EMOJI_PX = 109  # the only size Noto Color Emoji's bitmaps come in


@functools.cache
def _font(bold: bool = False):
    path = fonts.TEXT_BOLD if bold else fonts.TEXT_REGULAR
    return ImageFont.truetype(str(path), SIZE) if path.exists() else ImageFont.load_default(SIZE)


@functools.cache
def _fallbacks() -> list:
    out = []
    for name in ("NotoSym", "NotoSym2"):
        path = fonts.FALLBACKS[name]
        if path.exists():
            out.append((ImageFont.truetype(str(path), SIZE), fonts.cmap(str(path))))
    return out


@functools.cache
def _emoji():
    path = fonts.FALLBACKS["NotoEmoji"]
    if not path.exists():
        return None
    return ImageFont.truetype(str(path), EMOJI_PX), fonts.cmap(str(path))


def _draw_text(img: Image.Image, draw: ImageDraw.ImageDraw, xy, text: str, bold=False) -> None:
    """Draw text char by char run, falling back to symbol and emoji fonts for missing glyphs."""
    x, y = xy
    main = _font(bold)
    main_cmap = fonts.cmap(str(fonts.TEXT_BOLD if bold else fonts.TEXT_REGULAR))
    for ch in text:
        cp = ord(ch)
        if cp in (0xFE0F, 0x200D):
            continue
        if cp in main_cmap:
            draw.text((x, y), ch, font=main, fill="black")
            x += main.getlength(ch)
            continue
        fb = next((f for f, cmap in _fallbacks() if cp in cmap), None)
        if fb is not None:
            draw.text((x, y), ch, font=fb, fill="black")
            x += fb.getlength(ch)
            continue
        emoji = _emoji()
        if emoji is not None and cp in emoji[1]:
            glyph = Image.new("RGBA", (EMOJI_PX + 30, EMOJI_PX + 30), (0, 0, 0, 0))
            ImageDraw.Draw(glyph).text((0, 0), ch, font=emoji[0], embedded_color=True)
            box = glyph.getbbox()
            if box:
                glyph = glyph.crop(box).resize((SIZE, SIZE))
                img.paste(glyph, (int(x), int(y) + 2), glyph)
            x += SIZE + 2
            continue
        draw.text((x, y), "?", font=main, fill="black")
        x += main.getlength("?")


def to_png(
    df: pl.DataFrame,
    columns: Sequence[tuple[str, str, str]],
    *,
    title: str,
    subtitle: str | None = None,
) -> bytes:
    """PNG bytes of the first MAX_ROWS rows (a note says how many were left out)."""
    numeric = {"angka", "desimal", "persen", "hari", "skor"}
    chars = [4, *char_widths(df, columns)]
    widths = [c * CHAR_PX + 2 * PAD for c in chars]
    shown = df.head(MAX_ROWS)
    head = ["No", *(h for _, h, _ in columns)]
    rows = [
        [str(i + 1), *(for_print(format_cell(v, k)) for (_, _, k), v in zip(columns, r, strict=True))]
        for i, r in enumerate(zip(*(shown[c].to_list() for c, _, _ in columns), strict=True))
    ] if columns else []  # fmt: skip
    line_h = SIZE + 6

    def wrap(text: str, n: int) -> list[str]:
        return textwrap.wrap(text, max(4, n), break_long_words=True) or [""]

    wrapped = [[wrap(h, c) for h, c in zip(head, chars, strict=True)]]
    wrapped += [[wrap(v, c) for v, c in zip(r, chars, strict=True)] for r in rows]
    heights = [max(len(cell) for cell in r) * line_h + 2 * PAD for r in wrapped]
    lines = [for_print(title)] + ([for_print(subtitle)] if subtitle else [])
    note = f"Ditampilkan {MAX_ROWS} dari {df.height} baris." if df.height > MAX_ROWS else None
    top = PAD * 2 + len(lines) * (line_h + 4)
    width = sum(widths) + 2 * PAD
    height = top + sum(heights) + (line_h + PAD if note else 0) + 2 * PAD
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    for k, line in enumerate(lines):
        _draw_text(img, draw, (PAD, PAD + k * (line_h + 4)), line, bold=k == 0)
    y = top
    for r_i, (cells, h) in enumerate(zip(wrapped, heights, strict=True)):
        x = PAD
        if r_i == 0:
            draw.rectangle([PAD, y, PAD + sum(widths), y + h], fill=(217, 225, 242))
        for c_i, (cell, w) in enumerate(zip(cells, widths, strict=True)):
            draw.rectangle([x, y, x + w, y + h], outline=(120, 120, 120))
            right = r_i > 0 and c_i > 0 and columns[c_i - 1][2] in numeric
            for k, text in enumerate(cell):
                tx = x + w - PAD - _font().getlength(text) if right else x + PAD
                _draw_text(img, draw, (tx, y + PAD + k * line_h), text, bold=r_i == 0)
            x += w
        y += h
    if note:
        _draw_text(img, draw, (PAD, y + PAD), note)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()
