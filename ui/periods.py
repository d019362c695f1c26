"""An unfinished last period (data only up to a day): found once, said the same way."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ui import data, i18n


def partial_period(f: data.Filters, grain: str = "month") -> tuple[dt.date, str] | None:
    """(start, note) of the last period the data only partly covers, e.g. (1 Nov, "s.d. 20 Nov")
    when the data end (v_data_end) is 20 November; None when the period's last month/week is
    whole.
    Charts mark it so a leader does not read an unfinished month as a real fall."""
    _, last = data.date_bounds()
    if last is None or last >= f.end or last < f.start:
        return None
    if grain == "week":
        start = last - dt.timedelta(days=last.weekday())
        if last.weekday() == 6:
            return None
    else:
        start = last.replace(day=1)
        if (last + dt.timedelta(days=1)).month != last.month:
            return None
    return start, i18n.fmt_through(last)


def drawn_partial(
    partial: tuple[dt.date, str] | None, frame, y: str, x: str = "month"
) -> tuple[dt.date, str] | None:
    """partial, when the chart draws a point in that period (a value at or after its start);
    else None, so no caption explains a hollow point that is not on the chart."""
    import polars as pl

    if partial is None or frame is None or not frame.height or y not in frame.columns:
        return None
    drawn = frame.filter((pl.col(x).cast(pl.Date) >= partial[0]) & pl.col(y).is_not_null())
    return partial if drawn.height else None


def partial_caption(partial: tuple[dt.date, str] | None, grain: str = "month") -> None:
    """One line under a trend chart explaining the hollow last point (pass drawn_partial's)."""
    if partial is None:
        return
    unit = i18n.tr("Bulan", "Month") if grain == "month" else i18n.tr("Minggu", "Week")
    st.caption(
        i18n.tr(
            f"Titik berongga: {unit.lower()} terakhir belum selesai (data {partial[1]}), "
            "jadi angkanya belum sebanding dengan periode sebelumnya.",
            f"Hollow point: the last {unit.lower()} is not over yet (data {partial[1]}), "
            "so its figure is not comparable with earlier periods yet.",
        )
    )
