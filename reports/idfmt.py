"""Indonesian (id-ID) number, percent, date and period formatting for tables, tiles and lampiran.

Plain Python (no Streamlit, no locale module: the server's locale is not ours to rely on).
Thousands use ".", decimals ",", rounding is half up ("2,5" -> "3"), as readers expect from a
calculator, not banker's rounding. Missing values print as "-".
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from warehouse import vocabulary

# Indonesian month and day names: defined once in warehouse.vocabulary.
MONTHS = vocabulary.MONTHS_ID
MONTHS_SHORT = vocabulary.MONTHS_SHORT_ID
DAYS = vocabulary.DAYS_ID
DAYS_SHORT = vocabulary.DAYS_SHORT_ID

MISSING = "-"
EN_DASH = "\u2013"


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _round_half_up(value: float | int | Decimal, decimals: int) -> Decimal:
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation as exc:  # pragma: no cover - only for exotic inputs
        raise ValueError(f"Bukan angka: {value!r}") from exc
    return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """1234.5 -> "1.234,5" (decimals=1); 1234567 -> "1.234.567"; None/NaN -> "-"."""
    if _is_missing(value):
        return MISSING
    if isinstance(value, float) and math.isinf(value):
        return "\u221e" if value > 0 else "-\u221e"
    q = _round_half_up(value, decimals)  # type: ignore[arg-type]
    if q == 0:
        q = abs(q)  # no "-0"
    sign = "-" if q < 0 else ""
    text = f"{abs(q):.{decimals}f}"
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    return f"{out},{frac}" if decimals > 0 else out


def format_percent(value: float | None, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.695 -> "69,5%"; 1 -> "100,0%"."""
    if _is_missing(value):
        return MISSING
    return format_number(Decimal(str(value)) * 100, decimals) + "%"


def format_signed(value: float | None, decimals: int = 0, suffix: str = "") -> str:
    """A change with its sign: 3 -> "+3", -0.5 -> "-0,5" (decimals=1), 0 -> "0"."""
    if _is_missing(value):
        return MISSING
    text = format_number(value, decimals)
    if not text.startswith("-") and _round_half_up(value, decimals) != 0:  # type: ignore[arg-type]
        text = "+" + text
    return text + suffix


def format_value(value: float | None, fmt: str, decimals: int | None = None) -> str:
    """Format a KPI value by its metrics format: persen ("72,0%"), angka, hari, skor ("80,4").

    decimals: of an "angka" value (metrics.Kpi.decimals, the kpi_summary row's "decimals");
    None gives one digit only when the value is not whole."""
    if fmt == "persen":
        return format_percent(value, 1)
    if fmt == "hari":
        return MISSING if _is_missing(value) else f"{format_number(value, 0)} hari"
    if fmt == "skor":
        return format_number(value, 1)
    if decimals is None:
        is_whole = not _is_missing(value) and float(value).is_integer()  # type: ignore[arg-type]
        decimals = 0 if is_whole else 1
    return format_number(value, decimals)


def format_change(value: float | None, fmt: str, decimals: int | None = None) -> str:
    """A period-over-period change: persen -> "+20,0 poin" (percentage points), else signed.

    decimals: of an "angka" change, as its figure is written (metrics.Kpi.decimals: an
    average's "-4,5" beside "161,3"); None gives whole numbers."""
    if fmt == "persen":
        if _is_missing(value):
            return MISSING
        return format_signed(float(Decimal(str(value)) * 100), 1, " poin")
    if fmt == "hari":
        return format_signed(value, 0, " hari")
    if fmt == "skor":
        return format_signed(value, 1)
    return format_signed(value, decimals or 0)


def format_date(
    value: dt.date | dt.datetime | None, *, short: bool = False, weekday: bool = False
) -> str:
    """date(2025, 12, 1) -> "1 Desember 2025"; short -> "1 Des 2025"; weekday -> "Senin, 1 Desember 2025"."""
    if value is None:
        return MISSING
    months = MONTHS_SHORT if short else MONTHS
    text = f"{value.day} {months[value.month - 1]} {value.year}"
    if weekday:
        text = f"{DAYS[value.weekday()]}, {text}"
    return text


def format_datetime(value: dt.datetime | None) -> str:
    """datetime(2025, 12, 1, 14, 30) -> "1 Desember 2025 14.30" (Indonesian time uses a dot)."""
    if value is None:
        return MISSING
    return f"{format_date(value)} {value.hour:02d}.{value.minute:02d}"


def format_month(value: dt.date | None, *, short: bool = False) -> str:
    """date(2025, 12, 1) -> "Desember 2025"; short -> "Des 2025"."""
    if value is None:
        return MISSING
    months = MONTHS_SHORT if short else MONTHS
    return f"{months[value.month - 1]} {value.year}"


def _last_day(d: dt.date) -> int:
    nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def format_period(start: dt.date, end: dt.date) -> str:
    """A period label, as short as it stays unambiguous.

    1-31 Dec 2025 -> "Desember 2025"; Jan-Mar 2026 (whole months) -> "Januari–Maret 2026";
    Dec 2025-Feb 2026 -> "Desember 2025–Februari 2026"; 1-15 Jan 2026 -> "1–15 Januari 2026";
    28 Jan-3 Feb 2026 -> "28 Januari–3 Februari 2026"; one day -> "1 Januari 2026".
    """
    if end < start:
        raise ValueError("Akhir periode sebelum awal periode.")
    if start == end:
        return format_date(start)
    whole = start.day == 1 and end.day == _last_day(end)
    if whole:
        if (start.year, start.month) == (end.year, end.month):
            return format_month(start)
        if start.year == end.year:
            return f"{MONTHS[start.month - 1]}{EN_DASH}{format_month(end)}"
        return f"{format_month(start)}{EN_DASH}{format_month(end)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{EN_DASH}{format_date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]}{EN_DASH}{format_date(end)}"
    return f"{format_date(start)}{EN_DASH}{format_date(end)}"
