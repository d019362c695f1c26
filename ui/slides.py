"""Presentation slides: in presentation mode a meeting page shows one slide at a time.

A page declares its panels once (ui.panels: `panels.show("ringkasan", [...])`), and the deck of
slides (order and titles) is derived from that list. Outside presentation mode every panel is
drawn, so the normal layout is unchanged; in presentation mode only the current slide's panel
runs, under big "Sebelumnya / Berikutnya" buttons and "Slide 2 dari 5". The slide number lives
in the URL (?presentasi=1&slide=2), so a shared link opens the same slide; out-of-range numbers
clamp.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ui import chart_spec, i18n

PARAM = "slide"
# A chart on a slide names at most this many rows (OPDs, kinds) or lines: more would overlap
# or shrink below what a 1366x768 projector shows legibly. Pages pick which and say so.
MAX_ROWS = 10
# A stacked-bar chart's colour legend takes two rows below it: at 1366x768 that leaves room
# for 8 named rows, not 10 (measured by the slide contract: Vega hid every other name).
MAX_ROWS_WITH_LEGEND = 8
ROW_PX = 24  # px a named row needs at projector type (row labels 17 px, ui.charts)
AXES_PX = 130  # px of a row chart's axis, axis title and a two-line legend
_DECK_STATE = "_slide_deck"

# A chart slide's chart fills the screen below the header, the slide buttons and the slide
# title: the chart's height is its container's (Vega-Lite height "container"), and CSS gives
# that container the viewport height minus the fixed parts above and below it.
_CSS = """
<style>
.st-key-slide_nav { gap: 0.8rem; }
.st-key-slide_nav button { min-height: 2.6rem; padding: 0.2rem 1.2rem; }
.st-key-slide_nav button p { font-size: 1.3rem !important; font-weight: 600; }
.st-key-slide_nav [data-testid="stMarkdownContainer"] p { font-size: 1.3rem !important; }
/* A slide is one screen: the main column is exactly the viewport high, laid out as a flex
   column, and the chart's box (with every box that holds it) takes whatever height the title,
   the slide bar and the captions leave. Vega-Lite's height "container" then follows it, so a
   caption more or less never pushes the chart off the screen. */
[data-testid="stMain"] { height: 100vh; }
[data-testid="stMainBlockContainer"] {
    height: 100vh; box-sizing: border-box; display: flex; flex-direction: column;
    padding-bottom: 0.6rem !important;
}
[data-testid="stMainBlockContainer"] div:has(.st-key-slide_chart) {
    display: flex; flex-direction: column; flex: 1 1 0; min-height: 0;
}
.st-key-slide_chart { flex: 1 1 0 !important; min-height: 160px; }
.st-key-slide_chart [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) {
    flex: 1 1 0; min-height: 0;
}
.st-key-slide_chart [data-testid="stFullScreenFrame"],
.st-key-slide_chart [data-testid="stFullScreenFrame"] > div,
.st-key-slide_chart [data-testid="stVegaLiteChart"] { height: 100% !important; }
/* 1366x768 and other short screens: smaller headings leave the chart half the screen. */
@media (max-height: 820px) {
    h1 { font-size: 1.7rem !important; }
    h2, h3 { font-size: 1.5rem !important; }
    .st-key-slide_nav button { min-height: 2.2rem; }
    .st-key-slide_nav button p, .st-key-slide_nav [data-testid="stMarkdownContainer"] p {
        font-size: 1.1rem !important;
    }
}
</style>
"""


def _presenting() -> bool:
    return bool(st.session_state.get("presentasi"))


def _url_slide() -> int | None:
    raw = st.query_params.get(PARAM)
    try:
        return int(str(raw).strip()) if raw is not None else None
    except ValueError:
        return None


def clamp(n: int | None, count: int) -> int:
    """A slide number in 1..count (1 when missing)."""
    if n is None:
        return 1
    return max(1, min(count, n))


class Deck:
    """The slides of one page. `current_name` is the panel drawn in this run."""

    def __init__(self, key: str, titles: Mapping[str, str]) -> None:
        self.key = key
        self.names = list(titles)
        self.titles = dict(titles)
        self.active = _presenting()
        self.current = 1
        if not self.active:
            # Normal layout: every block drawn; a stale ?slide= would only confuse a shared link.
            if PARAM in st.query_params:
                del st.query_params[PARAM]
            st.session_state.pop(_DECK_STATE, None)
            return
        # Another page's slide number does not carry over: a page switch starts at slide 1,
        # while a link opened fresh (no deck seen yet in this session) keeps its ?slide=.
        previous = st.session_state.get(_DECK_STATE)
        wanted = _url_slide() if previous in (None, key) else 1
        self.current = clamp(wanted, len(self.names))
        st.session_state[_DECK_STATE] = key
        if st.query_params.get(PARAM) != str(self.current):
            st.query_params[PARAM] = str(self.current)
        self._nav()

    @property
    def count(self) -> int:
        return len(self.names)

    @property
    def current_name(self) -> str:
        return self.names[self.current - 1]

    def fit(self, c, *, below_controls: bool = False, rows: int | None = None):
        """(container, chart): where and what to draw so that on a slide the chart fills the
        screen (see _CSS); outside presentation the chart as built, in a plain container.
        rows: the chart names this many rows (OPDs, kinds): the slide keeps ROW_PX for each,
        so a short screen overflows (and the browser test says so) instead of hiding names.
        below_controls is accepted for older callers; the flex layout sizes every chart."""
        if not self.active:
            return st.container(), c
        del below_controls
        if rows:
            st.html(
                "<style>.st-key-slide_chart { min-height: "
                f"{int(rows) * ROW_PX + AXES_PX}px !important; }}</style>"
            )
        return st.container(key="slide_chart"), chart_spec.with_top(c, height="container")

    def chart(
        self,
        c,
        *,
        key: str | None = None,
        below_controls: bool = False,
        rows: int | None = None,
    ) -> None:
        """Draw a chart at full width; on a slide it fills the screen (rows: see fit)."""
        box, c = self.fit(c, below_controls=below_controls, rows=rows)
        with box:
            st.altair_chart(chart_spec.unchecked(c), width="stretch", key=key)
        if not self.active:
            from ui import report_buttons

            self._charts = getattr(self, "_charts", 0) + 1
            report_buttons.chart_downloads(c, key=f"{self.key}_{self._charts}")

    def _go(self, n: int) -> None:
        st.query_params[PARAM] = str(clamp(n, self.count))

    def _nav(self) -> None:
        st.html(_CSS)
        with st.container(key="slide_nav", horizontal=True, vertical_alignment="center"):
            st.button(
                i18n.tr("Sebelumnya", "Previous"),
                icon=":material/arrow_back:",
                key="slide_prev",
                disabled=self.current <= 1,
                on_click=self._go,
                args=(self.current - 1,),
                shortcut="PageUp",
            )
            st.markdown(
                i18n.tr(
                    f"**Slide {self.current} dari {self.count}**",
                    f"**Slide {self.current} of {self.count}**",
                ),
                width="content",
            )
            st.button(
                i18n.tr("Berikutnya", "Next"),
                icon=":material/arrow_forward:",
                icon_position="right",
                key="slide_next",
                type="primary",
                disabled=self.current >= self.count,
                on_click=self._go,
                args=(self.current + 1,),
                shortcut="PageDown",
            )
