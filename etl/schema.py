"""The contract between format parsers (etl/formats/) and the loader (etl/load.py).

Every format parser turns one sheet (or CSV) into a ParsedTable: a polars frame of posts with
exactly POST_SCHEMA, plus a frame of row-level rejects with exactly REJECT_SCHEMA. The loader
never looks at a platform's own column names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

PLATFORMS = ("facebook", "instagram", "tiktok", "youtube", "x")
POST_FORMATS = ("foto", "video", "reels", "carousel", "teks", "tautan", "live", "story")

POST_SCHEMA: dict[str, pl.DataType] = {
    "source_sheet": pl.String(),  # sheet name, None for CSV
    "source_row": pl.Int64(),  # row number as the user sees it in Excel/CSV (1-based)
    "platform": pl.String(),  # one of PLATFORMS
    "native_id": pl.String(),  # the platform's own post id, when known and trustworthy
    "account_handle": pl.String(),  # page name / username / channel handle, as in the file
    "opd_hint": pl.String(),  # logbook "Nama OPD" column, else None
    "published_at": pl.Datetime("us"),  # naive, in WIB (Asia/Jakarta)
    "caption": pl.String(),  # raw text, as exported (Unicode bold kept)
    "post_format_raw": pl.String(),  # "IG reel", "Photos", "Video", ...
    "post_format": pl.String(),  # one of POST_FORMATS, or None
    "permalink": pl.String(),
    "views": pl.Int64(),
    "reach": pl.Int64(),
    "reactions": pl.Int64(),  # likes / reactions
    "comments": pl.Int64(),
    "shares": pl.Int64(),
    "saves": pl.Int64(),
    "logbook_label": pl.String(),  # logbook "Jenis Konten", as written
}

REJECT_SCHEMA: dict[str, pl.DataType] = {
    "sheet": pl.String(),
    "row_number": pl.Int64(),
    "column_name": pl.String(),
    "value": pl.String(),
    "reason": pl.String(),  # Bahasa Indonesia
}


@dataclass
class ParsedTable:
    """One sheet (or one CSV) of one file, parsed into canonical posts."""

    format: str  # meta_facebook, meta_instagram, tiktok, youtube, x, logbook
    posts: pl.DataFrame  # POST_SCHEMA
    rejects: pl.DataFrame  # REJECT_SCHEMA
    sheet: str | None = None
    platform: str | None = None  # None when a logbook sheet mixes platforms
    account_handle: str | None = None  # file-level handle (TikTok ZIP name, X file name...)
    exported_at: dt.datetime | None = None
    title: str | None = None  # text of the rows above the header (a logbook's declared month)
    # The same rows one by one: (row number as the user sees it, its cells joined by spaces);
    # where a logbook names its office ("DESA MARGAMULYA"), read by etl.file_owner.
    title_rows: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings for the report, Bahasa Indonesia
    assumptions: list[str] = field(default_factory=list)  # every assumption made, Indonesian
    period: tuple[dt.date, dt.date] | None = None  # declared period (name, title), if any
    period_source: str | None = None  # where the period was read, Bahasa Indonesia


class FileRejected(Exception):
    """A whole file cannot be loaded. The message is Bahasa Indonesia and names file/sheet/column."""

    def __init__(
        self,
        message: str,
        *,
        columns_found: list[str] | None = None,
        columns_needed: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.columns_found = columns_found or []
        self.columns_needed = columns_needed or []


class NotAPostExport(FileRejected):
    """A file recognised as a companion export that holds no posts (account-level daily metrics,
    TikTok Overview, YouTube Studio Totals/Chart data). Loaders report it as skipped, not failed:
    it sits beside the post exports in every folder an OPD sends."""


def empty_rejects() -> pl.DataFrame:
    return pl.DataFrame(schema=REJECT_SCHEMA)
