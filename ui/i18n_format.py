"""id-ID number and date formatting for what a user reads (1.234,5; 45,2%; 3 Oktober 2026;
Okt 2026), English forms under the English switch. Numbers round half up, as the lampiran
do (reports.idfmt). ui.i18n re-exports every function, so pages write i18n.fmt_int(...)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ui.lang import current_lang
from warehouse.vocabulary import MONTHS_EN, MONTHS_ID, MONTHS_SHORT_EN, MONTHS_SHORT_ID


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt_num(x: Any, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5': the same rounding (half up) as the lampiran (reports.idfmt)."""
    if _missing(x):
        return "-"
    from reports import idfmt

    text = idfmt.format_number(x, decimals)
    if current_lang() == "en":
        text = text.replace(".", "\x00").replace(",", ".").replace("\x00", ",")
    return text


def fmt_int(x: Any) -> str:
    return fmt_num(x, 0)


def fmt_pct(x: Any, decimals: int = 1, *, ratio: bool = True) -> str:
    """0.452 -> '45,2%' (ratio=True) or 45.2 -> '45,2%' (ratio=False)."""
    if _missing(x):
        return "-"
    from decimal import Decimal

    return fmt_num(Decimal(str(x)) * (100 if ratio else 1), decimals) + "%"


def fmt_delta_pp(x: Any, decimals: int = 1) -> str:
    """A change of a ratio in percentage points: 0.052 -> '+5,2 poin'."""
    if _missing(x):
        return ""
    from decimal import Decimal

    v = Decimal(str(x)) * 100
    sign = "+" if v > 0 else ("-" if v < 0 else "±")
    unit = "pts" if current_lang() == "en" else "poin"
    return f"{sign}{fmt_num(abs(v), decimals)} {unit}"


def fmt_delta(x: Any, decimals: int = 0) -> str:
    if _missing(x):
        return ""
    v = float(x)
    sign = "+" if v > 0 else ("-" if v < 0 else "±")
    return f"{sign}{fmt_num(abs(v), decimals)}"


def fmt_date(
    d: dt.date | dt.datetime | None, *, with_time: bool = False, short: bool = False
) -> str:
    """3 Oktober 2026 (09.10); short: 3 Okt 2026 (for a narrow column)."""
    if d is None:
        return "-"
    if short:
        months = MONTHS_SHORT_EN if current_lang() == "en" else MONTHS_SHORT_ID
    else:
        months = MONTHS_EN if current_lang() == "en" else MONTHS_ID
    s = f"{d.day} {months[d.month - 1]} {d.year}"
    if with_time and isinstance(d, dt.datetime):
        s += f" {d.hour:02d}.{d.minute:02d}"
    return s


def fmt_through(d: dt.date | None) -> str:
    """How far data reaches, the one wording: date(2026, 11, 20) -> 's.d. 20 Nov' ('to 20 Nov');
    '' without a day."""
    if d is None:
        return ""
    names = MONTHS_SHORT_EN if current_lang() == "en" else MONTHS_SHORT_ID
    return ("to" if current_lang() == "en" else "s.d.") + f" {d.day} {names[d.month - 1]}"


def fmt_month(d: dt.date | str | None, *, short: bool = True) -> str:
    """date(2026, 10, 1) or '2026-10' -> 'Okt 2026' (short) / 'Oktober 2026'."""
    if d is None:
        return "-"
    if isinstance(d, str):
        year, month = int(d[:4]), int(d[5:7])
    else:
        year, month = d.year, d.month
    if current_lang() == "en":
        names = MONTHS_SHORT_EN if short else MONTHS_EN
    else:
        names = MONTHS_SHORT_ID if short else MONTHS_ID
    return f"{names[month - 1]} {year}"
