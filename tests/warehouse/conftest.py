"""Fixtures shared by the warehouse tests."""

from __future__ import annotations

import pytest

from tests import factory
from warehouse.db import connect


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A private copy of the bundled sample warehouse (tests.factory.sample_warehouse, built once
    per run), opened for the module: the old and new statements of a speed change are compared
    on it."""
    con = connect(factory.private_copy(factory.sample_warehouse(), tmp_path_factory.mktemp("s")))
    yield con
    con.close()
