"""The language the user chose: 'id' (Bahasa Indonesia, the default) or 'en'. Its own module
so that the labels (ui.i18n) and the number and date formats (ui.i18n_format) both read it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Each Streamlit session runs its script in its own thread: a pinned language is per thread.
_pinned = threading.local()


def current_lang() -> str:
    """'id' or 'en', from the session (ui.filters keeps it in sync with ?lang=)."""
    lang = getattr(_pinned, "lang", None)
    if lang is not None:
        return lang
    try:
        import streamlit as st

        lang = st.session_state.get("lang")
    except Exception:  # outside a Streamlit run (unit tests of this module)
        lang = None
    return "en" if lang in ("en", "English") else "id"


@contextmanager
def pinned() -> Iterator[str]:
    """Within the block current_lang() answers from one read of the session: a table formats
    thousands of cells, and each read of the session took longer than the formatting (a
    tenth of Keaktifan's rerun). Yields the language; the previous state is restored after."""
    before = getattr(_pinned, "lang", None)
    _pinned.lang = None
    _pinned.lang = current_lang()
    try:
        yield _pinned.lang
    finally:
        _pinned.lang = before
