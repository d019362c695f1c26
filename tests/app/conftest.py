"""Warehouses for the app tests, built once per test session.

`sample_db`: the fictional kabupaten from sample_data/ (etl.bootstrap.ensure_warehouse).
`empty_db`: a migrated warehouse with no OPD and no post.
Each test points PANTAU_DB at one of them; PANTAU_BOOTSTRAP=0 keeps app.py from filling it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from warehouse import settings
from warehouse.db import connect

APP = str(Path(__file__).resolve().parents[2] / "app.py")

PAGES = {
    "ringkasan": "app_pages/ringkasan.py",
    "keaktifan": "app_pages/keaktifan.py",
    "konten": "app_pages/konten.py",
    "tren": "app_pages/tren.py",
    "kampanye": "app_pages/kampanye.py",
    "unggah": "app_pages/unggah.py",
    "kelengkapan": "app_pages/kelengkapan.py",
    "pengaturan": "app_pages/pengaturan.py",
}


def build_sample(path: Path) -> Path:
    """The bundled fictional kabupaten, built the way the app's first start builds it."""
    from etl.bootstrap import ensure_warehouse

    assert ensure_warehouse(path), "sample_data/ did not build a warehouse"
    return path


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample") / "pantau.duckdb")


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "pantau.duckdb"
    connect(path).close()
    return path


@pytest.fixture
def copy_db(sample_db, tmp_path) -> Path:
    """A private copy of the sample warehouse for tests that write."""
    target = tmp_path / "pantau.duckdb"
    shutil.copy(sample_db, target)
    return target


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
