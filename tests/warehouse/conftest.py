"""The hand-computable warehouse of tests/factory.py as a fixture."""

from __future__ import annotations

import pytest

from tests.factory import ACCOUNTS, JAN, OPDS, POSTS, hand_warehouse

__all__ = ["ACCOUNTS", "JAN", "OPDS", "POSTS", "hand_warehouse"]


@pytest.fixture()
def wh():
    con = hand_warehouse()
    yield con
    con.close()
