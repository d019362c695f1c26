"""Presentation slides: in presentation mode a meeting page shows one slide at a time.

A page names its slides once (`deck = slides.Deck("ringkasan", {...})`) and wraps each block in
`if deck.show("name"):`. Outside presentation mode every block is drawn, so the normal layout
is unchanged; in presentation mode only the current slide's block runs, under big
"Sebelumnya / Berikutnya" buttons and "Slide 2 dari 5". The slide number lives in the URL
(?presentasi=1&slide=2), so a shared link opens the same slide; out-of-range numbers clamp.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ui import i18n

PARAM = "slide"
_DECK_STATE = "_slide_deck"

# A chart slide's chart fills the screen below the header, the slide buttons and the slide
# title: the chart's height is its container's (Vega-Lite height "container"), and CSS gives
# that container the viewport height minus the fixed parts above and below it.
_CSS = """
<style>
.st-key-slide_nav button { min-height: 3.2rem; padding: 0.4rem 1.6rem; }
.st-key-slide_nav button p { font-size: 1.5rem !important; font-weight: 600; }
.st-key-slide_nav [data-testid="stMarkdownContainer"] p { font-size: 1.5rem !important; }
.st-key-slide_chart [data-testid="stVegaLiteChart"] {
    height: calc(100vh - 24rem) !important; min-height: 300px;
}
.st-key-slide_chart_short [data-testid="stVegaLiteChart"] {
    height: calc(100vh - 28rem) !important; min-height: 260px;
}
/* 1366x768 and other short screens: smaller headings leave the chart half the screen. */
@media (max-height: 820px) {
    h1 { font-size: 1.9rem !important; }
    h2, h3 { font-size: 1.7rem !important; }
    .st-key-slide_nav button { min-height: 2.6rem; }
    .st-key-slide_nav button p, .st-key-slide_nav [data-testid="stMarkdownContainer"] p {
        font-size: 1.25rem !important;
    }
    .st-key-slide_chart [data-testid="stVegaLiteChart"] { height: calc(100vh - 19rem) !important; }
    .st-key-slide_chart_short [data-testid="stVegaLiteChart"] {
        height: calc(100vh - 24.5rem) !important;
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
    """The slides of one page. `show(name)` says whether to draw that block in this run."""

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

    def show(self, name: str) -> bool:
        """True when the block `name` is drawn in this run (always, outside presentation)."""
        if name not in self.titles:
            raise KeyError(f"slide {name!r} is not declared on deck {self.key!r}")
        return not self.active or name == self.current_name

    def fit(self, c, *, below_controls: bool = False):
        """(container, chart): where and what to draw so that on a slide the chart fills the
        screen (see _CSS); outside presentation the chart as built, in a plain container.
        below_controls: the slide shows two rows of controls above the chart (Tren)."""
        if not self.active:
            return st.container(), c
        box = "slide_chart_short" if below_controls else "slide_chart"
        return st.container(key=box), c.properties(height="container")

    def chart(self, c, *, key: str | None = None, below_controls: bool = False) -> None:
        """Draw a chart at full width; on a slide it fills the screen."""
        box, c = self.fit(c, below_controls=below_controls)
        with box:
            st.altair_chart(c, width="stretch", key=key)
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
