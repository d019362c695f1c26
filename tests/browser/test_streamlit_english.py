"""Streamlit's own tooltips and screen-reader labels read in Bahasa Indonesia at 1366x768
(ui/streamlit_texts.py and .js): the toolbar of a table and of a chart ("Show/hide columns",
"Search", "Download as CSV", "Fullscreen", "Show data", ...), the sidebar's and the menu's
labels, a help icon's "Help for ...", a select's placeholder and Vega's axis and legend
sentences. In English every one of them is Streamlit's original."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ui.streamlit_texts import UI_PREFIXES, UI_TEXTS

pytestmark = pytest.mark.browser

# Every aria-label, title and placeholder in the page, and every tooltip's text.
_LABELS = """() => {
  const out = [];
  for (const e of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = e.getAttribute(a);
      if (v) out.push(v);
    }
  }
  for (const t of document.querySelectorAll('[data-testid="stTooltipContent"]')) {
    out.push(t.textContent.trim());
  }
  return out;
}"""
# Streamlit's and Vega's English, as the frontend writes it.
_VEGA = re.compile(r"^[XY]-axis |^(Gradient|Symbol|Discrete) legend | icon$|\(year-month")


def _english(labels: list[str]) -> list[str]:
    found = []
    for v in labels:
        head = v.split(": ")[0]
        if (
            v in UI_TEXTS
            or head in UI_TEXTS
            or _VEGA.search(v)
            or any(v.startswith(p) for p in UI_PREFIXES)
        ):
            found.append(v)
    return found


def _open(page, url: str) -> None:
    page.goto(url)
    # The first page of a fresh server warms its caches: wait for a table and a chart.
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=180_000)
    expect(page.locator('[data-testid="stVegaLiteChart"] svg').first).to_be_visible(timeout=60_000)


def _tooltip_of(page, button, text: str) -> None:
    """Hover a toolbar button and wait for its tooltip to say `text`."""
    button.hover()
    expect(page.get_by_test_id("stTooltipContent")).to_have_text(text, timeout=10_000)
    page.mouse.move(0, 0)
    expect(page.get_by_test_id("stTooltipContent")).to_have_count(0, timeout=10_000)


def test_streamlit_controls_speak_indonesian(app_url, page):
    _open(page, f"{app_url}/keaktifan")
    table = page.get_by_test_id("stDataFrame").first
    table.hover()
    for label in ("Tampilkan/sembunyikan kolom", "Cari", "Layar penuh"):
        # The first table's toolbar (the ranking at the top of the page).
        button = page.locator(f'button[aria-label^="{label}"]').first
        expect(button).to_be_attached()
        table.hover()
        _tooltip_of(page, button, label)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    # In the middle of the screen: a toolbar right under the sticky header cannot be hovered.
    chart.evaluate("(e) => e.scrollIntoView({block: 'center'})")
    chart.hover()
    chart_bar = page.get_by_test_id("stElementToolbar").filter(
        has=page.locator('button[aria-label^="Tampilkan data"]')
    )
    expect(chart_bar.first).to_be_visible()
    _tooltip_of(
        page, chart_bar.first.locator('button[aria-label^="Tampilkan data"]'), "Tampilkan data"
    )
    # The sweep: nothing in Streamlit's or Vega's English anywhere in the page.
    page.wait_for_function(
        f"() => ({_LABELS})().some((v) => v.startsWith('Sumbu ') || v.startsWith('Legenda '))",
        timeout=30_000,
    )
    assert _english(page.evaluate(_LABELS)) == []
    expect(page.locator('[aria-label^="Bantuan untuk Mode presentasi"]')).to_have_count(1)


def test_english_readers_get_streamlits_own_words(app_url, page):
    # The same controls in English: the originals come back (and the sweep above can fail).
    _open(page, f"{app_url}/keaktifan?lang=en")
    page.get_by_test_id("stDataFrame").first.hover()
    expect(page.locator('button[aria-label^="Fullscreen"]').first).to_be_attached()
    english = _english(page.evaluate(_LABELS))
    assert "Show/hide columns" in [v.split(": ")[0] for v in english]
    assert any(v.startswith(("X-axis", "Y-axis")) for v in english)
