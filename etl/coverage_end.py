"""Where a declared coverage period ends (etl.coverage, rules in its module docstring): a
period a logbook title, sheet or the posts declare reaches at most to the last day that was over
when the file was made; with only the file's modification time to date it, to its newest post.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from etl.coverage import Span


def declared_end(
    span: Span, posts: pl.DataFrame, last_whole: dt.date | None, weak: bool, where: str
) -> tuple[dt.date, str | None]:
    """(last covered day, note for the load report or None). The day may be before span.start:
    nothing of the period was over yet (the note says it is not recorded). posts: the table's
    posts (published_at, naive WIB); last_whole: the last day over when the file was made."""
    end = _end(span, posts, last_whole, weak)
    a, b, e = f"{span.start:%d-%m-%Y}", f"{span.end:%d-%m-%Y}", f"{end:%d-%m-%Y}"
    if end < span.start:
        return (
            end,
            f"Cakupan data {where}: periode {a} s.d. {b} belum dimulai saat berkas dibuat, tidak dicatat.",
        )
    if end > span.end:
        return end, (
            f"Cakupan data {where}: rentang postingan s.d. {b}, dicatat s.d. {e} (hari terakhir"
            " yang sudah lewat saat ekspor dibuat)."
        )
    if end < span.end:
        why = (
            "postingan terakhir di berkas: tanggal berkas hanya dari waktu simpannya"
            if weak
            else "hari terakhir yang sudah lewat"
        )
        return end, (
            f"Cakupan data {where}: periode tertulis s.d. {b}, tidak terbukti selesai saat berkas"
            f" dibuat; dicatat s.d. {e} ({why})."
        )
    return end, None


def _end(span: Span, posts: pl.DataFrame, last_whole: dt.date | None, weak: bool) -> dt.date:
    """The last day a title- or sheet-declared period (or a posts span) covers: rules in the
    module docstring. May be before span.start (nothing of the period was over yet)."""
    if span.basis == "posts_span" and not weak and last_whole is not None:
        # An export that names no period lists what the platform held when it was made: its
        # posts up to then, so the days after its newest post up to the export are covered.
        return max(span.end, last_whole)
    end = span.end if last_whole is None else min(span.end, last_whole)
    if not weak:
        return end
    # Only the file's modification time dates it (a copy or a checkout resets it to a later
    # day): nothing proves the days after its newest post were over when it was filled in.
    dates = posts.get_column("published_at").drop_nulls() if posts.height else None
    newest = dates.max() if dates is not None and dates.len() else None
    if not isinstance(newest, dt.datetime):
        return end
    return min(end, newest.date())
