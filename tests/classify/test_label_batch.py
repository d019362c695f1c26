"""The faster labelling of a batch gives what the code at 95b6d4c gave, row for row.

The reference is tests/classify/labels_95b6d4c.py (the old reason chain and the old removal of
phrases inside another label's phrase, word for word). Every comparison runs the whole labelling
(normalization, rules, model, explanation, combination) once with the current functions and
once with the old ones swapped in, and wants equal frames: labels, sources, reasons, figure
flags and explanations, with their types and nulls.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import etl.classify.engine as engine
from etl.classify import matching
from etl.classify.engine import classify_normalized, label_captions
from etl.classify.rules import default_rules
from etl.classify.textnorm import normalize_series
from etl.classify.training import shipped_model
from etl.classify.vocab import CONTENT_TYPES
from tests.classify import labels_95b6d4c as old

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _csv_captions(name: str) -> list[str]:
    return pl.read_csv(HERE / name)["caption"].to_list()


@contextmanager
def _old_code() -> Iterator[None]:
    """The 95b6d4c reason chain and phrase removal in place of the current ones."""
    real_cn, real_drop = engine.classify_normalized, matching._drop_phrases_inside_other_labels
    engine.classify_normalized = old.classify_normalized_old
    matching._drop_phrases_inside_other_labels = old.drop_phrases_old
    try:
        yield
    finally:
        engine.classify_normalized = real_cn
        matching._drop_phrases_inside_other_labels = real_drop


def _both(captions: list[str | None], *, model: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    caps = pl.Series("caption", captions, dtype=pl.String)
    rules, m = default_rules(), shipped_model() if model else None
    got = label_captions(caps, rules, m)
    with _old_code():
        want = label_captions(caps, rules, m)
    return got, want


def _rule_columns(captions: list[str | None]) -> tuple[pl.DataFrame, pl.DataFrame]:
    text = normalize_series(pl.Series(captions, dtype=pl.String))
    rules = default_rules()
    got = classify_normalized(text, rules)
    with _old_code():
        want = old.classify_normalized_old(text, rules)
    return got, want


_EVAL = _csv_captions("eval_set.csv")
_INDEPENDENT = _csv_captions("independent_test.csv")
_WORDS = sorted({w for c in _EVAL for w in c.split()})
# Non-ASCII a caption holds: emoji (with joiners and keycaps), caption "fonts", accents,
# Arabic, dashes and quotes, invisible characters.
_ODD = "😀🙏🏻👨‍👩‍👧1️⃣🇮🇩📍🗓️ꜱᴇʟᴀᴍᴀᴛ𝐒𝐞𝐥𝐚𝐦𝐚𝐭ѕєℓαмαтÀéñüالسلام–—“”’\u00a0\u00ad\u200b"
_word = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(["the", "and", "happy", "birthday", "meeting", "service", "update"]),
    st.text(_ODD, min_size=1, max_size=4),
    st.text(min_size=1, max_size=6),
)
_sep = st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". ", " #", " @"])
_made = st.lists(st.tuples(_word, _sep), max_size=40).map(lambda ws: "".join(a + b for a, b in ws))
_caption = st.one_of(
    st.sampled_from(_EVAL + _INDEPENDENT),
    _made,
    st.just(""),
    st.none(),
    # very long: several real captions run together, each maybe with made text between
    st.lists(st.one_of(st.sampled_from(_EVAL), _made), min_size=5, max_size=30).map("\n".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_caption, min_size=1, max_size=30), st.booleans())
def test_labels_equal_the_old_code_on_made_captions(captions, model) -> None:
    got, want = _both(captions, model=model)
    assert_frame_equal(got, want)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_caption, min_size=1, max_size=30))
def test_rule_columns_equal_the_old_code(captions) -> None:
    got, want = _rule_columns(captions)
    assert_frame_equal(got, want)


@pytest.mark.parametrize("model", [True, False])
def test_labels_equal_the_old_code_on_every_shipped_caption(model) -> None:
    captions = [*_EVAL, *_INDEPENDENT, "", None]
    got, want = _both(captions, model=model)
    assert_frame_equal(got, want)
    # the paths being compared are taken: reasons with a lost greeting, figure reasons,
    # explanations of the model
    assert got["content_reason"].str.contains("; kalah: ucapan: ").any()
    assert got["figure_reason"].is_not_null().any()


def _bench_captions(n: int) -> list[str]:
    """Captions the way benchmarks/province_data.py writes them (its own function)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location(
            "province_data", ROOT / "benchmarks" / "province_data.py"
        )
        assert spec is not None and spec.loader is not None
        pdata = importlib.util.module_from_spec(spec)
        sys.modules.setdefault("province_data", pdata)  # its dataclass looks itself up
        spec.loader.exec_module(pdata)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    import datetime as dt
    import random

    rng = random.Random(7)
    opds = pdata.opds(5)
    day = dt.datetime(2026, 3, 1, 9)
    return [pdata._caption(rng, opds[i % 5], day + dt.timedelta(hours=i)) for i in range(n)]


def test_labels_equal_the_old_code_on_benchmark_captions() -> None:
    got, want = _both(_bench_captions(3000), model=True)
    assert_frame_equal(got, want)


# Phrases of several labels, some inside others, for the removal alone.
_PHRASES = [
    "rapat", "rapat sosialisasi", "sosialisasi", "mohon maaf", "maaf", "hoaks",
    "waspada", "waspada penipuan", "penipuan", "realisasi", "realisasi desa", "desa",
    "capaian", "capaian target", "target", "selamat", "selamat pagi", "pagi", "é", "éa",
]  # fmt: skip
_row = st.lists(st.sampled_from(_PHRASES), max_size=8, unique=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CONTENT_TYPES), min_size=1, max_size=5, unique=True), st.data())
def test_phrase_removal_equals_the_old_code(groups, data) -> None:
    n = data.draw(st.integers(1, 40))
    found = {
        g: pl.Series(
            "m", data.draw(st.lists(_row, min_size=n, max_size=n)), dtype=pl.List(pl.String)
        )
        for g in groups
    }
    got = matching._drop_phrases_inside_other_labels(found)
    want = old.drop_phrases_old(found)
    assert list(got) == list(want)
    for g in found:
        assert got[g].dtype == want[g].dtype and got[g].name == want[g].name
        assert got[g].to_list() == want[g].to_list()
