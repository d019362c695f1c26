"""The language the user chose: 'id' (Bahasa Indonesia, the default) or 'en'. Its own module
so that the labels (ui.i18n) and the number and date formats (ui.i18n_format) both read it."""

from __future__ import annotations


def current_lang() -> str:
    """'id' or 'en', from the session (ui.filters keeps it in sync with ?lang=)."""
    try:
        import streamlit as st

        lang = st.session_state.get("lang")
    except Exception:  # outside a Streamlit run (unit tests of this module)
        lang = None
    return "en" if lang in ("en", "English") else "id"
