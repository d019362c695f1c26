"""Fixtures shared by every test folder (what they build lives in tests/factory.py)."""

from __future__ import annotations

import pytest

from tests.factory import hand_warehouse


@pytest.fixture()
def wh():
    """The hand-computable warehouse (tests/factory.py), in memory."""
    con = hand_warehouse()
    yield con
    con.close()
