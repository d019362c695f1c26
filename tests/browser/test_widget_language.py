"""Streamlit's own widget texts read in the chosen language (ui/streamlit_texts.py): the file
uploader's button and size limit, and a select's "No results". Measured on what the browser
draws: the English text is sized 0 and our words are the drawn ::after content."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# What the page draws for an element: its own text when visible, else its ::after content.
_DRAWN = """(sel) => {
  const e = document.querySelector(sel);
  if (!e) return null;
  const own = parseFloat(getComputedStyle(e).fontSize) > 0 ? e.textContent.trim() : '';
  const after = getComputedStyle(e, '::after').content;
  const extra = after && after !== 'none' && after !== 'normal' ? JSON.parse(after) : '';
  return own + extra;
}"""
BUTTON = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
LIMIT = '[data-testid="stFileUploaderDropzoneInstructions"] span'
EMPTY = '[role="listbox"] [role="option"]:not([data-key]) > span'


def _drawn_is(page, selector: str, text: str) -> None:
    page.wait_for_function(
        f"([sel, want]) => ({_DRAWN})(sel) === want", arg=[selector, text], timeout=30000
    )


@pytest.mark.parametrize(
    ("lang", "button", "limit", "empty"),
    [
        ("id", "Pilih berkas", "Maks. 50 MB per berkas \u2022 CSV, XLSX, XLS, ZIP, TXT",
         "Tidak ada yang cocok"),
        ("en", "Choose files", "Max 50 MB per file \u2022 CSV, XLSX, XLS, ZIP, TXT",
         "Nothing matches"),
    ],
)  # fmt: skip
def test_uploader_and_select_speak_the_chosen_language(app_url, page, lang, button, limit, empty):
    page.goto(f"{app_url}/unggah?lang={lang}")
    # The first page of a fresh server warms its caches: wait for the uploader itself, long.
    expect(page.get_by_test_id("stFileUploaderDropzone").first).to_be_visible(timeout=180_000)
    _drawn_is(page, BUTTON, button)
    _drawn_is(page, LIMIT, limit)

    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").last
    box.locator("input").click()
    box.locator("input").fill("zzzz tidak ada")
    expect(page.locator(EMPTY)).to_have_count(1)
    _drawn_is(page, EMPTY, empty)
