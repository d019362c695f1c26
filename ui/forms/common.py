"""What every form shares: a cursor on the cached handle, and who is working."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from ui import data, i18n, import_queue


@contextmanager
def cursor() -> Iterator[Any]:
    """A cursor of the cached handle for one write (closed afterwards)."""
    # Every write from any session takes its turn (ui/import_queue.py): two uploads at once
    # on the one shared connection otherwise conflict inside DuckDB.
    with import_queue.turn():
        cur = data.con().cursor()
        try:
            yield cur
        finally:
            cur.close()


def user() -> str:
    """Who is working: recorded on loads, label corrections and rule versions. Logged in: the
    account's full name (never a typed one); single-user mode: the name typed in who()."""
    from ui import auth

    return auth.principal().display_name


def current_user() -> str:
    """The analyst's name as recorded (for other UI modules)."""
    return user()


def who() -> None:
    """The analyst's name for the records (kept for the session, across pages). Logged in, the
    name comes from the account: shown, not asked."""
    from ui import auth

    if not auth.single_user():
        st.caption(
            i18n.tr(
                f"Dicatat atas nama **{user()}** (akun yang masuk).",
                f"Recorded as **{user()}** (the logged-in account).",
            )
        )
        return
    name = st.text_input(
        i18n.tr("Nama petugas", "Your name"),
        value=st.session_state.get("_analyst", ""),
        placeholder=i18n.tr("mis. Rina (Diskominfo)", "e.g. Rina (Diskominfo)"),
        help=i18n.tr(
            "Dicatat di riwayat pemuatan, koreksi label dan versi aturan.",
            "Recorded in the load history, label corrections and rule versions.",
        ),
        key="analyst_name_input",
    )
    st.session_state["_analyst"] = name.strip()
