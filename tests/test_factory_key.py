"""The sample warehouse's cache key changes with its sources and only with them: files the
tests themselves write under warehouse/ (the fitted model's cache, backups) must not change
it, or a worker starting after the first model fit builds the whole sample again."""

from __future__ import annotations

from tests import factory


def _key(monkeypatch, root) -> str:
    monkeypatch.setattr(factory, "ROOT", root)
    factory.sources_key.cache_clear()
    try:
        return factory.sources_key()
    finally:
        factory.sources_key.cache_clear()


def test_written_caches_do_not_change_the_key_but_sources_do(tmp_path, monkeypatch):
    for top in factory.SAMPLE_SOURCES:
        (tmp_path / top).mkdir()
    (tmp_path / "etl" / "load.py").write_text("x = 1\n")
    before = _key(monkeypatch, tmp_path)
    for d in ("model_cache", "backups"):
        (tmp_path / "warehouse" / d).mkdir()
        (tmp_path / "warehouse" / d / "f.json").write_text("{}")
    assert _key(monkeypatch, tmp_path) == before
    (tmp_path / "etl" / "load.py").write_text("x = 2\n")
    assert _key(monkeypatch, tmp_path) != before
