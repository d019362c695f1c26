"""A mistyped address is recognised as no page of the app (app.py then opens the main page
with a notice in Bahasa Indonesia instead of Streamlit's English "Page not found")."""

from __future__ import annotations

from ui import navigation

KNOWN = {p.url_path for p in navigation.PAGES}


def test_a_mistyped_page_name_is_named():
    assert navigation.unknown_page("http://localhost:8501/ringkasn", KNOWN) == "ringkasn"
    assert navigation.unknown_page("http://h/ringkasn?opd=Dinkes&presentasi=1", KNOWN) == "ringkasn"
    # Served below a prefix: the last segment is the page.
    assert navigation.unknown_page("https://kominfo.go.id/pantau/tren-x/", KNOWN) == "tren-x"


def test_real_pages_the_root_and_unservable_names_are_left_alone():
    for path in KNOWN:
        assert navigation.unknown_page(f"http://localhost:8501/{path}?slide=2", KNOWN) is None
    assert navigation.unknown_page("http://localhost:8501/", KNOWN) is None
    assert navigation.unknown_page("http://localhost:8501", KNOWN) is None
    assert navigation.unknown_page(None, KNOWN) is None
    assert navigation.unknown_page(f"http://h/{navigation.ROOT_PAGE_URL_PATH}", KNOWN) is None
    # A name st.Page could not serve (spaces, quotes) stays Streamlit's to answer.
    assert navigation.unknown_page("http://h/ring%20kasan", KNOWN) is None
    assert navigation.unknown_page("http://h/%3Cscript%3E", KNOWN) is None
