"""One writer at a time across every browser session of this server, with a visible queue.

Sessions share one DuckDB connection (ui/data.py); two write transactions on its cursors at
once conflict (a load failed with "cannot rollback - no transaction is active", or a duplicate
rule-set version). Every write from the UI takes its turn here: a session that has to wait
sees its place in the queue, refreshed every half second, then runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from ui import i18n

_LOCK = threading.RLock()  # re-entrant: a write may call another helper that writes
_STATE = threading.Lock()
_waiting: list[int] = []  # thread ids in arrival order


def waiting() -> int:
    """Sessions waiting for their turn now."""
    with _STATE:
        return len(_waiting)


@contextmanager
def turn(poll_seconds: float = 0.5) -> Iterator[None]:
    """Hold the writer's turn for the block; shows the queue position while waiting."""
    if _LOCK.acquire(blocking=False):
        try:
            yield
        finally:
            _LOCK.release()
        return
    me = threading.get_ident()
    with _STATE:
        _waiting.append(me)
    box = st.empty()
    try:
        while not _LOCK.acquire(timeout=poll_seconds):
            with _STATE:
                ahead = _waiting.index(me) + 1
            box.info(
                i18n.tr(
                    f"Menunggu giliran: pengguna lain sedang memuat atau mengubah data "
                    f"(antrean ke-{ahead}). Halaman ini lanjut sendiri.",
                    f"Waiting for your turn: another user is loading or changing data "
                    f"(queue position {ahead}). This page continues by itself.",
                ),
                icon=":material/hourglass_top:",
            )
    finally:
        with _STATE:
            _waiting.remove(me)
        box.empty()
    try:
        yield
    finally:
        _LOCK.release()
