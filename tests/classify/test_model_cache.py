"""The shipped model is fitted once and kept on disk under a key of everything it depends on:
the same inputs read the stored model (labelling exactly like the fitted one), changed
labelled captions fit again, a damaged file is fitted again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from etl.classify import model_cache, training
from etl.classify.textnorm import normalize_series

PER_LABEL = 12  # labelled captions per label: enough for 5 folds, quick to fit


@pytest.fixture
def small_shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """etl/rules/ copied with a small labelled set, the cache in tmp_path, fits counted."""
    rules = tmp_path / "rules"
    (rules / "labelled").mkdir(parents=True)
    shutil.copy(model_cache.RULES_DIR / "content_rules.json", rules / "content_rules.json")
    taken: dict[str, int] = {}
    lines = ["# label|figure|account_kind|region|caption"]
    for path in sorted((model_cache.RULES_DIR / "labelled").glob("[0-9]*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            label = line.split("|", 1)[0]
            if line.startswith("#") or not line.strip() or taken.get(label, 0) >= PER_LABEL:
                continue
            taken[label] = taken.get(label, 0) + 1
            lines.append(line)
    (rules / "labelled" / "01_kecil.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(model_cache, "RULES_DIR", rules)
    monkeypatch.setattr(training, "LABELLED_DIR", rules / "labelled")
    monkeypatch.setenv("PANTAU_MODEL_CACHE", str(tmp_path / "cache"))
    fits = {"n": 0}
    real_fit = training.fit_model

    def counting_fit(*args, **kwargs):  # the real fit, counted
        fits["n"] += 1
        return real_fit(*args, **kwargs)

    monkeypatch.setattr(training, "fit_model", counting_fit)
    training.shipped_model.cache_clear()
    yield {"fits": fits, "labelled": rules / "labelled" / "01_kecil.txt",
           "cache": tmp_path / "cache"}  # fmt: skip
    training.shipped_model.cache_clear()


def _fresh() -> None:
    """A new process: nothing fitted in memory."""
    training.shipped_model.cache_clear()


def test_fitted_once_then_read_from_disk_and_labels_alike(small_shipped) -> None:
    first = training.shipped_model()
    assert small_shipped["fits"]["n"] == 1
    assert len(list(small_shipped["cache"].glob("shipped-*.json"))) == 1
    _fresh()
    again = training.shipped_model()
    assert small_shipped["fits"]["n"] == 1  # read, not fitted
    assert again.data == first.data
    # ... and equal to a fit made now without the cache, score for score.
    _fresh()
    fitted = training.fit_shipped_model()
    assert json.loads(json.dumps(fitted.data)) == again.data
    text = normalize_series(pl.read_csv(Path(__file__).parent / "eval_set.csv")["caption"])
    a, b = fitted.predict(text), again.predict(text)
    assert a.equals(b)


def test_changed_training_captions_fit_again(small_shipped) -> None:
    first = training.shipped_model()
    key_before = model_cache.fingerprint()
    path = small_shipped["labelled"]
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("ucapan|"))
    lines[i] = lines[i].replace("ucapan|", "informasi|", 1)  # one caption relabelled
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _fresh()
    second = training.shipped_model()
    assert model_cache.fingerprint() != key_before
    assert small_shipped["fits"]["n"] == 2
    assert len(list(small_shipped["cache"].glob("shipped-*.json"))) == 2
    assert second.data != first.data


def test_damaged_file_is_fitted_again(small_shipped) -> None:
    first = training.shipped_model()
    (stored,) = small_shipped["cache"].glob("shipped-*.json")
    stored.write_text(stored.read_text(encoding="utf-8")[:500], encoding="utf-8")
    _fresh()
    again = training.shipped_model()
    assert small_shipped["fits"]["n"] == 2
    assert again.data == first.data
    assert json.loads(stored.read_text(encoding="utf-8")) == first.data


def test_the_key_covers_the_classifier_code_and_libraries(tmp_path: Path) -> None:
    files = {p.relative_to(model_cache.CLASSIFY_DIR.parent).as_posix()
             for p in model_cache.inputs()}  # fmt: skip
    assert {"classify/model.py", "classify/training.py", "classify/combine.py",
            "rules/content_rules.json"} <= files  # fmt: skip
    assert any(f.startswith("rules/labelled/") for f in files)
    code = tmp_path / "classify"
    code.mkdir()
    (code / "model.py").write_text("A = 1\n")
    before = model_cache.fingerprint((code,))
    (code / "model.py").write_text("A = 2\n")
    assert model_cache.fingerprint((code,)) != before
