"""The h21c speed round's classifier gives what the code at 314e6ff gave, row for row.

The reference is tests/classify/labels_314e6ff.py (the old functions, word for word). Every
comparison runs the whole labelling (normalization, rules, model, explanation, combination)
once with the current functions and once with the old ones swapped in, and wants equal frames:
labels, sources, reasons, figure flags and explanations, with their types and nulls. The
explanation alone is also compared on made scores full of ties (equal pushes of two tokens,
a token repeated, pushes of its opening), where the order of ranking matters most.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal, assert_series_equal

from etl.classify import matching
from etl.classify import model as model_mod
from etl.classify.engine import label_captions
from etl.classify.model import Scored
from etl.classify.model_features import _caption_matrices
from etl.classify.rules import default_rules
from etl.classify.training import shipped_model
from etl.classify.vocab import CONTENT_TYPES
from tests.classify import labels_314e6ff as old
from tests.classify.test_label_batch import _EVAL, _INDEPENDENT, _bench_captions, _caption


@contextmanager
def _old_code() -> Iterator[None]:
    """The 314e6ff functions in place of the current ones."""
    real_explain = model_mod.Scored.explain
    real_drop = matching._drop_phrases_inside_other_labels
    model_mod.Scored.explain = old.explain_old  # type: ignore[method-assign]
    matching._drop_phrases_inside_other_labels = old.drop_phrases_old
    try:
        yield
    finally:
        model_mod.Scored.explain = real_explain  # type: ignore[method-assign]
        matching._drop_phrases_inside_other_labels = real_drop


def _both(captions: list[str | None], *, model: bool = True) -> tuple[pl.DataFrame, pl.DataFrame]:
    caps = pl.Series("caption", captions, dtype=pl.String)
    rules, m = default_rules(), shipped_model() if model else None
    got = label_captions(caps, rules, m)
    with _old_code():
        want = label_captions(caps, rules, m)
    return got, want


# Beside test_label_batch's captions: Indonesian words with their affixes (me-, di-, ber-, -kan,
# -nya, -lah), links, hashtags and mentions, and captions in capitals or title case.
_STEMS = ["resmi", "layan", "sosialisasi", "ucap", "capai", "bantu", "jalan", "pantau", "hoaks"]
_affixed = st.tuples(
    st.sampled_from(["", "me", "mem", "di", "ber", "pe", "pen", "ter"]),
    st.sampled_from(_STEMS),
    st.sampled_from(["", "kan", "nya", "lah", "an", "i"]),
).map("".join)
_link = st.sampled_from(
    ["https://www.instagram.com/p/Cx1aB2/", "http://sukamajukab.go.id/berita?id=12&x=y",
     "bit.ly/Lapor-Bupati", "www.youtube.com/watch?v=abc_DEF"]
)  # fmt: skip
_tag = st.sampled_from(
    ["#HariGuruNasional", "#sukamajubangkit", "@diskominfo.sukamaju", "#HGN2026"]
)
_mixed = st.lists(st.one_of(_affixed, _link, _tag, _caption.filter(bool)), max_size=25).map(
    " ".join
)
_any_caption = st.one_of(
    _caption,
    _mixed,
    _caption.map(lambda c: c.upper() if c else c),
    _mixed.map(str.title),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_any_caption, min_size=1, max_size=30), st.booleans())
def test_labels_equal_the_old_code_on_made_captions(captions, model) -> None:
    got, want = _both(captions, model=model)
    assert_frame_equal(got, want)


def test_labels_equal_the_old_code_on_every_shipped_caption() -> None:
    got, want = _both([*_EVAL, *_INDEPENDENT, "", None])
    assert_frame_equal(got, want)
    # the explanation is taken: the model decides some of them
    assert (got["content_source"] == "model").any()


def test_labels_equal_the_old_code_on_benchmark_captions() -> None:
    got, want = _both(_bench_captions(3000))
    assert_frame_equal(got, want)
    assert (got["content_source"] == "model").any()


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_explanation_equals_the_old_code_on_made_scores(data) -> None:
    """Token scores of a few small values (so that pushes tie often), captions of a few
    tokens repeated (so that a token's pushes add up), openings of every length."""
    n_tok = data.draw(st.integers(1, 12))
    n_cap = data.draw(st.integers(1, 25))
    classes = ["a", "b", "c"]
    values = st.sampled_from([-1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 1.0, 2.0, 0.1, 0.3])
    tok_w = np.asarray(
        data.draw(
            st.lists(st.lists(values, min_size=4, max_size=4), min_size=n_tok, max_size=n_tok)
        )
    )
    tok_o = np.asarray(
        data.draw(
            st.lists(st.lists(values, min_size=4, max_size=4), min_size=n_tok, max_size=n_tok)
        )
    )
    caps = data.draw(
        st.lists(st.lists(st.integers(0, n_tok - 1), max_size=15), min_size=n_cap, max_size=n_cap)
    )
    ids = np.asarray([t for c in caps for t in c], dtype=np.int64)
    offsets = np.zeros(n_cap + 1, dtype=np.int64)
    np.cumsum([len(c) for c in caps], out=offsets[1:])
    opening = data.draw(st.integers(0, 6))
    power = data.draw(st.sampled_from([0.0, 0.5, 1.0]))
    a, h = _caption_matrices(ids, offsets, n_tok, opening, power)
    tokens = pl.Series([f"t{i}" for i in range(n_tok)], dtype=pl.String)
    scored = Scored(classes, np.zeros((n_cap, 4)), tokens, tok_w, tok_o, a, h)
    rows = np.asarray(sorted(data.draw(st.sets(st.integers(0, n_cap - 1)))), dtype=np.int64)
    labels = pl.Series(
        data.draw(st.lists(st.sampled_from(classes), min_size=len(rows), max_size=len(rows))),
        dtype=pl.String,
    )
    got = scored.explain(rows, labels)
    want = old.explain_old(scored, rows, labels)
    assert_series_equal(got, want)


@pytest.mark.parametrize("n_rows", [0, 1])
def test_explanation_of_no_or_one_caption(n_rows) -> None:
    m = shipped_model()
    scored = m.score(pl.Series(["bupati meresmikan jembatan desa 12345 67890"]))
    rows = np.arange(n_rows, dtype=np.int64)
    labels = pl.Series(["kegiatan"] * n_rows, dtype=pl.String)
    assert_series_equal(scored.explain(rows, labels), old.explain_old(scored, rows, labels))


# Phrases of several labels, some inside others (at the start, the end, the middle, across a
# word's edge, repeated inside), multibyte letters, the same phrase in two labels, the empty one.
_PHRASES = [
    "rapat", "rapat sosialisasi", "sosialisasi", "sosial", "mohon maaf", "maaf", "hoaks",
    "waspada", "waspada penipuan", "penipuan", "pada", "realisasi", "realisasi desa", "desa",
    "sa", "a", "aa", "aaa", "selamat pagi", "pagi", "é", "éa", "aé", "#hgn", "hgn", "12", "123",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(CONTENT_TYPES), min_size=1, max_size=5, unique=True),
    st.booleans(),
    st.data(),
)
def test_phrase_removal_equals_the_old_code(groups, empty, data) -> None:
    phrases = [*_PHRASES, ""] if empty else _PHRASES
    row = st.lists(st.sampled_from(phrases), max_size=8, unique=True)
    n = data.draw(st.integers(1, 40))
    found = {
        g: pl.Series(
            "m", data.draw(st.lists(row, min_size=n, max_size=n)), dtype=pl.List(pl.String)
        )
        for g in groups
    }
    got = matching._drop_phrases_inside_other_labels(found)
    want = old.drop_phrases_old(found)
    assert list(got) == list(want)
    for g in found:
        assert got[g].dtype == want[g].dtype and got[g].name == want[g].name
        assert got[g].to_list() == want[g].to_list()
