"""A page declares its panels once: the deck (slides and their titles) and what the screen
draws both come from that list, and no page keeps a screen or slide branch of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui import navigation
from ui.panels import BOTH, SCREEN, SLIDES, Controls, Panel, Row, StopIf, all_panels, deck_titles

ROOT = Path(__file__).resolve().parents[2]


class FakeDeck:
    """What Panel.drawn reads of a ui.slides.Deck."""

    def __init__(self, active: bool, current_name: str = "") -> None:
        self.active = active
        self.current_name = current_name


def _noop(deck) -> None:
    return None


PAGE = [
    Panel("kpi", _noop, "Angka utama", SLIDES),
    Panel("table", _noop, where=SCREEN),
    StopIf(lambda: False),
    Controls(_noop, skip=("kpi",)),
    Row(Panel("trend", _noop, "Tren"), Panel("mix", _noop, "Komposisi", width=2)),
    Panel("year", _noop, "Tahun lalu", BOTH),
]


def test_the_deck_is_the_list_without_the_screen_panels():
    assert deck_titles(PAGE) == {
        "kpi": "Angka utama",
        "trend": "Tren",
        "mix": "Komposisi",
        "year": "Tahun lalu",
    }
    assert [p.name for p in all_panels(PAGE)] == ["kpi", "table", "trend", "mix", "year"]


def test_where_a_panel_is_drawn():
    screen = FakeDeck(active=False)
    drawn = [p.name for p in all_panels(PAGE) if p.drawn(screen)]
    assert drawn == ["table", "trend", "mix", "year"]
    for name in ("kpi", "trend", "mix", "year"):
        slide = FakeDeck(active=True, current_name=name)
        assert [p.name for p in all_panels(PAGE) if p.drawn(slide)] == [name]
    # A screen panel never shows on a slide, even when its name is asked for.
    assert not Panel("table", _noop, where=SCREEN).drawn(FakeDeck(True, "table"))


def test_a_declaration_that_cannot_be_drawn_is_refused():
    with pytest.raises(ValueError, match="needs a title"):
        Panel("chart", _noop)  # a slide without a title
    with pytest.raises(ValueError, match="where"):
        Panel("chart", _noop, "Judul", "projector")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="repeat"):
        deck_titles([Panel("a", _noop, "A"), Row(Panel("a", _noop, "B"))])


# What a page's own screen/slide branch looks like: the panel list says where instead.
BRANCHES = re.compile(r"\bdeck\.show\(|slides\.Deck\(|\bif (not )?big\b|deck\.current_name ==")
# The report bar sits above the one-OPD view, which stops the page before its panel list.
ALLOWED = {("ringkasan", "if not big:")}


@pytest.mark.parametrize(
    "key", [p.key for p in navigation.PAGES if p.group == "meeting"] + ["kelengkapan"]
)
def test_meeting_pages_draw_from_one_panel_list(key):
    text = (ROOT / navigation.FOLDER / f"{key}.py").read_text(encoding="utf-8")
    assert re.search(r"^show\(\s*\"" + key + '"', text, re.M), "the page's panels: one show()"
    found = [
        line.strip()
        for line in text.splitlines()
        if BRANCHES.search(line) and (key, line.strip()) not in ALLOWED
    ]
    assert found == []
