"""Page shell: header, empty states, charts with a click-through. The other shared pieces
live in modules with one job each and are re-exported here for the pages: tables and
lampiran (ui.tables), KPI cards (ui.kpi_cards), unfinished periods (ui.periods), house style
(ui.style)."""

from __future__ import annotations

import streamlit as st

from ui import chart_spec, data, filters, i18n
from ui.kpi_cards import comparison_caption, kpi, kpi_from
from ui.periods import drawn_partial, partial_caption, partial_period
from ui.style import apply_style, presenting
from ui.tables import (
    Col,
    display_frame,
    drilldown,
    export_buttons,
    lampiran_frame,
    post_cols,
    table,
)

__all__ = [
    "Col",
    "apply_style",
    "chart",
    "chart_pick",
    "comparison_caption",
    "display_frame",
    "drilldown",
    "empty_state",
    "export_buttons",
    "header",
    "kpi",
    "kpi_from",
    "lampiran_frame",
    "no_data",
    "no_match",
    "drawn_partial",
    "partial_caption",
    "partial_period",
    "post_cols",
    "presenting",
    "require_data",
    "table",
]


def header(title: str, subtitle: str | None = None) -> None:
    """Page title plus the period and filters in force (so a screenshot is self-explanatory),
    and how far the data goes when it ends inside the period ("data s.d. 20 Nov"): said once
    here for every figure of the page (the cards' comparisons name the days they compare)."""
    st.title(title)
    f = filters.current()
    line = filters.describe(f)
    _, last = data.date_bounds()
    if last is not None and f.start <= last < f.end:
        line += " · " + i18n.tr("data ", "data ") + i18n.fmt_through(last)
    st.caption(f"{subtitle} · {line}" if subtitle else line)


def empty_state(title: str, body: str, *, icon: str = ":material/info:") -> None:
    st.info(f"**{title}**\n\n{body}", icon=icon)


def no_data() -> None:
    empty_state(i18n.t("no_data_title"), i18n.t("no_data_body"), icon=":material/inbox:")
    st.page_link("app_pages/unggah.py", label=i18n.t("page_unggah"), icon=":material/upload:")


def no_match() -> None:
    empty_state(i18n.t("no_match_title"), i18n.t("no_match_body"), icon=":material/filter_alt_off:")


def require_data() -> None:
    """Stop the page with guidance when the warehouse holds no post at all."""
    first, _ = data.date_bounds()
    if first is None:
        no_data()
        st.stop()


def chart(c, *, key: str | None = None) -> None:
    """Draw an Altair chart at full width (charts are built in ui.charts, never here)."""
    st.altair_chart(chart_spec.unchecked(c), width="stretch", key=key)
    if key and not presenting():
        from ui import report_buttons

        report_buttons.chart_downloads(c, key=key)


def chart_pick(c, *, key: str, selection: str, field: str, deck=None) -> str | None:
    """Draw a clickable chart; return the value of `field` the user clicked, if any.

    deck: the page's ui.slides.Deck, so that on a slide the chart fills the screen."""
    box = st.container()
    if deck is not None:
        box, c = deck.fit(c)
    with box:
        event = st.altair_chart(
            chart_spec.unchecked(c), width="stretch", key=key, on_select="rerun"
        )
    if not presenting():
        from ui import report_buttons

        report_buttons.chart_downloads(c, key=key)
    try:
        picked = event.selection.get(selection) or []
    except AttributeError:
        return None
    if isinstance(picked, dict):  # interval-style payloads
        values = picked.get(field) or []
        return values[0] if values else None
    return picked[0].get(field) if picked else None
