"""Each distinct normalized caption of a batch is labelled once (etl.classify.engine.
label_captions), and every row gets exactly what labelling it alone gives: label, source,
reason, figure flag and reason, with their types and nulls.

Batches are made of repeats the way real exports repeat a caption: the same text cross-posted,
copied into a logbook, in capitals, in a caption "font", with stretched letters, with spaces
around it, beside nulls and empty captions. Two references: the whole batch labelled row for
row with no deduplication (label_text over every normalized caption), and each row labelled in
a batch of its own.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from etl.classify.engine import label_captions, label_text
from etl.classify.rules import default_rules
from etl.classify.textnorm import normalize_series
from etl.classify.training import shipped_model

HERE = Path(__file__).resolve().parent
_EVAL = pl.read_csv(HERE / "eval_set.csv")["caption"].to_list()
_SMALL_CAPS = str.maketrans("aegilmnprst", "ᴀᴇɢɪʟᴍɴᴘʀꜱᴛ")


def _variant(text: str, how: int) -> str:
    """One way a caption comes back: as it was, in capitals, in small capitals, with a
    stretched vowel, with spaces and a line break around it."""
    if how == 1:
        return text.upper()
    if how == 2:
        return text.translate(_SMALL_CAPS)
    if how == 3:
        return text.replace("a", "aaaa", 1)
    if how == 4:
        return f"  {text}\n"
    return text


_base = st.one_of(
    st.sampled_from(_EVAL),
    st.sampled_from(["Selamat Hari Guru Nasional", "selamat pagi", "Rapat koordinasi"]),
    st.text(min_size=0, max_size=12),
)
_pool = st.lists(_base, min_size=1, max_size=6)


@st.composite
def _batch(draw) -> list[str | None]:
    pool = draw(_pool)
    picks = draw(
        st.lists(
            st.one_of(
                st.none(),
                st.tuples(st.integers(0, len(pool) - 1), st.integers(0, 4)).map(
                    lambda p: _variant(pool[p[0]], p[1])
                ),
            ),
            min_size=1,
            max_size=14,
        )
    )
    return picks


def _every_row(captions: list[str | None], model) -> pl.DataFrame:
    caps = pl.Series("caption", captions, dtype=pl.String)
    return label_text(normalize_series(caps), default_rules(), model)


def _each_alone(captions: list[str | None], model) -> pl.DataFrame:
    return pl.concat([_every_row([c], model) for c in captions])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_batch(), st.booleans())
def test_each_distinct_caption_labelled_once_equals_every_row(captions, use_model) -> None:
    model = shipped_model() if use_model else None
    got = label_captions(pl.Series("caption", captions, dtype=pl.String), default_rules(), model)
    assert_frame_equal(got, _every_row(captions, model))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_batch())
def test_each_row_gets_what_labelling_it_alone_gives(captions) -> None:
    model = shipped_model()
    got = label_captions(pl.Series("caption", captions, dtype=pl.String), default_rules(), model)
    assert_frame_equal(got, _each_alone(captions, model))


def test_repeats_of_every_shipped_caption_in_every_form() -> None:
    """Every evaluation caption five ways, shuffled among each other: the labels of every row
    are those of the batch labelled row for row; and the paths compared are taken."""
    rows: list[str | None] = [_variant(c, k) for k in range(5) for c in _EVAL]
    rows = [rows[(i * 7919) % len(rows)] for i in range(len(rows))] + [None, "", None]
    got = label_captions(pl.Series("caption", rows), default_rules(), shipped_model())
    want = _every_row(rows, shipped_model())
    assert_frame_equal(got, want)
    norm = normalize_series(pl.Series(rows, dtype=pl.String))
    assert norm.n_unique() < pl.Series(rows).n_unique()  # forms that fold to one text
    assert (got["content_source"] == "model").any() and got["figure_reason"].is_not_null().any()
