"""Month and weekday words dates are written with: the vocabulary's Indonesian and English names
(warehouse.vocabulary) and the other spellings and languages OPD staff and platforms use.
Lower case throughout; read by etl.date_text (general patterns) and etl.date_fast.
"""

from __future__ import annotations

from warehouse import vocabulary

# Beside the vocabulary's Indonesian and English names and abbreviations: old Indonesian
# spellings, other abbreviations, Spanish and Portuguese (the UI languages of OPD staff).
_OTHER_MONTH_NAMES = (
    ("enero", "ene", "janeiro"),
    ("pebruari", "peb", "febrero", "fevereiro", "fev"),
    ("marzo", "marco", "março"),
    ("abril", "abr"),
    ("mayo", "maio", "mai"),
    ("junio", "junho"),
    ("julio", "julho"),
    ("agt", "ags", "agst", "agus", "agosto", "ago"),
    ("sept", "septiembre", "setiembre", "setembro", "set"),
    ("octubre", "outubro", "out"),
    ("nopember", "nop", "noviembre", "novembro"),
    ("diciembre", "dic", "dezembro", "dez"),
)
MONTHS: dict[str, int] = {
    name.lower(): num
    for num, others in enumerate(_OTHER_MONTH_NAMES, start=1)
    for name in (
        vocabulary.MONTHS_ID[num - 1],
        vocabulary.MONTHS_EN[num - 1],
        vocabulary.MONTHS_SHORT_ID[num - 1],
        vocabulary.MONTHS_SHORT_EN[num - 1],
        *others,
    )
}
# Vietnamese "tháng Tám" (month eight) as TikTok writes it: rewritten to the English name.
VI_MONTHS = (
    ("mười hai", 12), ("mười một", 11), ("mười", 10), ("một", 1), ("hai", 2), ("ba", 3),
    ("tư", 4), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7), ("tám", 8), ("chín", 9),
)  # fmt: skip
EN_MONTHS = tuple(m.lower() for m in vocabulary.MONTHS_EN)

# Weekday names a date may open with ("Senin, 3 Maret 2026"): the vocabulary's, plus other
# spellings and abbreviations.
DAY_NAMES = tuple(
    dict.fromkeys(
        d.lower()
        for d in (
            *vocabulary.DAYS_ID,
            "jum'at",
            "ahad",
            *vocabulary.DAYS_EN,
            *vocabulary.DAYS_SHORT_EN,
            "tues",
            "thur",
            "thurs",
            *vocabulary.DAYS_SHORT_ID,
        )
    )
)
