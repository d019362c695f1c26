"""Fixtures for the loader tests (the master list and posts come from tests/factory.py)."""

from __future__ import annotations

import pytest

from etl.master import load_master
from tests.factory import SAMPLE_MASTER, write_master
from warehouse.db import connect


@pytest.fixture
def con():
    c = connect(":memory:")
    yield c
    c.close()


@pytest.fixture
def master_con(con, tmp_path):
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    return con


@pytest.fixture
def sample_con(tmp_path):
    """A warehouse file holding the bundled master list (tests.factory.SAMPLE_MASTER)."""
    c = connect(str(tmp_path / "w.duckdb"))
    load_master(c, SAMPLE_MASTER)
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _no_labels(request, monkeypatch):
    """Loader tests check the loader; labelling (etl.classify/etl.campaigns, tested by their
    owners) runs for real only in tests marked `with_labels`."""
    if "with_labels" not in request.keywords:
        monkeypatch.setattr("etl.recompute.label", lambda con, load_ids: None)
        monkeypatch.setattr("etl.classify.fresh.with_labels", lambda con, fresh, ids: fresh)


def pytest_configure(config):
    config.addinivalue_line("markers", "with_labels: run the real classify/campaign step")
