"""What a filter change runs again, in the app itself: the queries whose arguments carry the
page's Filters (ui.data caches every query per data version and arguments), and the data-version
read once per rerun; the sidebar's options and the data end come from the cache.
benchmarks/page_queries.py's total "after a filter change" counts exactly those calls
(_keyed_by_filters): this test holds that total to what the app does."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.app.test_pages import run_page
from ui import data
from warehouse.queries import options

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from page_queries import _keyed_by_filters  # noqa: E402


@pytest.mark.parametrize("page", ["ringkasan", "keaktifan"])
def test_a_filter_change_runs_only_the_calls_keyed_by_the_filters(
    copy_db, use_db, monkeypatch, page
):
    use_db(copy_db)
    data.clear_all()
    data._data_end.clear()
    asked: list[tuple[str, tuple, dict]] = []
    ran: list[str] = []
    real = data._run_cached

    def spy(name: str, v: Any, viewer: Any, _fn: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append((name, args, kwargs))

        def executed(*a: Any, **k: Any) -> Any:
            ran.append(name)
            return _fn(*a, **k)

        # The cache key leaves `_fn` out (leading underscore): the wrapper runs on a miss only.
        return real(name, v, viewer, executed, *args, **kwargs)

    versions: list[int] = []
    real_version = options.data_version

    def version_read(con: Any) -> int:
        versions.append(1)
        return real_version(con)

    monkeypatch.setattr(data, "_run_cached", spy)
    monkeypatch.setattr(options, "data_version", version_read)
    at = run_page(page)
    assert not at.exception
    asked.clear()
    ran.clear()
    versions.clear()
    box = at.multiselect(key="platform")
    assert box.options, "the sample has platforms to choose"
    box.select(box.options[0]).run()
    assert not at.exception
    keyed = {name for name, args, kwargs in asked if _keyed_by_filters(args, kwargs)}
    not_keyed = {name for name, args, kwargs in asked if not _keyed_by_filters(args, kwargs)}
    assert keyed, asked
    assert not_keyed, "the sidebar's options are asked on every rerun"
    # Every call keyed by the filters ran again; none of the others did.
    assert set(ran) == keyed, set(ran) ^ keyed
    assert not (set(ran) & not_keyed)
    # The data version is read once in the rerun.
    assert len(versions) == 1
