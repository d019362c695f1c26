"""What a post's label is computed from besides its caption and logbook label: its basis.

A label is a function of the post's caption and logbook label (each caption is labelled alone:
no other caption of the batch changes it), the classifier's code and libraries, the rule set
and the active model. The basis is a 64-bit hash of the last three, stored on every labelled
post (posts.label_basis, migration 205). A re-exported post whose caption and logbook label
did not change keeps its stored label (etl.recompute.newest_posts carries it), and the loader
labels it again only when its basis is not the current one: a new rule set, another active
model, a changed vocabulary or classifier file, another library version relabels it.
Analysts' corrections are not part of a label (label_override, applied by v_posts).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from importlib import metadata
from pathlib import Path

from etl.classify.rules import Rules

# Code a label depends on outside etl/classify/ and etl/rules/ (model_cache.fingerprint reads
# those two): the day and month names of the model's date lines, the label codes.
_MORE_FILES = (Path(__file__).resolve().parents[2] / "warehouse" / "vocabulary.py",)
# Libraries of the caption normalization (model_cache.fingerprint names the numeric ones).
_MORE_LIBRARIES = ("anyascii", "confusable-homoglyphs")


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 (hex) of the classifier's code, data and libraries: model_cache.fingerprint()
    (etl/classify/, etl/rules/, Python, numpy, scipy, scikit-learn, polars) and _MORE_FILES,
    _MORE_LIBRARIES. Once per process: the code does not change while it runs."""
    from etl.classify.model_cache import fingerprint

    h = hashlib.sha256(fingerprint().encode())
    h.update(f"python {sys.version}\n".encode())
    for lib in _MORE_LIBRARIES:
        h.update(f"{lib} {metadata.version(lib)}\n".encode())
    for p in _MORE_FILES:
        data = p.read_bytes()
        h.update(f"{p.name} {len(data)}\n".encode() + data)
    return h.hexdigest()


def label_basis(rules: Rules, model_version: int | None, model_digest: str | None) -> int:
    """The basis of labels computed now: a signed 64-bit integer (posts.label_basis is BIGINT)
    hashed from code_fingerprint(), the rule set's version and content (Rules.key), the active
    model's version and the SHA-1 of its stored JSON text (None, None: the rules alone)."""
    text = f"{code_fingerprint()}|{rules.version}|{rules.key}|{model_version}|{model_digest}"
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big", signed=True)
