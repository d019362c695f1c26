"""The shipped model, fitted once per machine and kept on disk (fitting takes 10 to 15 s).

A fitted model depends on the labelled captions, the shipped rules (its thresholds are chosen
against them), the classifier's own code and the numeric libraries. The cache key is a SHA-256
over all of them: every file under etl/classify/ and etl/rules/ (the labelled captions and the
rules), the versions of Python, numpy, scipy, scikit-learn and polars. Any change gives a new
key, so a stale model is never read: the model is fitted again and stored under the new key.
The file is the model's JSON document, the same text the warehouse keeps in model_set; JSON
gives floats back exactly, so a cached model labels exactly like the one just fitted.

Where: $PANTAU_MODEL_CACHE, else warehouse/model_cache/ (settings.MODEL_CACHE_DIR). A
directory that cannot be written only costs the fit again next time (a warning says so).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import warnings
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from etl.classify.model import FORMAT, Model
from warehouse.settings import model_cache_dir

CLASSIFY_DIR = Path(__file__).resolve().parent
RULES_DIR = CLASSIFY_DIR.parent / "rules"
LIBRARIES = ("numpy", "scipy", "scikit-learn", "polars")


def inputs(roots: tuple[Path, ...] | None = None) -> list[Path]:
    """Every file a fitted model may depend on, in a fixed order (caches left out); roots
    default to etl/classify/ and etl/rules/."""
    roots = roots or (CLASSIFY_DIR, RULES_DIR)
    return sorted(
        p
        for root in roots
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def fingerprint(roots: tuple[Path, ...] | None = None) -> str:
    """SHA-256 (hex) of the model format, the library versions and every input file (its
    path below its root and its bytes); roots as for inputs()."""
    roots = roots or (CLASSIFY_DIR, RULES_DIR)
    h = hashlib.sha256()
    h.update(f"format {FORMAT}; python {sys.version_info[:3]}\n".encode())
    for lib in LIBRARIES:
        h.update(f"{lib} {metadata.version(lib)}\n".encode())
    for root in roots:
        for p in inputs((root,)):
            data = p.read_bytes()
            h.update(f"{p.relative_to(root).as_posix()} {len(data)}\n".encode())
            h.update(data)
    return h.hexdigest()


def cached_model(
    name: str,
    fit: Callable[[], Model],
    *,
    key: str | None = None,
    directory: Path | None = None,
) -> Model:
    """The model stored as `name`-<key>.json, else fit() stored there first. key defaults to
    fingerprint(). An unreadable or damaged file is fitted again and replaced."""
    key = key or fingerprint()
    folder = directory or model_cache_dir()
    path = folder / f"{name}-{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("format") == FORMAT and data.get("features"):
            return Model(data)
    except (OSError, ValueError):
        pass
    model = fit()
    text = json.dumps(model.data)
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)  # atomic: a reader never sees half a file
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        warnings.warn(
            f"Model bawaan tidak dapat disimpan di {folder} ({exc.strerror}); "
            "model akan dilatih ulang pada awal berikutnya.",
            stacklevel=2,
        )
    # The same JSON text the cache and the warehouse hold, so every caller labels alike.
    return Model(json.loads(text))


if __name__ == "__main__":  # `python -m etl.classify.model_cache`: fit at install time
    from etl.classify.training import shipped_model

    shipped_model()
    print(f"model bawaan siap ({model_cache_dir()})")
