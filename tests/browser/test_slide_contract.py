"""The slide contract: every slide of every meeting page fits 1366x768 and 1920x1080 whole.

Measured with bounding boxes in a real Chromium (tests/browser/slidecheck.py): nothing of the
slide outside the viewport, no text cut by its box, no chart text outside its chart, no row or
bar name hidden or shortened, no labels on top of each other, no scrolling. Every slide is
also saved as a screenshot (artifacts/screenshots/slides/) for a person to look at.
"""

from __future__ import annotations

import time

import pytest

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


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_every_slide_fits_the_screen(size, app_url, page):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    failures: dict[str, list[str]] = {}
    walked = 0
    for path, query, suffix in WALKS:
        k, n = 1, 1
        while k <= n:
            page.goto(f"{app_url}/{path}?{query}presentasi=1&slide={k}")
            page.wait_for_selector(".st-key-slide_nav", timeout=120_000)
            wait_idle(page, 90)
            time.sleep(1.0)  # vega lays a chart out again once its container has its size
            wait_idle(page, 90)
            n = slidecheck.slide_count(page) or 1
            assert page.query_selector('[data-testid="stException"]') is None, (path, k)
            name = f"{path or 'ringkasan'}{suffix}_{width}x{height}_{k}"
            page.screenshot(path=str(SCREENSHOTS / "slides" / f"{name}.png"))
            found = slidecheck.problems(page)
            if found:
                failures[name] = found
            walked += 1
            k += 1
    assert walked >= 2 * len(MEETING), walked
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
