"""Warehouses for the app tests.

`sample_db`: the fictional kabupaten from sample_data/, built once for all workers and runs
(tests/factory.py), copied once per worker.
`empty_db`: a migrated warehouse with no OPD and no post.
Each test points PANTAU_DB at one of them; PANTAU_BOOTSTRAP=0 keeps app.py from filling it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests import factory
from ui import navigation
from warehouse import settings
from warehouse.db import connect

APP = str(Path(__file__).resolve().parents[2] / "app.py")

# The app's own page list (ui/navigation.py, what app.py navigates): key -> script path.
PAGES = {spec.key: spec.path for spec in navigation.PAGES}


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """This worker's copy of the sample warehouse (built once per sources, tests/factory.py)."""
    return factory.private_copy(factory.sample_warehouse(), tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory) -> Path:
    return factory.empty_warehouse(tmp_path_factory.mktemp("empty") / "pantau.duckdb")


@pytest.fixture
def copy_db(sample_db, tmp_path) -> Path:
    """A private copy of the sample warehouse for tests that write."""
    return factory.private_copy(sample_db, tmp_path)


@pytest.fixture
def use_db(monkeypatch):
    def _use(path: Path) -> Path:
        monkeypatch.setenv("PANTAU_DB", str(path))
        monkeypatch.setenv("PANTAU_BOOTSTRAP", "0")
        return path

    return _use


def default_period(path: Path) -> tuple[dt.date, dt.date]:
    """The sidebar's default period, computed here independently: the last 6 calendar months
    up to the month of the newest post, whole months."""
    con = connect(path)
    try:
        last = con.execute("SELECT max(published_at)::DATE FROM posts").fetchone()[0]
        first = con.execute("SELECT min(published_at)::DATE FROM posts").fetchone()[0]
    finally:
        con.close()
    y, m = last.year, last.month - 5
    while m < 1:
        y, m = y - 1, m + 12
    start = max(dt.date(y, m, 1), first.replace(day=1))
    nxt = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


__all__ = ["APP", "PAGES", "settings"]
