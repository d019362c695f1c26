"""The slide contract: every slide of every meeting page fits 1366x768 and 1920x1080 whole.

Measured with bounding boxes in a real Chromium (tests/browser/slidecheck.py): nothing of the
slide outside the viewport, no text cut by its box, no chart text outside its chart, no row or
bar name hidden or shortened, no labels on top of each other, no scrolling. Every slide is
also saved as a screenshot (artifacts/screenshots/slides/) for a person to look at.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.browser import slidecheck
from tests.browser.conftest import SCREENSHOTS, wait_idle
from ui import navigation

MEETING = [p.url_path for p in navigation.PAGES if p.group == "meeting"]
# (page, filter in the link, screenshot suffix): every meeting page, and the pages with a
# one-OPD deck filtered to one OPD (its own story: status, index parts, months, mix beside all
# OPDs, line beside a typical OPD). Desa Margamulya has months whose data never arrived and a
# partly received month.
BAPPEDA = "opd=Badan+Perencanaan+Pembangunan+Daerah&"
WALKS = [(path, "", "") for path in MEETING] + [
    ("", BAPPEDA, "_satu_opd"),
    ("keaktifan", BAPPEDA, "_satu_opd"),
    ("keaktifan", "opd=Desa+Margamulya&", "_desa_satu_opd"),
    ("jenis-konten", BAPPEDA, "_satu_opd"),
    ("tren", "opd=Desa+Margamulya&", "_desa_satu_opd"),
]


SIZES = [(1366, 768), (1920, 1080)]


def _walk_id(walk: tuple[str, str, str]) -> str:
    path, _query, suffix = walk
    return f"{path or 'ringkasan'}{suffix}"


# One test per walk and screen size, so that the workers share the walks.
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("walk", WALKS, ids=[_walk_id(w) for w in WALKS])
def test_every_slide_fits_the_screen(walk, size, app_url, page):
    path, query, suffix = walk
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    failures: dict[str, list[str]] = {}
    # The deck opens from its link at slide 1; the next slides are reached with the
    # "Berikutnya" button, as a presenter does (one session, no page reload per slide).
    page.goto(f"{app_url}/{path}?{query}presentasi=1&slide=1")
    page.wait_for_selector(".st-key-slide_nav", timeout=120_000)
    k, n = 1, 1
    while k <= n:
        if k > 1:
            nav = page.locator(".st-key-slide_nav")
            nav.get_by_role("button", name="Berikutnya").click()
            expect(nav).to_contain_text(f"Slide {k} dari {n}", timeout=120_000)
            assert f"slide={k}" in page.url, page.url
        wait_idle(page, 90)
        slidecheck.settle(page)
        n = slidecheck.slide_count(page) or 1
        assert page.query_selector('[data-testid="stException"]') is None, (path, k)
        name = f"{path or 'ringkasan'}{suffix}_{width}x{height}_{k}"
        page.screenshot(path=str(SCREENSHOTS / "slides" / f"{name}.png"))
        found = slidecheck.problems(page)
        if found:
            failures[name] = found
        k += 1
    # A deck has at least its summary slide and one chart.
    assert n >= 2, (path, query, n)
    assert not failures, "\n".join(f"{k}: {v[:6]}" for k, v in failures.items())


def test_the_checker_sees_a_cut_slide(app_url, page):
    # The same walk on a screen too short for a slide must fail: the check can fail.
    page.set_viewport_size({"width": 1024, "height": 420})
    page.goto(f"{app_url}/?presentasi=1&slide=1")
    page.wait_for_selector('[data-testid="stMetric"]', timeout=120_000)
    wait_idle(page, 90)
    time.sleep(1.0)
    found = slidecheck.problems(page)
    assert any("outside the screen" in p or "scrolls" in p for p in found), found
    # A table cut at its right edge: the screen view's ranking grid (ten columns) in a
    # 1024 px window scrolls sideways, which on a slide would hide its last columns.
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{app_url}/keaktifan")
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible(timeout=120_000)
    wait_idle(page, 90)
    found = slidecheck.problems(page)
    assert any(p.startswith("table cut sideways") for p in found), found
