"""When was an export produced? (loads.exported_at)

Lifetime metrics change with every re-export, so the newest export's numbers must win, whatever
order files are loaded in. The date comes from what the file tells:
1. a date inside the file: an xlsx's "modified" property (docProps/core.xml, UTC) or the newest
   member time of a ZIP (TikTok/YouTube Studio write them in local time);
2. the period in its name (or its folder's name): Meta `Aug-01-2026_Aug-31-2026_<digits>.csv`,
   YouTube `Content 2025-12-01_2026-11-20 <channel>`, X `..._20251201_20260301_en.csv` /
   `account_analytics_content_2025-12-01_2026-11-20.csv`: the export is no older than the end
   of its period, so that day (00:00) is its date;
   with both, the later one (an export cannot predate its own period);
3. else the file's modification time, for a file read from disk;
4. else unknown (an upload without any date): None.
All results are naive WIB, like every timestamp in the warehouse.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zoneinfo
from pathlib import Path, PurePath

from warehouse import settings, vocabulary

# The three-letter month names Meta writes in a file name, English or Indonesian ("Agt" too).
_MONTHS = {
    m.lower(): i
    for names in (vocabulary.MONTHS_SHORT_EN, vocabulary.MONTHS_SHORT_ID)
    for i, m in enumerate(names, 1)
} | {"agt": 8}
_META = re.compile(r"([A-Za-z]{3})-(\d{1,2})-(\d{4})_([A-Za-z]{3})-(\d{1,2})-(\d{4})")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})_(\d{4})-(\d{2})-(\d{2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})_(\d{4})(\d{2})(\d{2})(?!\d)")
_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>\s*([^<]+?)\s*</dcterms:modified>")


def _wib() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.LOCAL_TZ)


def _date(y: str, m: str | int, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def period_from_name(name: str) -> tuple[dt.date, dt.date] | None:
    """(start, end) of the period written in an export's file or folder name, else None."""
    for m in _META.finditer(name):
        m1, m2 = _MONTHS.get(m.group(1).lower()), _MONTHS.get(m.group(4).lower())
        if m1 and m2:
            a, b = _date(m.group(3), m1, m.group(2)), _date(m.group(6), m2, m.group(5))
            if a and b and a <= b:
                return a, b
    for rx in (_ISO, _COMPACT):
        for m in rx.finditer(name):
            a, b = _date(*m.group(1, 2, 3)), _date(*m.group(4, 5, 6))
            if a and b and a <= b:
                return a, b
    return None


def date_inside(data: bytes) -> dt.datetime | None:
    """xlsx 'modified' property, else the newest ZIP member time; None for text files."""
    if data[:4] != b"PK\x03\x04":
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "docProps/core.xml" in names:
                m = _MODIFIED.search(zf.read("docProps/core.xml"))
                if m:
                    return _utc_text_to_wib(m.group(1).decode("ascii", "replace"))
            if "xl/workbook.xml" in names:
                return None  # an xlsx without the property: its member times mean nothing
            times = [i.date_time for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    # 1980-01-01 is the ZIP format's "no date".
    stamps = [dt.datetime(*t) for t in times if t[0] > 1980]
    return max(stamps) if stamps else None


def _utc_text_to_wib(text: str) -> dt.datetime | None:
    try:
        ts = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=dt.UTC)
    return ts.astimezone(_wib()).replace(tzinfo=None, microsecond=0)


def mtime_wib(path: Path) -> dt.datetime | None:
    try:
        ts = path.stat().st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(ts, _wib()).replace(tzinfo=None, microsecond=0)


# The numeric id a platform writes at the end of an export's name (Meta: after the period).
_ACCOUNT_ID_IN_NAME = re.compile(r"_(\d{6,})(?:\s*\(\d+\))?\.[A-Za-z0-9]+$")


def account_id_from_name(file_name: str) -> str | None:
    """The numeric account id a platform writes at the end of an export's name
    (`Oct-01-2026_Oct-31-2026_5300000000000003.csv` -> '5300000000000003'), else None."""
    m = _ACCOUNT_ID_IN_NAME.search(file_name.rsplit("/", 1)[-1])
    return m.group(1) if m else None


def export_date(data: bytes, name: str, path: str | Path | None = None) -> dt.datetime | None:
    """The export date of one file, by the rules in the module docstring."""
    found: list[dt.datetime] = []
    inside = date_inside(data)
    if inside is not None:
        found.append(inside)
    names = [PurePath(name).name]
    if path is not None:
        names.append(Path(path).parent.name)  # YouTube Studio folders carry the period
    for n in names:
        period = period_from_name(n)
        if period is not None:
            found.append(dt.datetime.combine(period[1], dt.time()))
            break
    if found:
        return max(found)
    return mtime_wib(Path(path)) if path is not None else None
