"""A page as a list of panels, declared once for the screen and the slides.

A meeting page lists its panels in order (`panels.show("ringkasan", [...])`); each says how it
is drawn (`draw`, given the page's ui.slides.Deck) and where it appears:

- BOTH: on the screen, and as a slide of its own in presentation mode (the default);
- SCREEN: only on the screen (long tables, forms, downloads: nothing a projector reads);
- SLIDES: only as a slide (key figures the screen shows in a table instead).

`Row` sets panels side by side on the screen (widths as given); on the projector each is its
own slide. `Controls` are widgets the panels below read: drawn on the screen and above every
slide except those named. `StopIf` ends the page with "no match" where it stands when nothing
is left to draw. The deck (slide order and titles) is derived from the same list, so a panel
cannot be on the screen and forgotten on the slides, or the other way round.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from ui import slides

Where = Literal["both", "screen", "slides"]
BOTH: Where = "both"
SCREEN: Where = "screen"
SLIDES: Where = "slides"


@dataclass(frozen=True)
class Panel:
    """One block of a page. name: its slide's key (unique on the page); title: the slide's
    title and, when heading is true, the subheader drawn above it (needed unless SCREEN)."""

    name: str
    draw: Callable[[slides.Deck], object]
    title: str | None = None
    where: Where = BOTH
    heading: bool = True
    width: float = 1.0  # share of its Row on the screen

    def __post_init__(self) -> None:
        if self.where not in (BOTH, SCREEN, SLIDES):
            raise ValueError(f"panel {self.name!r}: where must be both, screen or slides")
        if self.where != SCREEN and not self.title:
            raise ValueError(f"panel {self.name!r} is a slide and needs a title")

    def drawn(self, deck: slides.Deck) -> bool:
        """True when this panel is drawn in this run."""
        if deck.active:
            return self.where != SCREEN and deck.current_name == self.name
        return self.where != SLIDES

    def render(self, deck: slides.Deck) -> None:
        if self.heading and self.title:
            st.subheader(self.title)
        self.draw(deck)


@dataclass(frozen=True)
class Row:
    """Panels side by side on the screen; one slide each on the projector."""

    panels: tuple[Panel, ...]

    def __init__(self, *panels: Panel) -> None:
        object.__setattr__(self, "panels", panels)


@dataclass(frozen=True)
class Controls:
    """Widgets the panels below read. Drawn on the screen and above every slide but `skip`."""

    draw: Callable[[slides.Deck], object]
    skip: tuple[str, ...] = ()


@dataclass(frozen=True)
class StopIf:
    """Stop the page here when `when()` is true, after drawing `notice` (by default the
    "nothing matches the filters" notice)."""

    when: Callable[[], bool]
    notice: Callable[[], object] | None = None


Entry = Panel | Row | Controls | StopIf


def all_panels(entries: Sequence[Entry]) -> list[Panel]:
    """Every Panel of the list, rows unfolded, in page order."""
    out: list[Panel] = []
    for e in entries:
        if isinstance(e, Row):
            out.extend(e.panels)
        elif isinstance(e, Panel):
            out.append(e)
    return out


def deck_titles(entries: Sequence[Entry]) -> dict[str, str]:
    """The slides of the list in order, name -> title (panels on BOTH or SLIDES)."""
    found = all_panels(entries)
    names = [p.name for p in found]
    if len(set(names)) != len(names):
        raise ValueError(f"panel names repeat: {names}")
    return {p.name: str(p.title) for p in found if p.where != SCREEN}


def show(key: str, entries: Sequence[Entry]) -> slides.Deck:
    """Draw the page's panels: all of the screen's, or the current slide's (with its
    slide buttons) in presentation mode. Returns the deck."""
    deck = slides.Deck(key, deck_titles(entries))
    for e in entries:
        if isinstance(e, StopIf):
            if e.when():
                from ui import widgets

                (e.notice or widgets.no_match)()
                st.stop()
        elif isinstance(e, Controls):
            if not deck.active or deck.current_name not in e.skip:
                e.draw(deck)
        elif isinstance(e, Row) and not deck.active:
            for p, box in zip(e.panels, st.columns([p.width for p in e.panels]), strict=True):
                with box:
                    if p.drawn(deck):
                        p.render(deck)
        else:
            for p in all_panels([e]):
                if p.drawn(deck):
                    p.render(deck)
    return deck
