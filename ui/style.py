"""The house CSS, presentation mode's larger type and its way out."""

from __future__ import annotations

import streamlit as st

from ui import i18n, streamlit_texts


def presenting() -> bool:
    """True in presentation mode (sidebar toggle or ?presentasi=1)."""
    return bool(st.session_state.get("presentasi"))


_BASE_CSS = """
<style>
/* Room for long OPD names in tables and the sidebar at 1366x768. */
section[data-testid="stSidebar"] { min-width: 300px; }
[data-testid="stMetric"] { padding: 0.6rem 0.9rem; }
[data-testid="stMetricValue"] { font-size: 2.1rem; }
/* A card's comparison ("vs 1 Des 2025 - 20 Mei 2026") is read in full: it wraps under the
   change, never shortened with an ellipsis in a narrow card (four cards at 1366 px). */
[data-testid="stMetric"] div:has(> [data-testid="stMetricDeltaDescription"]) {
    flex-wrap: wrap; row-gap: 0.15rem;
}
[data-testid="stMetricDeltaDescription"] { flex: 1 1 8rem; min-width: 0; }
:is([data-testid="stMetricDeltaDescription"], [data-testid="stMetricDelta"]),
:is([data-testid="stMetricDeltaDescription"], [data-testid="stMetricDelta"]) * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
</style>
"""

_PRESENT_CSS = """
<style>
section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"],
button[data-testid="stExpandSidebarButton"] { display: none !important; }
html, body, .stMarkdown p, .stCaption { font-size: 1.25rem !important; }
h2, h3 { font-size: 2.2rem !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * { font-size: 1.6rem !important; }
[data-testid="stMetricValue"] { font-size: 3.4rem !important; }
[data-testid="stMetricDelta"] { font-size: 1.4rem !important; }
/* The comparison beside the change ("vs ... · 25 dari 46 OPD lengkap: 72,0% vs 76,0%") is read
   from the back of the room too (it was 14 px on a 1920x1080 slide). */
[data-testid="stMetricDeltaDescription"], [data-testid="stMetricDeltaDescription"] * {
    font-size: 1.2rem !important;
}
.block-container { padding-top: 3.5rem; max-width: 100% !important; }
/* Slides: every pixel of height goes to the chart. The way out sits in the top bar. */
h1 { font-size: 2.4rem !important; padding-top: 0.2rem !important; }
.st-key-leave_presentation { position: fixed; top: 0.6rem; right: 4rem; z-index: 999991; }
/* Captions and markdown keep no invisible space below their box (it made a slide scroll). */
[data-testid="stMain"] :is([data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"]) {
    margin-bottom: 0 !important; padding-bottom: 0 !important;
}
[data-testid="stMain"] :is([data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"])
    p:last-child { margin-bottom: 0 !important; }
/* 1366x768 and other short screens: the slide's chrome (title, period, slide bar) and the
   key-figure cards shrink so that four cards, their comparison line and a chart fit. */
@media (max-height: 820px) {
    .block-container { padding-top: 3.9rem !important; }
    h1 { font-size: 1.7rem !important; padding: 0 !important; }
    .stMarkdown p, .stCaption, [data-testid="stCaptionContainer"] p {
        font-size: 1.05rem !important;
    }
    [data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.55rem; }
    [data-testid="stMetric"] { padding: 0.35rem 0.9rem !important; }
    [data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
        font-size: 1.3rem !important;
    }
    [data-testid="stMetricValue"] { font-size: 2.5rem !important; }
    [data-testid="stMetricDelta"] { font-size: 1.15rem !important; }
    [data-testid="stMetricDeltaDescription"], [data-testid="stMetricDeltaDescription"] * {
        font-size: 0.95rem !important;
    }
}
</style>
"""


def _leave_presentation() -> None:
    st.session_state["presentasi"] = False


def apply_style(presenting_now: bool) -> None:
    """House CSS; in presentation mode hide the sidebar, enlarge type, offer a way out."""
    st.html(_BASE_CSS + streamlit_texts.global_css())
    st.html(streamlit_texts.global_js(), unsafe_allow_javascript=True)
    if presenting_now:
        st.html(_PRESENT_CSS)
        st.button(
            i18n.t("exit_presentation"),
            icon=":material/close_fullscreen:",
            on_click=_leave_presentation,
            key="leave_presentation",
            type="tertiary",
        )
