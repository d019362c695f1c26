"""Login in a real browser on a network bind: the login form first, a wrong password refused,
an operator's navigation without the analysts' pages, and an operator following a link to
another OPD's posts (?opd=...) seeing none of them while an analyst sees them."""

from __future__ import annotations

import urllib.parse

import pytest

from tests.app.access_helpers import PASSWORD, add_accounts, busiest_opds
from tests.browser.conftest import _require_browser, served
from tests.factory import private_copy, sample_warehouse

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def net_app(tmp_path_factory):
    """`streamlit run app.py` bound to every interface (login required), with one account per
    role in its warehouse. Yields (url, own OPD name, other OPD name)."""
    _require_browser()
    db = private_copy(sample_warehouse(), tmp_path_factory.mktemp("net"))
    add_accounts(db)
    (_, own), (_, other) = busiest_opds(db)
    with served(db, tmp_path_factory.mktemp("netlog"), address="0.0.0.0") as url:
        yield url, own, other


def _login(page, username: str, password: str) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name="Masuk")).to_be_visible(timeout=60000)
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def test_wrong_password_refused_then_operator_sees_only_own_pages(net_app, browser):
    from playwright.sync_api import expect

    url, own, _ = net_app
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    page = ctx.new_page()
    try:
        page.goto(url)
        _login(page, "uji_operator", "bukan-sandinya-sama-sekali")
        expect(page.get_by_text("Nama pengguna atau kata sandi salah.")).to_be_visible(
            timeout=60000
        )
        _login(page, "uji_operator", PASSWORD)
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text("Uji Operator")).to_be_visible(timeout=60000)
        expect(sidebar.get_by_text(own).first).to_be_visible()
        nav = page.locator('[data-testid="stSidebarNav"]')
        expect(nav.get_by_text("Unggah Data")).to_be_visible()
        expect(nav.get_by_text("Pengaturan")).to_have_count(0)
        expect(nav.get_by_text("Pengguna & Audit")).to_have_count(0)
    finally:
        ctx.close()


@pytest.mark.parametrize("role", ["operator", "analis"])
def test_link_to_another_opds_posts(net_app, browser, role):
    from playwright.sync_api import expect

    url, _, other = net_app
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    page = ctx.new_page()
    try:
        # The link an operator was sent, for the Jenis Konten page of another OPD.
        page.goto(f"{url}/jenis-konten?opd={urllib.parse.quote_plus(other)}")
        _login(page, f"uji_{role}", PASSWORD)
        expect(page.get_by_role("heading", name="Jenis Konten")).to_be_visible(timeout=90000)
        examples = page.get_by_text("Tidak ada contoh")
        if role == "operator":
            expect(examples).to_be_visible(timeout=90000)
        else:  # the same link shows an analyst that OPD's example posts
            expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible(timeout=90000)
            expect(examples).to_have_count(0)
        assert page.query_selector('[data-testid="stException"]') is None
    finally:
        ctx.close()
