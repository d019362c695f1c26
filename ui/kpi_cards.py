"""KPI cards: a figure, its change and what the change compares with (names, help and
direction from warehouse.metrics.KPIS)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import explain, i18n
from ui.style import presenting


def kpi(
    label: str,
    value: str,
    delta: str | None = None,
    *,
    help: str | None = None,
    inverse: bool = False,
    description: str | None = None,
    neutral: bool = False,
) -> None:
    """A KPI card. neutral: the delta is words (e.g. "belum ada pembanding"), drawn grey."""
    flat = neutral or (bool(delta) and delta.lstrip("±+−-").split(" ")[0].strip("0,.") == "")
    st.metric(
        label,
        value,
        delta_description=description,
        delta=delta or None,
        delta_color="off" if flat else ("inverse" if inverse else "normal"),
        delta_arrow="off" if flat else "auto",
        help=help,
        border=True,
    )


def kpi_from(
    kpis: pl.DataFrame,
    key: str,
    *,
    help: str | None = None,
    label: str | None = None,
) -> None:
    """A KPI tile from a kpi_summary row: value, change and what the change compares with
    (on the card itself), id-ID; "belum ada pembanding" when there is nothing to compare.
    Name, help and direction (a rise shows red when lower is better) come from metrics.KPIS;
    label/help override them only for a figure that is not a KPI."""
    from warehouse.metrics import KPIS

    if label is None and key in KPIS:
        label = i18n.kpi_label(key)
    if help is None and key in KPIS:
        help = i18n.kpi_help(key)
    rows = kpis.filter(pl.col("key") == key) if kpis.height else kpis
    if not rows.height:
        kpi(label or key, "-")
        return
    r = rows.row(0, named=True)
    fmt = r.get("format")
    value, change = r.get("value"), r.get("change_previous")
    if fmt == "persen":
        shown, delta = i18n.fmt_pct(value), i18n.fmt_delta_pp(change)
    else:
        # Digits as in the letter (metrics.Kpi.decimals): "161,3" and "-4,5", never "-5".
        digits = r.get("decimals") or 0
        shown, delta = i18n.fmt_num(value, digits), i18n.fmt_delta(change, digits)
    against = explain.comparison_text(r, "previous", short=True)
    # Part of the OPDs compared (the others' data is incomplete on one side): the card says so.
    if subset := explain.compared_set_text(r, "previous", short=True):
        against += " · " + subset
    # How far the data goes ("data s.d. 20 Nov") is said once, under the page title
    # (widgets.header): on each card it pushed the compared figures to a third line at 1366 px.
    inverse = key in KPIS and not KPIS[key].higher_is_better
    if r.get("previous_status") == "none":
        kpi(label or r.get("label"), shown, against, inverse=inverse, help=help, neutral=True)
        return
    kpi(label or r.get("label"), shown, delta, inverse=inverse, help=help, description=against)


def comparison_caption(kpis: pl.DataFrame) -> None:
    """One line under a KPI row: what every change compares with, and why (unfinished period:
    the same days; no data: no change shown; part of the OPDs: on how many, and which are
    left out)."""
    if not kpis.height or "previous_status" not in kpis.columns:
        return
    r = kpis.row(0, named=True)
    status = r.get("previous_status")
    if status == "cut" and presenting():
        # On a slide every card already says how far the data goes and names the compared
        # days ("data s.d. 20 Nov · vs 1 Des 2025 – 20 Mei 2026"): no line repeats it, so the
        # slide's figures fit 1366x768 whole.
        return
    if status == "cut":
        c_end = r["compared_end"]
        text = i18n.tr(
            f"Data baru s.d. {i18n.fmt_date(c_end)}, jadi perubahan membandingkan hari yang "
            f"sama: {explain.comparison_text(r)}.",
            f"Data only up to {i18n.fmt_date(c_end)}, so changes compare the same days: "
            f"{explain.comparison_text(r)}.",
        )
    elif status == "none":
        text = i18n.tr("Perubahan tidak ditampilkan: ", "No change shown: ") + (
            explain.comparison_text(r)
        )
    else:
        text = i18n.tr("Perubahan ", "Changes ") + explain.comparison_text(r) + "."
    if subset := explain.compared_set_text(r, figures=False):
        text = text.rstrip(".") + ", " + subset + "."
        if not presenting():  # the names on screen; a slide keeps to its one line
            text += " " + explain.left_out_text(r)
    st.caption(text)
